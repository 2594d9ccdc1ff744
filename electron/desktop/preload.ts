/** Exposes exactly one call function, one upload, one download of the window's own file handles and one event subscription, nothing of Node or IPC. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALL_CHANNEL = 'vanthu:call';
const EVENT_CHANNEL = 'vanthu:event';
const UPLOAD_CHANNEL = 'vanthu:upload';
const DOWNLOAD_CHANNEL = 'vanthu:download';

contextBridge.exposeInMainWorld('vanthu', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, String(method), input),
  upload: (name: string, content: Uint8Array): Promise<unknown> => ipcRenderer.invoke(UPLOAD_CHANNEL, String(name), content),
  download: (fileId: string): Promise<unknown> => ipcRenderer.invoke(DOWNLOAD_CHANNEL, String(fileId)),
  onEvent: (listener: (e: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});
