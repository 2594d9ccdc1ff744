/**
 * The API over HTTP, shared by the browser shell (127.0.0.1, per-run token)
 * and the office server (HTTPS on the LAN, the session is the credential):
 * POST /api/METHOD, POST /api/files, GET /api/files/{fileId}, GET /api/events,
 * GET /api. Written against ServedCore so either shell can serve any core.
 * Each shell checks its own gate (token, Host, Origin) before calling in.
 */
import type http from 'node:http';
import path from 'node:path';
import type { ApiError, ApiResult } from '../../shared/api/errors';
import type { FileHandle } from '../../shared/api/files';

export interface ServedCore {
  call(method: string, input: unknown, opts: { session: string | null; clientAddress?: string | null; requestId?: string | null; program?: string | null }): Promise<ApiResult<unknown>>;
  upload(session: string | null, name: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<ApiResult<FileHandle>>;
  /** A readable stream of the caller's own file, or an error result. */
  download(session: string | null, fileId: string): Promise<ApiResult<{ name: string; size: number; open(): NodeJS.ReadableStream }>>;
  /** Events for one session (data.changed for all, job.* only for their owner). */
  subscribe(session: string | null, listener: (e: { type: string }) => void): Promise<ApiResult<() => void>>;
  describe(): unknown;
}

export interface RouteOptions {
  core: ServedCore;
  /** Largest accepted JSON body. */
  maxBodyBytes: number;
  /** The caller's address as the core records it; null for the server's own machine (browser shell). */
  clientAddress: string | null;
  /** The browser shell's EventSource cannot send headers: it may carry the session in the query. */
  sessionInQuery?: boolean;
}

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is a module file; with nosniff a worker served as octet-stream is refused.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export const STATUS: Record<ApiError['code'], number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  UNKNOWN_METHOD: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  DB_TOO_NEW: 409,
  DB_DAMAGED: 503,
  DB_IN_USE: 423,
  CANCELLED: 409,
  IO: 503,
  INTERNAL: 500,
};

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

export function apiError(res: http.ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message, fields: [] } });
}

const header = (req: http.IncomingMessage, name: string): string | null => {
  const v = req.headers[name];
  return typeof v === 'string' && v !== '' ? v : null;
};

/** What the client runs, kept with a new session: X-Program (percent-encoded, e.g. "Văn thư (máy tính)") or the user agent. */
function programOf(req: http.IncomingMessage): string | null {
  const given = header(req, 'x-program');
  let name = given;
  try {
    if (given) name = decodeURIComponent(given);
  } catch {
    name = given;
  }
  return (name ?? header(req, 'user-agent'))?.slice(0, 200) ?? null;
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too-large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers a request under /api; the shell has already let it through its gate. */
export async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, o: RouteOptions): Promise<void> {
  const { core } = o;
  if (url.pathname === '/api' || url.pathname === '/api/') {
    if (req.method !== 'GET') return apiError(res, 405, 'FORBIDDEN', 'Dùng GET để xem danh sách chức năng.');
    return sendJson(res, 200, { methods: core.describe() });
  }
  const session = header(req, 'x-session') ?? (o.sessionInQuery && url.pathname === '/api/events' ? url.searchParams.get('session') || null : null);
  if (url.pathname === '/api/events') {
    if (req.method !== 'GET') return apiError(res, 405, 'FORBIDDEN', 'Dùng GET để nhận sự kiện.');
    return streamEvents(core, session, req, res);
  }
  if (url.pathname === '/api/files' && req.method === 'POST') return receiveFile(core, session, req, res);
  const download = /^\/api\/files\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
  if (download && req.method === 'GET') return sendFile(core, session, download[1]!, res);
  if (req.method !== 'POST') return apiError(res, 405, 'FORBIDDEN', 'Dùng POST để gọi chức năng.');
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  let input: unknown;
  try {
    const body = await readBody(req, o.maxBodyBytes);
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch (e) {
    if ((e as Error).message === 'too-large') return apiError(res, 413, 'VALIDATION', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(o.maxBodyBytes / 1048576)} MB).`);
    return apiError(res, 400, 'VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
  }
  const program = programOf(req);
  const result = await core.call(method, input, { session, clientAddress: o.clientAddress, requestId: header(req, 'x-request-id'), ...(program ? { program } : {}) });
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
}

/** An upload: the raw body is the file, X-File-Name (percent-encoded) its name. */
async function receiveFile(core: ServedCore, session: string | null, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
  } catch {
    name = '';
  }
  if (!name.trim()) return apiError(res, 400, 'VALIDATION', 'Thiếu tên tệp (X-File-Name).');
  const result = await core.upload(session, name, req);
  // A refused upload may leave the body unread: the connection is not reused.
  if (!result.ok) res.setHeader('connection', 'close');
  sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
}

async function sendFile(core: ServedCore, session: string | null, fileId: string, res: http.ServerResponse): Promise<void> {
  const r = await core.download(session, fileId);
  if (!r.ok) return sendJson(res, STATUS[r.error.code], r);
  res.writeHead(200, {
    'content-type': MIME[path.extname(r.value.name).toLowerCase()] ?? 'application/octet-stream',
    'content-length': r.value.size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.value.name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  r.value.open().pipe(res);
}

/** A comment line now and then, so that a client (and the server) soon notice a dropped line. */
const PING_MS = 15_000;

/** Server-sent events for the caller's session: the counterpart of the preload's subscription. */
async function streamEvents(core: ServedCore, session: string | null, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const begin = () => {
    if (res.headersSent) return;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    res.write(': ok\n\n');
  };
  const sub = await core.subscribe(session, (e) => {
    begin();
    res.write(`data: ${JSON.stringify(e)}\n\n`);
    // The session was ended or expired: nothing more is sent on this stream.
    if (e.type === 'session.ended') res.end();
  });
  if (!sub.ok) return sendJson(res, STATUS[sub.error.code], sub);
  begin();
  const ping = setInterval(() => res.write(': ping\n\n'), PING_MS);
  const off = () => {
    clearInterval(ping);
    sub.value();
  };
  req.on('close', off);
  res.on('close', off);
}
