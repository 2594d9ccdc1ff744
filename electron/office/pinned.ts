/**
 * The client side of the office server's TLS: the server's certificate is
 * self-signed, so no authority vouches for it; the SHA-256 fingerprint the
 * user confirmed once (from the hand-over sheet) is the trust. Every
 * connection is checked against it after the handshake and before a byte of
 * a request is written, so a changed certificate never receives a password.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { AppError } from '../../shared/api/errors';

export function fingerprintOf(certDer: Buffer): string {
  return (crypto.createHash('sha256').update(certDer).digest('hex').toUpperCase().match(/../g) ?? []).join(':');
}

/** 'AB:CD:…', 'abcd…', 'SHA256:AB:CD…' and the like, as the canonical 'AB:CD:…'; null if it is not 32 bytes of hex. */
export function normaliseFingerprint(s: string): string | null {
  const hex = s
    .trim()
    .replace(/^sha-?256[:\s]*/i, '')
    .replace(/[\s:-]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return (hex.match(/../g) ?? []).join(':');
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'EADDRNOTAVAIL']);

/** A dropped line, a refused connection, a timeout: the caller may try again. */
function networkError(e: unknown, url: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
  // "socket hang up" has the code ECONNRESET too; a TLS failure (not a Văn thư server, an old protocol) is not retried.
  const network = typeof code === 'string' && NETWORK_CODES.has(code);
  const advice = network ? 'Hãy kiểm tra mạng và máy chủ; chương trình sẽ tự thử lại.' : 'Địa chỉ này có phải máy chủ Văn thư không?';
  return new AppError('IO', `Không kết nối được máy chủ văn phòng ${url} (${reason}). ${advice}`, [], { network, reason });
}

function mismatch(url: string, expected: string, got: string): AppError {
  return new AppError(
    'FORBIDDEN',
    `CẢNH BÁO: máy chủ ${url} đưa ra chứng thư khác với chứng thư đã xác nhận (vân tay ${got}, đã ghi nhận ${expected}). Có thể có máy khác đang giả danh máy chủ: chưa gửi gì (kể cả mật khẩu). Hãy hỏi người quản trị; chỉ xác nhận lại vân tay nếu máy chủ thật sự vừa làm lại chứng thư.`,
    [],
    { fingerprint: got, expected },
  );
}

function target(url: string): { host: string; port: number; origin: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('VALIDATION', `Địa chỉ máy chủ "${url}" không hợp lệ (ví dụ đúng: https://192.168.1.10:8443).`, [{ path: 'url', message: 'Địa chỉ không hợp lệ.' }]);
  }
  if (u.protocol !== 'https:') throw new AppError('VALIDATION', 'Máy chủ văn phòng chỉ dùng https://.', [{ path: 'url', message: 'Phải bắt đầu bằng https://' }]);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 443), origin: u.origin };
}

/** A TLS connection whose certificate has been read (and, with a pin, checked), nothing yet written. */
function connect(url: string, expected: string | null, timeoutMs: number): Promise<tls.TLSSocket> {
  const t = target(url);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: t.host, port: t.port, rejectUnauthorized: false, ...(tlsServerName(t.host) ? { servername: t.host } : {}) });
    const fail = (e: unknown) => {
      socket.destroy();
      reject(networkError(e, url));
    };
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      const got = fingerprintOf(socket.getPeerCertificate().raw);
      if (expected !== null && got !== expected) {
        socket.destroy();
        return reject(mismatch(url, expected, got));
      }
      resolve(socket);
    });
  });
}

/** SNI takes host names only, never addresses. */
const tlsServerName = (host: string) => !/^[\d.]+$/.test(host) && !host.includes(':');

/** Connects, reads the certificate the server presents, sends nothing else. */
export async function probeServer(url: string, opts: { timeoutMs?: number } = {}): Promise<{ url: string; fingerprint: string; subject: string; validTo: string }> {
  const socket = await connect(url, null, opts.timeoutMs ?? 5000);
  const cert = socket.getPeerCertificate();
  socket.destroy();
  return { url: target(url).origin, fingerprint: fingerprintOf(cert.raw), subject: typeof cert.subject?.CN === 'string' ? cert.subject.CN : '', validTo: new Date(cert.valid_to).toISOString() };
}

