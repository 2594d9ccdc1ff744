/**
 * A core on another PC: the office server, reached over HTTPS with its pinned
 * certificate. Same shape as the local core for the shells. A write whose
 * answer never came is repeated with the same X-Request-Id, so the server
 * answers it from its request log instead of doing it twice.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { AppError, contracts, isMethodName, type ApiError, type ApiResult } from '../../shared/api/index';
import type { FileHandle } from '../../shared/api/files';
import { pinnedEvents, pinnedRequest } from './pinned';

export interface RemoteEvent {
  type: string;
  [k: string]: unknown;
}

export type ConnectionState = 'ok' | 'lost' | 'connecting';

export interface RemoteOptions {
  url: string;
  fingerprint: string;
  /** How long a call keeps trying while the server is away (default 2 minutes). */
  retryForMs?: number;
  /** Tests: the waits between tries (default 0.5 s doubling up to 15 s). */
  delayMs?: (attempt: number) => number;
  /** Shown to the administrator in the list of connected clients. */
  program?: string;
}

export const LOST_MESSAGE = 'Mất kết nối tới máy chủ văn phòng, đang thử lại…';

const defaultDelay = (attempt: number) => Math.min(500 * 2 ** attempt, 15_000);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function isNetwork(e: unknown): boolean {
  return e instanceof AppError && e.code === 'IO' && e.details?.network === true;
}

function failure(e: unknown): { ok: false; error: ApiError } {
  if (e instanceof AppError) return { ok: false, error: e.toApiError() };
  return { ok: false, error: { code: 'IO', message: `Máy chủ văn phòng trả lời không đúng: ${e instanceof Error ? e.message : String(e)}`, fields: [] } };
}

function parseResult(body: Buffer): ApiResult<unknown> {
  const parsed: unknown = JSON.parse(body.toString('utf8'));
  if (typeof parsed === 'object' && parsed !== null && 'ok' in parsed) return parsed as ApiResult<unknown>;
  throw new Error('câu trả lời không phải kết quả của chức năng');
}

function nameFrom(disposition: string | string[] | undefined, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(String(disposition ?? ''));
  try {
    return m?.[1] ? decodeURIComponent(m[1]) : fallback;
  } catch {
    return fallback;
  }
}

