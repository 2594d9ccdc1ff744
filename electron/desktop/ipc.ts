/**
 * IPC glue: one channel for calls, one for events. Structural types stand in
 * for Electron's so the glue is tested with fakes.
 */
import type { ApiResult } from '../../shared/api/errors';
import { isTrustedSender, type FrameLike } from './security';

export const CALL_CHANNEL = 'vanthu:call';
export const EVENT_CHANNEL = 'vanthu:event';
/** A file the user picked or dropped: its name and bytes, kept by the core as a handle. */
export const UPLOAD_CHANNEL = 'vanthu:upload';
/** A file the core holds, by the window's own handle: its bytes, for the page to show (a queue item's preview). */
export const DOWNLOAD_CHANNEL = 'vanthu:download';

export interface InvokeEventLike {
  senderFrame: FrameLike | null;
  sender?: { id: number };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface CoreLike {
  call(method: string, input: unknown, opts?: { session?: string | null }): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: { type: string }) => void): () => void;
  upload(session: string | null, name: string, content: Uint8Array): Promise<ApiResult<unknown>>;
  download(session: string | null, fileId: string): Promise<ApiResult<{ open(): NodeJS.ReadableStream }>>;
}

const untrusted = { ok: false, error: { code: 'FORBIDDEN', message: 'Yêu cầu không đến từ cửa sổ của chương trình.', fields: [] } } as const;

export interface EventTarget {
  send(channel: string, payload: unknown): void;
}

export function registerIpc(ipcMain: IpcMainLike, core: CoreLike, targets: () => EventTarget[]): () => void {
  // The session stays in the main process, per window: the renderer never holds the token.
  const sessions = new Map<number, string>();
  ipcMain.handle(CALL_CHANNEL, async (event, method, input) => {
    if (!isTrustedSender(event.senderFrame)) return untrusted;
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Tên chức năng phải là chuỗi ký tự.', fields: [] } };
    }
    const key = event.sender?.id ?? 0;
    const result = await core.call(method, input, { session: sessions.get(key) ?? null });
    // Another database behind the window (the office server, or this PC's own): its session means nothing there.
    if (method === 'auth.logout' || ((method === 'office.connect' || method === 'office.disconnect') && result.ok)) sessions.delete(key);
    if (method === 'auth.login' && result.ok) {
      const value = result.value as { session: string; user: unknown };
      sessions.set(key, value.session);
      return { ok: true, value: { ...value, session: '' } };
    }
    return result;
  });
  ipcMain.handle(UPLOAD_CHANNEL, async (event, name, content) => {
    if (!isTrustedSender(event.senderFrame)) return untrusted;
    if (typeof name !== 'string' || !(content instanceof Uint8Array)) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Tệp gửi lên phải có tên và nội dung.', fields: [{ path: 'file', message: 'Tệp gửi lên phải có tên và nội dung.' }] } };
    }
    return core.upload(sessions.get(event.sender?.id ?? 0) ?? null, name, content);
  });
  ipcMain.handle(DOWNLOAD_CHANNEL, async (event, fileId) => {
    if (!isTrustedSender(event.senderFrame)) return untrusted;
    if (typeof fileId !== 'string') return { ok: false, error: { code: 'VALIDATION', message: 'Mã tệp phải là chuỗi ký tự.', fields: [{ path: 'fileId', message: 'Mã tệp phải là chuỗi ký tự.' }] } };
    const held = await core.download(sessions.get(event.sender?.id ?? 0) ?? null, fileId);
    if (!held.ok) return held;
    const chunks: Buffer[] = [];
    // Local or on the office server: the same stream either way.
    for await (const chunk of held.value.open()) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return { ok: true, value: new Uint8Array(Buffer.concat(chunks)) };
  });
  return core.onEvent((e) => {
    for (const t of targets()) t.send(EVENT_CHANNEL, e);
  });
}