/** Keeps connections alive; each one is checked against the pin when it is made, before the request gets it. */
class PinnedAgent extends https.Agent {
  readonly #url: string;
  readonly #expected: string;
  constructor(url: string, expected: string) {
    super({ keepAlive: true, maxSockets: 8 });
    this.#url = url;
    this.#expected = expected;
  }
  override createConnection(_options: https.RequestOptions, done?: (err: Error | null, stream: Duplex) => void): undefined {
    const failed = done as ((err: Error) => void) | undefined;
    connect(this.#url, this.#expected, 10_000).then(
      (socket) => done?.(null, socket),
      (e: Error) => failed?.(e),
    );
    return undefined;
  }
}

/** One agent per server and pin. */
const agents = new Map<string, PinnedAgent>();

function pinnedAgent(url: string, fingerprint: string): PinnedAgent {
  const expected = normaliseFingerprint(fingerprint);
  if (!expected) throw new AppError('VALIDATION', 'Vân tay chứng thư không hợp lệ: cần 64 chữ số hệ 16 (có hoặc không có dấu hai chấm).', [{ path: 'fingerprint', message: 'Vân tay không hợp lệ.' }]);
  const key = `${target(url).origin} ${expected}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = new PinnedAgent(url, expected)));
  return agent;
}

export interface PinnedRequest {
  url: string;
  fingerprint: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | Uint8Array;
  timeoutMs?: number;
}

export interface PinnedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function send(o: PinnedRequest, onResponse: (res: http.IncomingMessage) => void, onError: (e: AppError) => void): http.ClientRequest {
  const t = target(o.url);
  const req = https.request({
    agent: pinnedAgent(o.url, o.fingerprint),
    host: t.host,
    port: t.port,
    method: o.method,
    path: o.path,
    headers: { ...(o.body ? { 'content-length': String(o.body.length) } : {}), ...o.headers },
  });
  req.once('response', onResponse);
  req.once('error', (e) => onError(networkError(e, o.url)));
  return req;
}

/** One HTTPS request to a pinned server; a different certificate is refused before any byte of the request: FORBIDDEN. */
export function pinnedRequest(o: PinnedRequest): Promise<PinnedResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: AppError) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    const req = send(
      o,
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', (e) => fail(networkError(e, o.url)));
        res.once('end', () => {
          if (settled) return;
          settled = true;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        });
      },
      fail,
    );
    req.setTimeout(o.timeoutMs ?? 60_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end(o.body);
  });
}

/** Silence longer than this on the event stream (the server pings every 15 s) means the line is gone. */
const EVENTS_SILENCE_MS = 45_000;

/** The server's event stream (GET /api/events with X-Session), parsed; returns a stop function. Errors and the end of the stream come through onEnd, never after stop. */
export function pinnedEvents(o: { url: string; fingerprint: string; session: string; onEvent(e: { type: string }): void; onEnd(err: Error | null): void }): () => void {
  let stopped = false;
  let ended = false;
  const end = (e: Error | null) => {
    if (stopped || ended) return;
    ended = true;
    o.onEnd(e);
  };
  let req: http.ClientRequest | null = null;
  try {
    req = send(
      { url: o.url, fingerprint: o.fingerprint, method: 'GET', path: '/api/events', headers: { 'x-session': o.session, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return readError(res, end);
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            const data = block
              .split('\n')
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5).trimStart())
              .join('\n');
            if (!data) continue;
            try {
              o.onEvent(JSON.parse(data) as { type: string });
            } catch {
              // A line that is not JSON is not an event of this server.
            }
          }
        });
        res.once('error', (e) => end(networkError(e, o.url)));
        res.once('close', () => end(null));
      },
      end,
    );
    req.setTimeout(EVENTS_SILENCE_MS, () => req?.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.end();
  } catch (e) {
    queueMicrotask(() => end(e instanceof Error ? e : new Error(String(e))));
  }
  return () => {
    stopped = true;
    req?.destroy();
  };
}

function readError(res: http.IncomingMessage, end: (e: Error | null) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.once('end', () => {
    let message = `Máy chủ trả lời ${res.statusCode ?? 0} cho luồng sự kiện.`;
    let code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'IO' = 'IO';
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: { code?: string; message?: string } };
      if (body.error?.message) message = body.error.message;
      if (body.error?.code === 'UNAUTHORIZED' || body.error?.code === 'FORBIDDEN') code = body.error.code;
    } catch {
      // Not the API's JSON: the status says enough.
    }
    end(new AppError(code, message));
  });
}
