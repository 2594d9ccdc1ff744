/**
 * A client PC's side of the office server: the remote core and the shell
 * router against a real startOfficeServer over TLS on 127.0.0.1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteCore, type RemoteCore, type RemoteEvent } from '../../electron/office/remote';
import { createShellRouter } from '../../electron/office/router';
import { startOfficeServer } from '../../electron/office/server';
import { createCore } from '../../electron/core/index';
import { err, freePort, heldPath, makeCore, ok, standardAgency, tempDir, type TestCore } from '../support/core';

/** Stops the office server right after the first write of an armed call: the write is done, its answer never leaves. */
class StopAfterWrite implements KyselyPlugin {
  onWrite: (() => void) | null = null;
  readonly #writes = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.onWrite && args.node.kind === 'InsertQueryNode') this.#writes.add(args.queryId);
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const fire = this.#writes.has(args.queryId) ? this.onWrite : null;
    if (fire) {
      this.onWrite = null;
      fire();
      await new Promise((r) => setTimeout(r, 100));
    }
    return args.result;
  }
}

const stopper = new StopAfterWrite();
let t: TestCore;
let certDir: string;
let server: Awaited<ReturnType<typeof startOfficeServer>>;
let port = 0;
const remotes: RemoteCore[] = [];
const admin = { username: 'quantri', password: 'mat-khau-quan-tri', fullName: 'Nguyễn Văn Quản' };
const clerk = { username: 'vanthu', password: 'mat-khau-van-thu', fullName: 'Trần Thị Thư' };
const year = new Date().getFullYear();
const doc = (n: number) => ({ arrivalDate: `${year}-02-0${1 + (n % 8)}`, senderName: 'UBND tỉnh Lạng Sơn', notation: `${n}/UBND-KT`, documentDate: `${year}-01-20`, subject: `Văn bản số ${n} về quản lý đất đai` });

async function serve(dir = certDir): Promise<void> {
  server = await startOfficeServer({ core: t.core, listen: { host: '127.0.0.1', port }, certDir: dir });
  port = server.port;
}

async function remoteAs(user: { username: string; password: string }, events?: RemoteEvent[]): Promise<RemoteCore> {
  const r = createRemoteCore({ url: server.url, fingerprint: server.fingerprint, delayMs: (n) => Math.min(100 * 2 ** n, 1000) });
  remotes.push(r);
  if (events) r.onEvent((e) => events.push(e));
  await r.connect();
  ok(await r.call('auth.login', user));
  return r;
}

