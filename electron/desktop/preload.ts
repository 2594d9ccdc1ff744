/** Exposes exactly one call function, one upload and one event subscription, nothing of Node or IPC. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const CALL_CHANNEL = 'vanthu:call';
const EVENT_CHANNEL = 'vanthu:event';
const UPLOAD_CHANNEL = 'vanthu:upload';

contextBridge.exposeInMainWorld('vanthu', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(CALL_CHANNEL, String(method), input),
  upload: (name: string, content: Uint8Array): Promise<unknown> => ipcRenderer.invoke(UPLOAD_CHANNEL, String(name), content),
  onEvent: (listener: (e: unknown) => void): (() => void) => {
    const handler = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
});
