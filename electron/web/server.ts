/**
 * The browser shell: the same core over HTTP, on 127.0.0.1 only, behind a
 * random per-run token. It serves the built renderer and POST /api/<method>.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { apiError, handleApi, MIME, type ServedCore } from './routes';

export interface WebServerOptions {
  core: ServedCore;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
  /** Largest accepted request body. */
  maxBodyBytes?: number;
}

export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

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

export function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
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
      return await handleApi(req, res, url, { core, maxBodyBytes: limit, clientAddress: null, sessionInQuery: true });
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