const waitFor = async (what: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

beforeAll(async () => {
  t = await makeCore({ queryPlugins: [stopper] });
  certDir = path.join(t.dir, 'may-chu');
  ok(await t.core.call('agency.update', standardAgency));
  ok(await t.core.call('auth.setupAdmin', admin));
  const session = ok(await t.core.call('auth.login', admin)).session;
  ok(await t.core.call('users.create', { ...clerk, role: 'clerk' }, { session }));
  await serve();
});
afterAll(async () => {
  for (const r of remotes) await r.close();
  await server?.close();
  await t?.close();
});

describe('remote core', () => {
  it('signs in and calls, uploads and downloads through the pinned connection', async () => {
    const r = await remoteAs(clerk);
    expect(ok(await r.call('agency.get', {}))).toMatchObject({ name: standardAgency.name });
    const a = ok(await r.call('incoming.register', doc(1))) as { id: number; arrivalNumber: number };
    expect(a.arrivalNumber).toBe(1);
    const bytes = Buffer.from('Nội dung tệp đính kèm — có dấu tiếng Việt');
    const up = ok(await r.upload(undefined, 'Công văn 1.txt', bytes));
    expect(up).toMatchObject({ name: 'Công văn 1.txt', size: bytes.length });
    const exported = ok(await r.call('exports.incomingRegister', { from: `${year}-01-01`, to: `${year}-12-31`, format: 'xlsx' })) as { fileId: string; name: string };
    const got = ok(await r.download(undefined, exported.fileId));
    const chunks: Buffer[] = [];
    for await (const c of got.open()) chunks.push(Buffer.from(c as Uint8Array));
    const session = ok(await t.core.call('auth.login', clerk)).session;
    expect(Buffer.concat(chunks).equals(fs.readFileSync(await heldPath(t.core, exported, session)))).toBe(true);
    expect(got.name).toBe(exported.name);
    // A caller without a session never borrows the one signed in through the remote.
    expect(err(await r.call('incoming.list', {}, { session: null })).code).toBe('UNAUTHORIZED');
    expect(err(await r.upload(null, 'x.txt', bytes)).code).toBe('UNAUTHORIZED');
    expect(err(await r.download(null, exported.fileId)).code).toBe('UNAUTHORIZED');
  });

  it('repeats a write whose answer was lost with the same request id: the server stopped and started again, the document is registered once', async () => {
    const events: RemoteEvent[] = [];
    const r = await remoteAs(clerk, events);
    const before = (ok(await r.call('incoming.list', { pageSize: 100 })) as { total: number }).total;
    let restarted: Promise<void> = Promise.resolve();
    stopper.onWrite = () => {
      const old = server;
      restarted = old.close().then(() => new Promise((res) => setTimeout(res, 800))).then(() => serve());
    };
    const written = ok(await r.call('incoming.register', doc(2))) as { arrivalNumber: number };
    await restarted;
    const lost = events.findIndex((e) => e.type === 'connection' && e.state === 'lost');
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(events.slice(lost).some((e) => e.type === 'connection' && e.state === 'ok')).toBe(true);
    const list = ok(await r.call('incoming.list', { pageSize: 100 })) as { total: number; items: { notation: string; arrivalNumber: number }[] };
    expect(list.total).toBe(before + 1);
    expect(list.items.filter((i) => i.notation === '2/UBND-KT')).toHaveLength(1);
    const numbers = list.items.map((i) => i.arrivalNumber).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers).toContain(written.arrivalNumber);
  });

  it('reconnects its event stream by itself and then says data changed, so open lists reload', async () => {
    const events: RemoteEvent[] = [];
    await remoteAs(clerk, events);
    const other = await remoteAs(admin);
    await new Promise((res) => setTimeout(res, 300));
    ok(await other.call('incoming.register', doc(3)));
    await waitFor(() => events.some((e) => e.type === 'data.changed'));
    events.length = 0;
    await server.close();
    await waitFor(() => events.some((e) => e.type === 'connection' && e.state === 'lost'));
    await serve();
    await waitFor(() => events.some((e) => e.type === 'connection' && e.state === 'ok'));
    await waitFor(() => events.some((e) => e.type === 'data.changed'));
  });

  it('refuses a changed certificate with a clear warning instead of retrying', async () => {
    const r = await remoteAs(clerk);
    await server.close();
    await serve(tempDir('vanthu-other-cert-'));
    const e = err(await r.call('agency.get', {}));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(/chứng thư|dấu vân tay/i);
    await server.close();
    await serve();
  });
});