async function bytesOf(content: AsyncIterable<Uint8Array> | Uint8Array): Promise<Buffer> {
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  const chunks: Buffer[] = [];
  for await (const c of content) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

export function createRemoteCore(opts: RemoteOptions) {
  const { url, fingerprint } = opts;
  const retryForMs = opts.retryForMs ?? 120_000;
  const delayMs = opts.delayMs ?? defaultDelay;
  // Headers are Latin-1: the server decodes the name.
  const ident = { 'user-agent': 'VanThu-MayTram', 'x-program': encodeURIComponent(opts.program ?? 'Văn thư (máy trạm)') };
  const listeners = new Set<(e: RemoteEvent) => void>();
  let session: string | null = null;
  let state: ConnectionState = 'connecting';
  let message: string | null = null;
  let methods: unknown = null;
  let closed = false;
  let stopStream: (() => void) | null = null;
  let streamGeneration = 0;

  const emit = (e: RemoteEvent) => {
    for (const l of listeners) l(e);
  };
  function setState(next: ConnectionState, why: string | null): void {
    const changed = next !== state;
    state = next;
    message = why;
    if (changed && next !== 'connecting') emit({ type: 'connection', state: next, message: why });
  }

  /** One request, tried again on a network failure until retryForMs has passed. */
  async function request(o: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number; once?: boolean }) {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await pinnedRequest({ url, fingerprint, ...o, headers: { ...ident, ...o.headers } });
        if (state !== 'ok') setState('ok', null);
        return res;
      } catch (e) {
        if (!isNetwork(e) || closed || o.once) throw e;
        setState('lost', LOST_MESSAGE);
        const wait = delayMs(attempt);
        if (Date.now() - started + wait > retryForMs) {
          throw new AppError('IO', 'Không kết nối được máy chủ văn phòng sau nhiều lần thử. Việc vừa làm có thể chưa được ghi: hãy kiểm tra máy chủ và mạng, rồi xem lại danh sách trước khi làm lại.', [], { network: true });
        }
        await sleep(wait);
      }
    }
  }

  /** undefined: the session signed in through this remote; null: none (never another caller's). */
  const who = (s: string | null | undefined) => (s === undefined ? session : s);
  function sessionHeaders(s: string | null): Record<string, string> {
    return s ? { 'x-session': s } : {};
  }

  /** The event stream of the signed-in session; after a break, one data.changed so open lists reload. */
  function startStream(s: string, generation: number, attempt = 0): void {
    if (closed || generation !== streamGeneration) return;
    stopStream = pinnedEvents({
      url,
      fingerprint,
      session: s,
      onEvent: (e) => {
        if (state !== 'ok') setState('ok', null);
        // Ended by the administrator or by idling: nothing more comes on this session.
        if (e.type === 'session.ended') streamGeneration++;
        emit(e as RemoteEvent);
      },
      onEnd: (err) => {
        if (closed || generation !== streamGeneration) return;
        if (err instanceof AppError && (err.code === 'UNAUTHORIZED' || err.code === 'FORBIDDEN')) return;
        setState('lost', LOST_MESSAGE);
        void sleep(delayMs(attempt)).then(() => reconnect(s, generation, attempt + 1));
      },
    });
  }

  async function reconnect(s: string, generation: number, attempt: number): Promise<void> {
    if (closed || generation !== streamGeneration) return;
    try {
      await pinnedRequest({ url, fingerprint, method: 'POST', path: '/api/auth.status', headers: { 'content-type': 'application/json', ...ident, ...sessionHeaders(s) }, body: Buffer.from('{}'), timeoutMs: 10_000 });
    } catch (e) {
      if (!isNetwork(e)) return;
      await sleep(delayMs(Math.min(attempt, 10)));
      return reconnect(s, generation, attempt + 1);
    }
    if (closed || generation !== streamGeneration) return;
    setState('ok', null);
    startStream(s, generation, 0);
    emit({ type: 'data.changed', method: 'office.reconnect' });
  }

  function follow(s: string | null): void {
    stopStream?.();
    stopStream = null;
    streamGeneration++;
    if (s) startStream(s, streamGeneration);
  }

  async function call(method: string, input: unknown, callOpts: { session?: string | null; requestId?: string | null } = {}): Promise<ApiResult<unknown>> {
    const caller = who(callOpts.session);
    const write = isMethodName(method) && (contracts[method].mode ?? 'write') !== 'read';
    // One id for every try of this call: the server does it once.
    const requestId = write ? (callOpts.requestId ?? crypto.randomUUID()) : null;
    try {
      const res = await request({
        method: 'POST',
        path: `/api/${encodeURIComponent(method)}`,
        headers: { 'content-type': 'application/json', ...sessionHeaders(caller), ...(requestId ? { 'x-request-id': requestId } : {}) },
        body: Buffer.from(JSON.stringify(input ?? {})),
        timeoutMs: write ? 300_000 : 120_000,
      });
      const result = parseResult(res.body);
      if (method === 'auth.login' && result.ok) {
        session = (result.value as { session: string }).session;
        follow(session);
      }
      if (method === 'auth.logout' && caller === session) {
        session = null;
        follow(null);
      }
      return result;
    } catch (e) {
      return failure(e);
    }
  }

  return {
    url,
    fingerprint,
    /** One try, so that a wrong address or certificate is said at once; reads the method list for describe(). */
    async connect(): Promise<void> {
      const res = await request({ method: 'GET', path: '/api', timeoutMs: 15_000, once: true });
      if (res.status === 200) methods = (JSON.parse(res.body.toString('utf8')) as { methods?: unknown }).methods ?? null;
      setState('ok', null);
    },
    status: () => ({ state, message }),
    call,
    async upload(s: string | null | undefined, name: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<ApiResult<FileHandle>> {
      try {
        const body = await bytesOf(content);
        const res = await request({ method: 'POST', path: '/api/files', headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...sessionHeaders(who(s)) }, body, timeoutMs: 300_000 });
        return parseResult(res.body) as ApiResult<FileHandle>;
      } catch (e) {
        return failure(e);
      }
    },
    /** The file in memory (exports are small next to the memory of an office PC). */
    async download(s: string | null | undefined, fileId: string): Promise<ApiResult<{ name: string; size: number; open(): NodeJS.ReadableStream }>> {
      try {
        const res = await request({ method: 'GET', path: `/api/files/${encodeURIComponent(fileId)}`, headers: sessionHeaders(who(s)), timeoutMs: 300_000 });
        if (res.status !== 200) {
          const refused = parseResult(res.body);
          return refused.ok ? failure(new Error(`mã ${res.status}`)) : refused;
        }
        const body = res.body;
        return { ok: true, value: { name: nameFrom(res.headers['content-disposition'], fileId), size: body.length, open: () => Readable.from([body]) } };
      } catch (e) {
        return failure(e);
      }
    },
    /** Every event of the signed-in session, and the connection's own. */
    onEvent(listener: (e: RemoteEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async subscribe(_session: string | null, listener: (e: { type: string }) => void): Promise<ApiResult<() => void>> {
      listeners.add(listener);
      return { ok: true, value: () => listeners.delete(listener) };
    },
    describe: (): unknown => methods,
    async close(): Promise<void> {
      closed = true;
      streamGeneration++;
      stopStream?.();
      listeners.clear();
    },
  };
}

export type RemoteCore = ReturnType<typeof createRemoteCore>;
