/**
 * The office server on a loopback address with TLS and a fresh database,
 * driven by three clients (Quản trị, Văn thư, Chuyên viên) that pin its
 * certificate, each with their own session, as the PCs of an office would.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_FREE } from '../../electron/core/auth/sign-in';
import { startOfficeServer, type OfficeServer } from '../../electron/office/server';
import { pinnedEvents, pinnedRequest } from '../../electron/office/pinned';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';
import { testEngine } from '../support/postgres';

const PASSWORD = 'mat-khau-can-bo-2026';
const TODAY = '2026-11-20';

let t: TestCore;
let server: OfficeServer;

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

async function api(method: string, input: unknown, session = '', headers: Record<string, string> = {}): Promise<Answer> {
  const r = await pinnedRequest({ url: server.url, fingerprint: server.fingerprint, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-session': session, ...headers }, body: Buffer.from(JSON.stringify(input)) });
  return { status: r.status, body: JSON.parse(r.body.toString('utf8')) as Answer['body'] };
}

function value<T>(a: Answer): T {
  if (!a.body.ok) throw new Error(`${a.status} ${a.body.error?.code}: ${a.body.error?.message}`);
  return a.body.value as T;
}

const login = async (username: string, password = PASSWORD) => value<{ session: string }>(await api('auth.login', { username, password })).session;

/** Events of one session as they arrive; `ended` once the stream is over. */
function listen(session: string) {
  const seen: { type: string; method?: string }[] = [];
  const state = { ended: false, error: null as Error | null };
  const stop = pinnedEvents({
    url: server.url,
    fingerprint: server.fingerprint,
    session,
    onEvent: (e) => seen.push(e),
    onEnd: (e) => Object.assign(state, { ended: true, error: e }),
  });
  return { seen, state, stop };
}