describe('shell router', () => {
  it('lets only this PC’s administrator turn the office server on or connect the PC elsewhere', async () => {
    const router = createShellRouter({ dataDir: tempDir('vanthu-rights-'), openLocal: async () => t.core });
    await router.start();
    const clerkSession = ok(await t.core.call('auth.login', clerk)).session;
    const refused = err(await router.call('office.serverStart', { host: '127.0.0.1', port: 8443 }, { session: clerkSession }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/quản trị/);
    expect(err(await router.call('office.connect', { url: server.url, fingerprint: server.fingerprint }, { session: clerkSession })).code).toBe('FORBIDDEN');
    expect(ok(await router.call('office.connectionStatus', {}, { session: clerkSession }))).toMatchObject({ mode: 'local' });
    const adminSession = ok(await t.core.call('auth.login', admin)).session;
    expect(err(await router.call('office.serverStart', { host: '127.0.0.1', port: 70000 }, { session: adminSession })).fields[0]).toMatchObject({ path: 'port' });
  });

  it('serves this PC’s database, and a client PC connects with the pin, keeps only its settings, and disconnects', async () => {
    const serving = createShellRouter({ dataDir: tempDir('vanthu-serving-'), openLocal: () => createCore({ dbPath: path.join(tempDir(), 'may-chu.sqlite') }) });
    await serving.start();
    const started = ok(await serving.call('office.serverStart', { host: '127.0.0.1', port: await freePort() })) as { running: boolean; url: string; fingerprint: string; addresses: { address: string }[] };
    expect(started).toMatchObject({ running: true });
    expect(started.addresses.map((a) => a.address)).toContain('127.0.0.1');
    expect(started.addresses.map((a) => a.address)).not.toContain('0.0.0.0');
    ok(await serving.call('agency.update', standardAgency));

    const clientDir = tempDir('vanthu-client-');
    const saved: { name: string; bytes: Buffer }[] = [];
    const client = createShellRouter({
      dataDir: clientDir,
      openLocal: () => createCore({ dbPath: path.join(clientDir, 'rieng.sqlite') }),
      // As the desktop does: the server's export comes down and is saved with this PC's dialog.
      saveFile: async (name, content) => {
        const chunks: Buffer[] = [];
        for await (const c of content) chunks.push(Buffer.from(c as Uint8Array));
        saved.push({ name, bytes: Buffer.concat(chunks) });
        return true;
      },
    });
    await client.start();
    expect(err(await client.call('office.probe', { url: 'http://127.0.0.1:1' })).fields[0]?.message).toMatch(/https:\/\//);
    const probe = ok(await client.call('office.probe', { url: started.url })) as { fingerprint: string };
    expect(probe.fingerprint).toBe(started.fingerprint);
    const wrong = started.fingerprint.replace(/^../, started.fingerprint.startsWith('00') ? '11' : '00');
    expect(err(await client.call('office.connect', { url: started.url, fingerprint: wrong })).code).toBe('FORBIDDEN');
    expect(fs.existsSync(path.join(clientDir, 'may-tram.json'))).toBe(false);

    ok(await client.call('office.connect', { url: started.url, fingerprint: probe.fingerprint.replace(/:/g, '').toLowerCase() }));
    expect(ok(await client.call('office.connectionStatus', {}))).toMatchObject({ mode: 'client', url: started.url, fingerprint: started.fingerprint, state: 'ok' });
    expect(ok(await client.call('agency.get', {}))).toMatchObject({ name: standardAgency.name });
    const settings = JSON.parse(fs.readFileSync(path.join(clientDir, 'may-tram.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(settings).sort()).toEqual(['confirmedAt', 'fingerprint', 'url']);
    const exported = ok(await client.call('exports.incomingRegister', { from: `${year}-01-01`, to: `${year}-12-31`, format: 'docx' })) as { fileId: string; name: string };
    expect(ok(await client.call('files.save', { fileId: exported.fileId }))).toEqual({ saved: true, downloadUrl: null });
    const local = serving.local();
    if (!local) throw new Error('the serving PC has its database open');
    const onServer = ok(await local.download(null, exported.fileId));
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toBe(exported.name);
    expect(saved[0]?.bytes.length).toBe(onServer.size);
    const up = ok(await client.upload(null, 'Tờ trình.txt', Buffer.from('tệp gửi lên máy chủ')));
    expect(ok(await local.download(null, up.fileId))).toMatchObject({ name: 'Tờ trình.txt', size: Buffer.byteLength('tệp gửi lên máy chủ') });
    expect(err(await client.call('office.serverStart', { host: '127.0.0.1', port: 9 })).code).toBe('CONFLICT');

    ok(await client.call('office.disconnect', {}));
    expect(ok(await client.call('office.connectionStatus', {}))).toMatchObject({ mode: 'local', url: null });
    expect(fs.existsSync(path.join(clientDir, 'may-tram.json'))).toBe(false);
    expect(ok(await client.call('agency.get', {}))).toMatchObject({ configured: false });
    await client.close();
    expect(ok(await serving.call('office.serverStop', {}))).toMatchObject({ running: false, enabled: false });
    await serving.close();
  });
});
