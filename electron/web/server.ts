/**
 * The browser shell: the same core over HTTP, on 127.0.0.1 only, behind a
 * random per-run token. It serves the built renderer and POST /api/<method>.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/index';
import type { ApiError } from '../../shared/api/errors';

export interface WebServerOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

const MIME: Record<string, string> = {
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

export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const STATUS: Record<ApiError['code'], number> = {
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

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(data);
}

function apiError(res: http.ServerResponse, status: number, code: ApiError['code'], message: string): void {
  sendJson(res, status, { ok: false, error: { code, message, fields: [] } });
}

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function bearer(req: http.IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : undefined;
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

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const rel = decodeURIComponent(urlPath).replace(/^\/+/, '') || 'index.html';
  const root = path.resolve(staticDir);
  let file = path.resolve(root, rel);
  if (!file.startsWith(root + path.sep)) return apiError(res, 403, 'FORBIDDEN', 'Không được phép.');
  // Client-side routes fall back to the app page.
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Chưa dựng giao diện (dist/renderer). Hãy chạy: npm run build');
    return;
  }
  res.writeHead(200, {
    'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  fs.createReadStream(file).pipe(res);
}

export async function startWebServer(opts: WebServerOptions) {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const limit = opts.maxBodyBytes ?? 50 * 1024 * 1024;
  const { core } = opts;
  let port = 0;

  const server = http.createServer(async (req, res) => {
    try {
      // Refuse requests addressed to another host name (DNS rebinding).
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
        return apiError(res, 421, 'FORBIDDEN', 'Địa chỉ máy chủ không hợp lệ.');
      }
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (!url.pathname.startsWith('/api')) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return apiError(res, 405, 'FORBIDDEN', 'Phương thức không hợp lệ.');
        return serveStatic(opts.staticDir, url.pathname, res);
      }
      // EventSource cannot send headers: it carries the token in the query.
      const given = url.pathname === '/api/events' ? url.searchParams.get('token') ?? undefined : bearer(req);
      if (!tokenMatches(given, token)) {
        return apiError(res, 401, 'UNAUTHORIZED', 'Thiếu hoặc sai mã truy cập (token). Hãy mở đúng địa chỉ mà chương trình in ra.');
      }
      if (url.pathname === '/api' || url.pathname === '/api/') {
        if (req.method !== 'GET') return apiError(res, 405, 'FORBIDDEN', 'Dùng GET để xem danh sách chức năng.');
        return sendJson(res, 200, { methods: core.describe() });
      }
      if (url.pathname === '/api/events') return streamEvents(core, req, res);
      const session = typeof req.headers['x-session'] === 'string' ? req.headers['x-session'] : null;
      if (url.pathname === '/api/files' && req.method === 'POST') return receiveFile(core, session, req, res);
      const download = /^\/api\/files\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
      if (download && req.method === 'GET') return sendFile(core, session, download[1]!, res);
      if (req.method !== 'POST') return apiError(res, 405, 'FORBIDDEN', 'Dùng POST để gọi chức năng.');
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let input: unknown = {};
      try {
        const body = await readBody(req, limit);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch (e) {
        if ((e as Error).message === 'too-large')
          return apiError(res, 413, 'VALIDATION', `Dữ liệu gửi lên quá lớn (tối đa ${Math.round(limit / 1048576)} MB).`);
        return apiError(res, 400, 'VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ.');
      }
      const result = await core.call(method, input, { session });
      sendJson(res, result.ok ? 200 : STATUS[result.error.code], result);
    } catch (e) {
      console.error('[van-thu web]', e);
      if (!res.headersSent) apiError(res, 500, 'INTERNAL', 'Lỗi hệ thống.');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An upload: the raw body is the file, X-File-Name (percent-encoded) its name. */
async function receiveFile(core: Core, session: string | null, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
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

async function sendFile(core: Core, session: string | null, fileId: string, res: http.ServerResponse): Promise<void> {
  const r = await core.download(session, fileId);
  if (!r.ok) return sendJson(res, STATUS[r.error.code], r);
  res.writeHead(200, {
    'content-type': MIME[path.extname(r.value.name).toLowerCase()] ?? 'application/octet-stream',
    'content-length': r.value.size,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.value.name)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  fs.createReadStream(r.value.path).pipe(res);
}

/** Server-sent events: the browser shell's counterpart of the preload's subscription. */
function streamEvents(core: Core, req: http.IncomingMessage, res: http.ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': ok\n\n');
  const off = core.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`));
  req.on('close', off);
}