async function until(what: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sessions: { admin: string; clerk: string; officer: string } = { admin: '', clerk: '', officer: '' };
const units = { mine: 0, other: 0 };

beforeAll(async () => {
  t = await makeCore();
  server = await startOfficeServer({ core: t.core, listen: { host: '127.0.0.1', port: 0 }, certDir: path.join(t.dir, 'may-chu') });
  // On the server's own machine (loopback), as the administrator would on first start.
  value(await api('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
  sessions.admin = await login('quantri');
  value(await api('agency.update', { name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT', place: 'Lạng Sơn' }, sessions.admin));
  units.mine = value<{ id: number }>(await api('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' }, sessions.admin)).id;
  units.other = value<{ id: number }>(await api('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }, sessions.admin)).id;
  value(await api('users.create', { username: 'vanthu', password: PASSWORD, fullName: 'Văn thư', role: 'clerk', secretAccess: true }, sessions.admin));
  value(await api('users.create', { username: 'chuyenvien', password: PASSWORD, fullName: 'Chuyên viên', role: 'officer', unitId: units.mine }, sessions.admin));
  sessions.clerk = await login('vanthu');
  sessions.officer = await login('chuyenvien');
});
afterAll(async () => {
  await server.close();
  await t.close();
});

type Registered = { id: number; arrivalNumber: number; registerId: number };
const register = (session: string, i: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  api('incoming.register', { arrivalDate: TODAY, senderName: 'UBND tỉnh Lạng Sơn', notation: `${i}/UBND-KT`, documentDate: TODAY, subject: `Văn bản số ${i} về đất đai`, leadUnitId: i % 2 ? units.mine : units.other, ...extra }, session, headers);

describe('office server with three clients', () => {
  it('registrations from two clients interleaved get arrival numbers 1..30, none twice, none skipped', async () => {
    const both = await Promise.all(Array.from({ length: 30 }, (_, i) => register(i % 2 ? sessions.admin : sessions.clerk, i + 1)));
    const numbers = both.map((a) => value<Registered>(a).arrivalNumber).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('the Chuyên viên sees only their unit’s documents and no secret one: list, get, search', async () => {
    const secret = value<Registered>(await register(sessions.clerk, 1001, { secrecy: 'mat', leadUnitId: units.mine, subject: 'Văn bản mật về đất đai' }));
    const all = value<{ items: { id: number; leadUnit: { id: number } | null }[] }>(await api('incoming.list', { pageSize: 200 }, sessions.clerk)).items;
    const mine = all.filter((d) => d.leadUnit?.id === units.mine).map((d) => d.id);
    const others = all.filter((d) => d.leadUnit?.id === units.other).map((d) => d.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const seen = value<{ items: { id: number }[] }>(await api('incoming.list', { pageSize: 200 }, sessions.officer)).items.map((d) => d.id);
    expect(seen.sort()).toEqual(mine.filter((id) => id !== secret.id).sort());
    expect((await api('incoming.get', { id: others[0] }, sessions.officer)).body.error?.code).toBe('NOT_FOUND');
    expect((await api('incoming.get', { id: secret.id }, sessions.officer)).body.error?.code).toBe('NOT_FOUND');
    expect(value<{ id: number }>(await api('incoming.get', { id: mine[0] }, sessions.officer)).id).toBe(mine[0]);
    const hits = value<{ hits: { id: number }[] }>(await api('search.global', { q: 'dat dai', limit: 200 }, sessions.officer)).hits.map((h) => h.id);
    expect(hits.length).toBeGreaterThan(0);
    for (const id of hits) expect(mine).toContain(id);
    expect(hits).not.toContain(secret.id);
  });

  it('a registration on one client reaches the others’ event streams; a job’s progress only its owner’s', async () => {
    const officer = listen(sessions.officer);
    const admin = listen(sessions.admin);
    await new Promise((r) => setTimeout(r, 200));
    value(await register(sessions.clerk, 2001));
    await until(() => officer.seen.some((e) => e.type === 'data.changed' && e.method === 'incoming.register'));
    await until(() => admin.seen.some((e) => e.type === 'data.changed'));
    value(await api('exports.incomingRegister', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' }, sessions.admin));
    await until(() => admin.seen.some((e) => e.type === 'job.progress'));
    await new Promise((r) => setTimeout(r, 200));
    expect(officer.seen.filter((e) => e.type === 'job.progress')).toEqual([]);
    officer.stop();
    admin.stop();
  });

  // The cancel is sent when the export reports its start and must land before the export's 34 rows
  // are written: on PostgreSQL its session lookup goes over the network and the export is done first.
  // Which user's job a cancel stops is jobs.ts alone (no SQL), the same on both engines.
  it.skipIf(testEngine() === 'postgres')('one user’s jobs.cancel never stops another’s export; their own does', async () => {
    const year = { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' as const };
    for (let i = 0; i < 3; i++) value(await register(sessions.clerk, 4001 + i));
    let canceller = sessions.clerk;
    const cancels: Promise<unknown>[] = [];
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress' && e.done === 0) cancels.push(t.core.call('jobs.cancel', { method: 'exports.incomingRegister' }, { session: canceller }).then(ok));
    });
    try {
      expect(ok(await t.core.call<'exports.incomingRegister'>('exports.incomingRegister', year, { session: sessions.admin })).rows).toBeGreaterThan(0);
      expect(await cancels[0]).toEqual({ cancelled: false });
      canceller = sessions.admin;
      expect(err(await t.core.call('exports.incomingRegister', year, { session: sessions.admin })).code).toBe('CANCELLED');
      expect(await cancels[1]).toEqual({ cancelled: true });
    } finally {
      off();
    }
  });

  it('no events before sign-in', async () => {
    const stranger = listen('khong-phai-phien');
    await until(() => stranger.state.ended);
    expect(stranger.seen).toEqual([]);
    expect(stranger.state.error?.message).toContain('đăng nhập');
  });

  it('a write repeated with the same request id is done once, also when both copies arrive together', async () => {
    const count = async () => value<{ total: number }>(await api('incoming.list', {}, sessions.clerk)).total;
    const before = await count();
    const headers = { 'x-request-id': 'vao-so-lan-dau-0001' };
    const [a, b] = await Promise.all([register(sessions.clerk, 3001, {}, headers), register(sessions.clerk, 3001, {}, headers)]);
    const again = await register(sessions.clerk, 3001, {}, headers);
    expect(value<Registered>(b)).toEqual(value<Registered>(a));
    expect(value<Registered>(again)).toEqual(value<Registered>(a));
    expect(await count()).toBe(before + 1);
    // Another user's id of the same spelling is theirs: it does not answer with the clerk's document.
    expect(value<Registered>(await register(sessions.admin, 3002, {}, headers)).id).not.toBe(value<Registered>(a).id);
  });

  it('a write with a request id that failed keeps no answer: the corrected repeat is done', async () => {
    const headers = { 'x-request-id': 'vao-so-trung-0002' };
    const first = await register(sessions.clerk, 3001, {}, headers);
    expect(first.body.error?.code).toBe('DUPLICATE');
    expect(value<Registered>(await register(sessions.clerk, 3001, { confirmDuplicate: true }, headers)).id).toBeGreaterThan(0);
  });

  it('refuses a request from a page of another origin (no cookies, strict Origin)', async () => {
    expect((await api('auth.status', {}, sessions.clerk, { origin: 'https://trang-la.example' })).status).toBe(403);
    expect((await api('auth.status', {}, sessions.clerk, { origin: new URL(server.url).origin })).status).toBe(200);
  });

  it('the administrator sees who is connected from where and ends a session; the audit rows have the client address', async () => {
    const list = value<{ sessions: { id: string; username: string; clientAddress: string | null; program: string | null; current: boolean }[] }>(await api('auth.sessions', {}, sessions.admin));
    expect(list.sessions.map((s) => s.username).sort()).toEqual(['chuyenvien', 'quantri', 'vanthu']);
    for (const s of list.sessions) expect(s.clientAddress).toBe('127.0.0.1');
    expect(list.sessions.filter((s) => s.current).map((s) => s.username)).toEqual(['quantri']);
    expect((await api('auth.sessions', {}, sessions.clerk)).body.error?.code).toBe('FORBIDDEN');

    const officer = listen(sessions.officer);
    await new Promise((r) => setTimeout(r, 200));
    const target = list.sessions.find((s) => s.username === 'chuyenvien')!;
    expect(value(await api('auth.endSession', { id: target.id }, sessions.admin))).toEqual({ ended: true });
    const after = await api('incoming.list', {}, sessions.officer);
    expect(after.status).toBe(401);
    expect(after.body.error?.code).toBe('UNAUTHORIZED');
    await until(() => officer.state.ended);
    expect(officer.seen.map((e) => e.type)).toContain('session.ended');
    expect(value<{ sessions: { id: string }[] }>(await api('auth.sessions', {}, sessions.admin)).sessions.map((s) => s.id)).not.toContain(target.id);

    const rows = await rowsOf<{ action: string; client_address: string | null }>(t, "select action, client_address from audit_log join audit_kinds using (kind) where action in ('incoming.register', 'auth.endSession', 'users.create', 'auth.login')");
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.filter((r) => r.client_address !== '127.0.0.1')).toEqual([]);
    expect(rows.map((r) => r.action)).toContain('auth.endSession');
  });
});

describe('the server’s own machine and sign-in from the LAN', () => {
  it('a new database accepts setupAdmin only from the server itself; nothing else is open to the LAN until then', async () => {
    const fresh = await makeCore();
    try {
      const e = err(await fresh.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }, { clientAddress: '192.168.1.20' }));
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toContain('trên chính máy chủ');
      expect(err(await fresh.core.call('units.list', {}, { clientAddress: '192.168.1.20' })).code).toBe('FORBIDDEN');
      expect(ok(await fresh.core.call('auth.status', {}, { clientAddress: '192.168.1.20' })).usersExist).toBe(false);
      ok(await fresh.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }, { clientAddress: '::ffff:127.0.0.1' }));
    } finally {
      await fresh.close();
    }
  });

  it('many accounts tried from one address are refused unhashed; a real user at another PC signs in', async () => {
    const fresh = await makeCore({ clock: () => new Date(`${TODAY}T09:00:00+07:00`) });
    try {
      ok(await fresh.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
      const from = (clientAddress: string, username: string, password: string) => fresh.core.call('auth.login', { username, password }, { clientAddress });
      // Together, as a script would send them: each is counted before its slow hash.
      const tries = await Promise.all(Array.from({ length: ADDRESS_FREE }, (_, i) => from('192.168.1.20', `nguoi-${i}`, 'sai-mat-khau')));
      for (const r of tries) expect(err(r).message).toContain('không đúng');
      // Even the right password is refused from that address now.
      const refused = err(await from('192.168.1.20', 'quantri', PASSWORD));
      expect(refused.code).toBe('UNAUTHORIZED');
      expect(refused.message).toMatch(/Máy 192\.168\.1\.20 đã đăng nhập sai nhiều lần: hãy thử lại sau \d+ giây/);
      expect(ok(await from('192.168.1.21', 'quantri', PASSWORD)).session.length).toBeGreaterThan(20);
    } finally {
      await fresh.close();
    }
  });
});
