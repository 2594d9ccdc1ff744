/**
 * The typed API client. In the desktop shell the preload exposes
 * window.vanthu; in the browser shell calls go over HTTP with the run's token.
 */
import type { ApiError, ApiResult, Input, MethodName, Output, ShellInput, ShellMethodName, ShellOutput } from '../../../shared/api/index';
import type { FileHandle } from '../../../shared/api/files';

export interface Bridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  /** A file the user picked or dropped, kept by the core; answered with its handle. */
  upload(name: string, content: Uint8Array<ArrayBuffer>): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: { type: string }) => void): () => void;
  /** A file the core holds, by its handle, to show in the page (a queue item's preview). */
  download?(fileId: string): Promise<ApiResult<Uint8Array<ArrayBuffer>>>;
}

declare global {
  interface Window {
    vanthu?: Bridge;
  }
}

const TOKEN_KEY = 'vanthu.token';
const SESSION_KEY = 'vanthu.session';

function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const lostConnection: { ok: false; error: ApiError } = {
  ok: false,
  error: { code: 'IO', message: 'Mất kết nối tới chương trình Văn thư. Hãy kiểm tra cửa sổ dòng lệnh còn chạy không.', fields: [] },
};

/**
 * Whether the frame shows the lost-connection banner: the shell itself is
 * unreachable (a failed fetch), or the office server is (the shell says so).
 * Only a banner: nothing is unmounted, so what the user typed stays.
 */
export interface ConnectionView { lost: boolean; message: string | null }
const connection = { shell: false, office: null as string | null };
const connectionListeners = new Set<(v: ConnectionView) => void>();
export const connectionView = (): ConnectionView => ({
  lost: connection.shell || connection.office !== null,
  message: connection.shell ? lostConnection.error.message : connection.office,
});
function setConnection(change: Partial<typeof connection>): void {
  const before = JSON.stringify(connectionView());
  Object.assign(connection, change);
  if (JSON.stringify(connectionView()) === before) return;
  for (const l of connectionListeners) l(connectionView());
}
export function onConnection(listener: (v: ConnectionView) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}
const OFFICE_LOST = 'Mất kết nối tới máy chủ văn phòng, đang thử lại…';
/** A connection event of the shell ({type: 'connection', state, message}). */
function noteConnectionEvent(e: { type: string }): void {
  if (e.type !== 'connection') return;
  const c = e as { type: string; state?: string; message?: string | null };
  setConnection({ office: c.state === 'lost' ? (c.message ?? OFFICE_LOST) : null });
}

const eventListeners = new Set<(e: { type: string }) => void>();
let events: EventSource | null = null;

/** One stream for the tab, opened again when the session changes: the server sends a session only its own events. */
function openEvents(): void {
  events?.close();
  const session = sessionStorage.getItem(SESSION_KEY) ?? '';
  const source = new EventSource(`/api/events?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}${session ? `&session=${encodeURIComponent(session)}` : ''}`);
  events = source;
  source.onmessage = (m) => {
    const e = JSON.parse(String(m.data)) as { type: string };
    for (const l of eventListeners) l(e);
  };
  // Reconnecting means the shell is away; a stream refused (no session yet) is closed and says nothing.
  source.onerror = () => {
    if (source.readyState === EventSource.CONNECTING) setConnection({ shell: true });
  };
  source.onopen = () => setConnection({ shell: false });
}

