/**
 * The pin is the trust: a server whose certificate differs from the one the
 * client confirmed never receives a byte of the request (no user name, no
 * password). And the fingerprint a client is told (probe, the CLI's first
 * line) is the one of the certificate the server really presents.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT_FILE, serverCertificate } from '../../electron/office/certificate';
import { fingerprintOf, normaliseFingerprint, pinnedRequest, probeServer } from '../../electron/office/pinned';
import { AppError } from '../../shared/api/errors';
import { tempDir } from '../support/core';
import { startServerCli } from '../support/office-cli';

/** A TLS server with the office server's certificate that answers nothing and keeps every byte it is sent. */
let recorder: tls.Server;
let received: Buffer[] = [];
let url = '';
let fingerprint = '';

beforeAll(async () => {
  const cert = await serverCertificate(path.join(tempDir(), 'may-chu'), ['127.0.0.1']);
  fingerprint = cert.fingerprint;
  recorder = tls.createServer({ cert: cert.certPem, key: cert.keyPem }, (socket) => {
    socket.on('data', (d: Buffer) => {
      received.push(d);
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}');
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(recorder.address() as net.AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => recorder.close(() => resolve())));

const login = (pin: string) =>
  pinnedRequest({ url, fingerprint: pin, method: 'POST', path: '/api/auth.login', headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ username: 'quantri', password: 'mat-khau-bi-mat-2026' })) });

describe('pinned TLS', () => {
  it('a wrong fingerprint is refused with a clear warning before any byte of the request; the right one gets through', async () => {
    received = [];
    const wrong = normaliseFingerprint(crypto.randomBytes(32).toString('hex'))!;
    const e = await login(wrong).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('FORBIDDEN');
    expect((e as AppError).message).toContain('CẢNH BÁO');
    expect((e as AppError).message).toContain('chưa gửi gì (kể cả mật khẩu)');
    await new Promise((r) => setTimeout(r, 200));
    expect(Buffer.concat(received).length).toBe(0);

    // The recorder does see a request when the pin is right: the check above could fail.
    const r = await login(fingerprint);
    expect(r.status).toBe(200);
    expect(Buffer.concat(received).toString('utf8')).toContain('mat-khau-bi-mat-2026');
  });

  it('probeServer tells the fingerprint of the certificate presented; normaliseFingerprint reads the usual spellings', async () => {
    const p = await probeServer(url);
    expect(p.fingerprint).toBe(fingerprint);
    expect(p.subject).toContain('máy chủ văn phòng');
    expect(new Date(p.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 9);
    const hex = fingerprint.replace(/:/g, '');
    for (const s of [hex.toLowerCase(), `SHA256:${fingerprint}`, `sha256: ${hex}`, fingerprint.toLowerCase()]) expect(normaliseFingerprint(s)).toBe(fingerprint);
    expect(normaliseFingerprint('AB:CD')).toBeNull();
  });

  it('a refused connection is an IO error marked as network, so a client may retry', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = (await pinnedRequest({ url: `https://127.0.0.1:${port}`, fingerprint, method: 'GET', path: '/api' }).catch((x: unknown) => x)) as AppError;
    expect(e.code).toBe('IO');
    expect(e.details?.network).toBe(true);
  });
});

describe('npm run server', () => {
  const start = (args: string[]) => startServerCli(args);

  it('prints https://HOST:PORT SHA256:<fingerprint> first, of the certificate it keeps in --cert-dir and presents', async () => {
    const dir = tempDir();
    const args = ['--listen', '127.0.0.1:0', '--db', path.join(dir, 'van-thu.sqlite'), '--cert-dir', path.join(dir, 'chung-thu')];
    const first = await start(args);
    let line = first.line;
    try {
      const m = /^(https:\/\/127\.0\.0\.1:(\d+)) SHA256:((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/.exec(line);
      expect(m, line).not.toBeNull();
      line = m![3]!;
      expect((await probeServer(m![1]!)).fingerprint).toBe(line);
    } finally {
      await first.stop();
    }
    const kept = new crypto.X509Certificate(fs.readFileSync(path.join(dir, 'chung-thu', CERT_FILE)));
    expect(line).toBe(fingerprintOf(kept.raw));
    expect((fs.statSync(path.join(dir, 'chung-thu', 'khoa-may-chu.pem')).mode & 0o777).toString(8)).toBe('600');
    // The next start reuses it: the clients' pin stays valid.
    const again = await start(args);
    await again.stop();
    expect(again.line.split(' SHA256:')[1]).toBe(line);
  }, 120_000);

  it('refuses to start without --listen (never every interface by default)', async () => {
    const e = await start(['--db', path.join(tempDir(), 'van-thu.sqlite')]).catch((x: unknown) => x as Error);
    expect(String(e)).toContain('exited with 2');
    expect(String(e)).toContain('Thiếu --listen');
  }, 60_000);
});
