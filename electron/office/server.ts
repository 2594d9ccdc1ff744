/**
 * The office server: the same API as the browser shell, over HTTPS on an
 * address of the office's network, for the other PCs. No per-run token: each
 * person's session is the credential. No cookies anywhere, and a request from
 * a web page of another origin is refused, so a page on the LAN cannot call in
 * with a browser's help. The client's address goes into the audit log.
 */
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { serverCertificate } from './certificate';
import { apiError, handleApi, type ServedCore } from '../web/routes';
import { serveStatic } from '../web/server';

export interface OfficeServerOptions {
  core: ServedCore;
  /** Never every interface by default: the caller names the address ('0.0.0.0' only when asked for). */
  listen: { host: string; port: number };
  /** Where the certificate and its key are kept (made on first start). */
  certDir: string;
  /** The built renderer, for a browser on the LAN. */
  staticDir?: string;
  maxBodyBytes?: number;
}

export interface OfficeServer {
  url: string;
  host: string;
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

const hostPart = (host: string) => (host.includes(':') ? `[${host}]` : host);

export async function startOfficeServer(opts: OfficeServerOptions): Promise<OfficeServer> {
  const { host } = opts.listen;
  const cert = await serverCertificate(opts.certDir, [host]);
  const limit = opts.maxBodyBytes ?? 50 * 1024 * 1024;
  const server = https.createServer({ cert: cert.certPem, key: cert.keyPem, minVersion: 'TLSv1.2' }, async (req, res) => {
    try {
      // Whatever name the client used is fine (the pin is the trust), but a page of another origin may not call in.
      const origin = req.headers.origin;
      const own = `https://${req.headers.host ?? ''}`;
      if (origin !== undefined && origin !== own) return apiError(res, 403, 'FORBIDDEN', 'Yêu cầu từ trang web khác bị từ chối.');
      const url = new URL(req.url ?? '/', own);
      if (!url.pathname.startsWith('/api')) {
        if (!opts.staticDir) return apiError(res, 404, 'NOT_FOUND', 'Máy chủ văn phòng chỉ phục vụ API (/api).');
        if (req.method !== 'GET' && req.method !== 'HEAD') return apiError(res, 405, 'FORBIDDEN', 'Phương thức không hợp lệ.');
        return serveStatic(opts.staticDir, url.pathname, res);
      }
      return await handleApi(req, res, url, { core: opts.core, maxBodyBytes: limit, clientAddress: req.socket.remoteAddress ?? 'không rõ' });
    } catch (e) {
      console.error('[van-thu máy chủ]', e);
      if (!res.headersSent) apiError(res, 500, 'INTERNAL', 'Lỗi hệ thống.');
    }
  });
  // Longer than a client waits between two calls, so a kept-alive connection is rarely closed under a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.listen.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://${hostPart(host)}:${port}`,
    host,
    port,
    fingerprint: cert.fingerprint,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