function httpBridge(): Bridge {
  const token = takeToken();
  return {
    async upload(name, content) {
      try {
        const res = await fetch('/api/files', {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}`, 'x-session': sessionStorage.getItem(SESSION_KEY) ?? '', 'x-file-name': encodeURIComponent(name) },
          body: content,
        });
        setConnection({ shell: false });
        return (await res.json()) as ApiResult<unknown>;
      } catch {
        setConnection({ shell: true });
        return lostConnection;
      }
    },
    async call(method, input) {
      try {
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-session': sessionStorage.getItem(SESSION_KEY) ?? '' },
          body: JSON.stringify(input ?? {}),
        });
        setConnection({ shell: false });
        const result = (await res.json()) as ApiResult<unknown>;
        // The browser keeps the session for this tab only; the desktop shell keeps it in its main process.
        if (method === 'auth.login' && result.ok) sessionStorage.setItem(SESSION_KEY, (result.value as { session: string }).session);
        if (method === 'auth.logout') sessionStorage.removeItem(SESSION_KEY);
        if ((method === 'auth.login' && result.ok) || method === 'auth.logout') openEvents();
        return result;
      } catch {
        setConnection({ shell: true });
        return lostConnection;
      }
    },
    async download(fileId) {
      try {
        const res = await fetch(`/api/files/${encodeURIComponent(fileId)}`, { headers: { authorization: `Bearer ${token}`, 'x-session': sessionStorage.getItem(SESSION_KEY) ?? '' } });
        setConnection({ shell: false });
        if (!res.ok) return (await res.json()) as ApiResult<never>;
        return { ok: true, value: new Uint8Array(await res.arrayBuffer()) };
      } catch {
        setConnection({ shell: true });
        return lostConnection;
      }
    },
    onEvent(listener) {
      eventListeners.add(listener);
      if (!events) openEvents();
      return () => eventListeners.delete(listener);
    },
  };
}

const bridge: Bridge = window.vanthu ?? httpBridge();
bridge.onEvent(noteConnectionEvent);

/** A page opened while the server is already away learns it from the shell. */
export async function checkConnection(): Promise<void> {
  const r = await bridge.call('office.connectionStatus', {});
  if (!r.ok) return;
  const v = r.value as { state: string | null; message: string | null };
  setConnection({ office: v.state === 'lost' ? (v.message ?? OFFICE_LOST) : null });
}

/** Sends a picked or dropped file to the core: its handle. */
export async function uploadFile(file: File): Promise<ApiResult<FileHandle>> {
  return (await bridge.upload(file.name, new Uint8Array(await file.arrayBuffer()))) as ApiResult<FileHandle>;
}

/** A file the core holds, as a File for the page to show; an error when this shell cannot hand files to the page. */
export async function downloadFile(handle: FileHandle): Promise<ApiResult<File>> {
  if (!bridge.download) return { ok: false, error: { code: 'IO', message: 'Bản này chưa xem trước được tệp; các trường vẫn được đọc từ tệp.', fields: [] } };
  const r = await bridge.download(handle.fileId);
  return r.ok ? { ok: true, value: new File([r.value], handle.name) } : r;
}

/**
 * Saves a file the core made: the desktop shows its save dialog; the browser
 * fetches it with token and session and hands it to the browser's downloads.
 * The message to show.
 */
export async function saveFile(handle: FileHandle): Promise<string> {
  const r = await call('files.save', { fileId: handle.fileId });
  if (!r.ok) return r.error.message;
  if (!r.value.downloadUrl) return r.value.saved ? `Đã lưu "${handle.name}".` : 'Chưa lưu tệp (đã hủy).';
  try {
    const res = await fetch(r.value.downloadUrl, { headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}`, 'x-session': sessionStorage.getItem(SESSION_KEY) ?? '' } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: ApiError } | null;
      return body?.error?.message ?? `Không tải được tệp "${handle.name}".`;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = handle.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return `Đã tải về "${handle.name}".`;
  } catch {
    return lostConnection.error.message;
  }
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
  return (await bridge.call(method, input)) as ApiResult<Output<M>>;
}

/** The shell's own methods (office.*): the same call path, answered by the shell, not the core. */
export async function callShell<M extends ShellMethodName>(method: M, input: ShellInput<M>): Promise<ApiResult<ShellOutput<M>>> {
  return (await bridge.call(method, input)) as ApiResult<ShellOutput<M>>;
}

/** After switching between this PC's database and the office server: everything is loaded anew. */
export function restartApp(): void {
  sessionStorage.removeItem(SESSION_KEY);
  window.location.reload();
}

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

/** For loads where a failure is shown as one message, not per field. */
export async function fetchValue<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await call(method, input);
  if (!r.ok) throw new ApiCallError(r.error);
  return r.value;
}

export const onEvent = (listener: (e: { type: string }) => void) => bridge.onEvent(listener);
