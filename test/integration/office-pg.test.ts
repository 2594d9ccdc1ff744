/**
 * Two office servers, each with its own core, on ONE PostgreSQL database, as
 * a province's installation behind a load balancer would run them: 20 clients
 * (10 per server, each its own user and session) register at once, and the
 * arrival numbers come out 1..N with no gap and no duplicate. Also the
 * command line started on a PostgreSQL target. In the integration-pg project
 * only (skipped with the reason where no cluster can be started).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { pinnedRequest } from '../../electron/office/pinned';
import { startOfficeServer, type OfficeServer } from '../../electron/office/server';
import { tempDir } from '../support/core';
import { startServerCli } from '../support/office-cli';
import { freshDatabase } from '../support/postgres';

const PASSWORD = 'mat-khau-can-bo-2026';
const TODAY = '2026-11-20';
const CLIENTS = 20;
const EACH = 5;
// 21 password hashes, or node started with tsx, on a machine the test run shares.
const SLOW = 180_000;

async function api<T>(server: OfficeServer | { url: string; fingerprint: string }, method: string, input: unknown, session = ''): Promise<T> {
  const r = await pinnedRequest({ url: server.url, fingerprint: server.fingerprint, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-session': session }, body: Buffer.from(JSON.stringify(input)) });
  const body = JSON.parse(r.body.toString('utf8')) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

describe('two office servers on one PostgreSQL database', () => {
  const cores: Core[] = [];
  const servers: OfficeServer[] = [];

  beforeAll(async () => {
    const database = await freshDatabase();
    for (const name of ['may-chu-1', 'may-chu-2']) {
      const dir = tempDir();
      // A larger pool than the tests' default: ten clients of this server write at once.
      const core = await createCore({ database: { ...database, poolSize: 10 }, dataDir: dir, programName: `Văn thư (${name})` });
      cores.push(core);
      servers.push(await startOfficeServer({ core, listen: { host: '127.0.0.1', port: 0 }, certDir: path.join(dir, 'may-chu') }));
    }
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const c of cores) await c.close();
  });

  it('numbers 100 documents registered at once by 20 clients on both servers 1..100, once each', async () => {
    const [one, two] = servers as [OfficeServer, OfficeServer];
    await api(one, 'auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD });
    const admin = (await api<{ session: string }>(one, 'auth.login', { username: 'quantri', password: PASSWORD })).session;
    await api(one, 'agency.update', { name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT', place: 'Lạng Sơn' }, admin);
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const server = i % 2 === 0 ? one : two;
        const username = `vanthu${i + 1}`;
        await api(one, 'users.create', { username, password: PASSWORD, fullName: `Văn thư ${i + 1}`, role: 'clerk' }, admin);
        return { server, session: (await api<{ session: string }>(server, 'auth.login', { username, password: PASSWORD })).session, i };
      }),
    );
    // Settled, not Promise.all: a failed registration is reported after every request has ended, not while the servers close.
    const settled = await Promise.allSettled(
      clients.flatMap(({ server, session, i }) =>
        Array.from({ length: EACH }, (_, k) =>
          api<{ id: number; arrivalNumber: number }>(server, 'incoming.register', { arrivalDate: TODAY, senderName: `UBND huyện ${i + 1}`, notation: `${k + 1}/UBND-H${i + 1}`, documentDate: TODAY, subject: `Văn bản ${k + 1} của máy ${i + 1}` }, session),
        ),
      ),
    );
    expect(settled.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []))).toEqual([]);
    const registered = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const total = CLIENTS * EACH;
    expect(registered.map((d) => d.arrivalNumber).sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, n) => n + 1));
    // Every document once, and both servers see the same register.
    for (const server of servers) {
      const list = await api<{ items: { id: number; notation: string; arrivalNumber: number }[]; total: number }>(server, 'incoming.list', { pageSize: 500, sort: 'arrivalNumber', dir: 'asc' }, admin);
      expect(list.total).toBe(total);
      expect(new Set(list.items.map((d) => d.notation)).size).toBe(total);
      expect(list.items.map((d) => d.id).sort((a, b) => a - b)).toEqual(registered.map((d) => d.id).sort((a, b) => a - b));
    }
  }, SLOW);
});

describe('npm run server -- --pg', () => {
  it('starts on a PostgreSQL database and serves, printing the URL without the password', async () => {
    const database = await freshDatabase();
    const dir = tempDir();
    const passwordFile = path.join(dir, 'mat-khau');
    // The test cluster trusts loopback: a wrong password would be ignored, so this checks only that it is never printed.
    fs.writeFileSync(passwordFile, 'bi-mat-khong-in-ra\n', { mode: 0o600 });
    const url = database.url.replace('postgres@', 'postgres:mat-khau-trong-url@');
    const cli = await startServerCli(['--listen', '127.0.0.1:0', '--pg', url, '--pg-password-file', passwordFile, '--data-dir', dir]);
    try {
      const m = /^(https:\/\/127\.0\.0\.1:\d+) SHA256:((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/.exec(cli.line);
      expect(m, cli.line).not.toBeNull();
      const server = { url: m![1]!, fingerprint: m![2]! };
      await api(server, 'auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD });
      const admin = (await api<{ session: string }>(server, 'auth.login', { username: 'quantri', password: PASSWORD })).session;
      expect((await api<{ total: number }>(server, 'incoming.list', {}, admin)).total).toBe(0);
      expect(fs.existsSync(path.join(dir, 'may-chu'))).toBe(true);
      expect(cli.stderr()).toContain(`Cơ sở dữ liệu: ${database.url.replace('postgres@', 'postgres:***@')}`);
    } finally {
      await cli.stop();
    }
    expect(cli.stderr()).not.toMatch(/mat-khau-trong-url|bi-mat-khong-in-ra/);
  }, SLOW);

  it('refuses --db with --pg, and --pg without --data-dir', async () => {
    const e1 = await startServerCli(['--listen', '127.0.0.1:0', '--db', 'x.sqlite', '--pg', 'postgres://u@127.0.0.1/x']).catch((e: unknown) => e);
    expect(String(e1)).toMatch(/exited with 2: Chỉ chọn một cơ sở dữ liệu/);
    const e2 = await startServerCli(['--listen', '127.0.0.1:0', '--pg', 'postgres://u@127.0.0.1/x']).catch((e: unknown) => e);
    expect(String(e2)).toMatch(/exited with 2: Với --pg cần --data-dir/);
  }, SLOW);
});
