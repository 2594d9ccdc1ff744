/**
 * The typed API client. In the desktop shell the preload exposes
 * window.vanthu; in the browser shell calls go over HTTP with the run's token.
 */
import type { ApiError, ApiResult, Input, MethodName, Output } from '../../../shared/api/index';

export interface Bridge {
  call(method: string, input: unknown): Promise<ApiResult<unknown>>;
  onEvent(listener: (e: { type: string }) => void): () => void;
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

function httpBridge(): Bridge {
  const token = takeToken();
  return {
    async call(method, input) {
      try {
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-session': sessionStorage.getItem(SESSION_KEY) ?? '' },
          body: JSON.stringify(input ?? {}),
        });
        const result = (await res.json()) as ApiResult<unknown>;
        // The browser keeps the session for this tab only; the desktop shell keeps it in its main process.
        if (method === 'auth.login' && result.ok) sessionStorage.setItem(SESSION_KEY, (result.value as { session: string }).session);
        if (method === 'auth.logout') sessionStorage.removeItem(SESSION_KEY);
        return result;
      } catch {
        return {
          ok: false,
          error: { code: 'IO', message: 'Mất kết nối tới chương trình Văn thư. Hãy kiểm tra cửa sổ dòng lệnh còn chạy không.', fields: [] },
        };
      }
    },
    onEvent(listener) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (m) => listener(JSON.parse(String(m.data)) as { type: string });
      return () => source.close();
    },
  };
}

const bridge: Bridge = window.vanthu ?? httpBridge();

/** A download link of the browser shell (links cannot carry the Authorization header). */
export function downloadUrl(path: string): string {
  return `${path}?token=${encodeURIComponent(sessionStorage.getItem(TOKEN_KEY) ?? '')}&session=${encodeURIComponent(sessionStorage.getItem(SESSION_KEY) ?? '')}`;
}

export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
  return (await bridge.call(method, input)) as ApiResult<Output<M>>;
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
