import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';

let now = new Date('2026-11-25T09:00:00+07:00').getTime();
const clock = () => new Date(now);
let t: TestCore;
const units: Record<string, number> = {};
const as = (session: string) => ({ session });

beforeEach(async () => {
  now = new Date('2026-11-25T09:00:00+07:00').getTime();
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  for (const [name, abbreviation] of [['Văn phòng Sở', 'VP'], ['Phòng Quản lý đất đai', 'QLĐĐ']] as const) units[abbreviation] = ok(await t.core.call('units.create', { name, abbreviation, kind: 'internal' })).id;
});
afterEach(async () => t.close());

const admin = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'mat-khau-rat-dai-2026' };
async function loginAs(username: string, password: string) {
  return ok(await t.core.call('auth.login', { username, password })).session;
}

describe('sign-in', () => {
  it('creates the admin on first run only, then requires a session for everything but the login', async () => {
    expect(ok(await t.core.call('auth.status', {}))).toEqual(expect.objectContaining({ usersExist: false, user: null }));
    ok(await t.core.call('auth.setupAdmin', admin));
    expect(err(await t.core.call('auth.setupAdmin', { ...admin, username: 'khac' })).code).toBe('FORBIDDEN');
    const e = err(await t.core.call('units.list', {}));
    expect(e).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED', message: 'Hãy đăng nhập để dùng chức năng này.' }));
    const session = await loginAs('QuanTri', admin.password);
    expect(ok(await t.core.call('units.list', {}, as(session))).items.length).toBe(2);
    ok(await t.core.call('auth.logout', {}, as(session)));
    expect(err(await t.core.call('units.list', {}, as(session))).code).toBe('UNAUTHORIZED');
  });

  it('stores scrypt hashes with N=2^17, r=8, p=1 and a 16-byte salt', async () => {
    ok(await t.core.call('auth.setupAdmin', admin));
    const stored = String((await rowsOf<{ password_hash: string }>(t, 'select password_hash from users'))[0]?.password_hash);
    const [kind, n, r, p, salt, hash] = stored.split('$');
    expect([kind, n, r, p]).toEqual(['scrypt', '17', '8', '1']);
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain(admin.password);
  });

  it('slows down guessing: after three wrong passwords each attempt waits longer, and an attempt made while waiting counts too', async () => {
    ok(await t.core.call('auth.setupAdmin', admin));
    for (let i = 0; i < 3; i++) expect(err(await t.core.call('auth.login', { username: 'quantri', password: 'sai' })).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    // Locked for 1 second after the third failure, even with the right password, and this fourth attempt makes it 2.
    expect(err(await t.core.call('auth.login', { username: 'quantri', password: admin.password })).message).toContain('thử lại sau 2 giây');
    now += 2000;
    expect(err(await t.core.call('auth.login', { username: 'quantri', password: 'sai' })).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(err(await t.core.call('auth.login', { username: 'quantri', password: admin.password })).message).toContain('thử lại sau 8 giây');
    now += 8000;
    await loginAs('quantri', admin.password);
    expect(err(await t.core.call('auth.login', { username: 'khong-co', password: 'x' })).message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('ends a session after 30 idle minutes', async () => {
    ok(await t.core.call('auth.setupAdmin', admin));
    const session = await loginAs('quantri', admin.password);
    now += 29 * 60_000;
    ok(await t.core.call('units.list', {}, as(session)));
    now += 31 * 60_000;
    expect(err(await t.core.call('units.list', {}, as(session))).message).toContain('hết hạn');
  });
});

describe('roles', () => {
  it('a Chuyên viên sees only their unit’s documents and no secret one; a Văn thư sees secret ones only when granted', async () => {
    ok(await t.core.call('auth.setupAdmin', admin));
    const adminSession = await loginAs('quantri', admin.password);
    const pw = 'mat-khau-can-bo-2026';
    const mk = (username: string, role: Input<'users.create'>['role'], extra: Partial<Input<'users.create'>> = {}) =>
      t.core.call('users.create', { username, password: pw, fullName: username, role, ...extra }, as(adminSession));
    expect(err(await mk('cv-khong-don-vi', 'officer')).fields[0]!.path).toBe('unitId');
    ok(await mk('chuyenvien', 'officer', { unitId: units.QLĐĐ }));
    const clerk = ok(await mk('vanthu', 'clerk'));
    ok(await mk('lanhdao', 'leader'));

    const reg = async (notation: string, lead: number, secrecy: Input<'incoming.register'>['secrecy'] = null) => {
      const d = ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', notation, documentDate: '2026-11-18', subject: `Văn bản ${notation} về đất đai`, secrecy }, as(adminSession)));
      ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: lead }, as(adminSession)));
      return d.id;
    };
    const mine = await reg('1/UBND-KT', units.QLĐĐ!);
    const other = await reg('2/UBND-KT', units.VP!);
    const secret = await reg('3/UBND-KT', units.QLĐĐ!, 'mat');

    const cv = await loginAs('chuyenvien', pw);
    expect(ok(await t.core.call('incoming.list', {}, as(cv))).items.map((d) => d.id)).toEqual([mine]);
    expect(ok(await t.core.call('incoming.list', { unitId: units.VP }, as(cv))).total).toBe(0);
    expect(err(await t.core.call('incoming.get', { id: other }, as(cv))).code).toBe('NOT_FOUND');
    expect(err(await t.core.call('incoming.get', { id: secret }, as(cv))).code).toBe('NOT_FOUND');
    expect(ok(await t.core.call('search.global', { q: 'dat dai' }, as(cv))).hits.map((h) => h.id)).toEqual([mine]);
    expect(err(await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'X', subject: 'Y' }, as(cv))).code).toBe('FORBIDDEN');
    expect(err(await t.core.call('users.list', {}, as(cv))).code).toBe('FORBIDDEN');

    const vt = await loginAs('vanthu', pw);
    expect(ok(await t.core.call('incoming.list', {}, as(vt))).total).toBe(2);
    ok(await t.core.call('users.update', { id: clerk.id, secretAccess: true }, as(adminSession)));
    expect(ok(await t.core.call('incoming.list', {}, as(vt))).total).toBe(3);

    const ld = await loginAs('lanhdao', pw);
    expect(err(await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'X', subject: 'Y' }, as(ld))).code).toBe('FORBIDDEN');
    ok(await t.core.call('tasks.create', { content: 'Chỉ đạo thực hiện', leadUnitId: units.QLĐĐ }, as(ld)));
    // The audit log names who did it.
    expect(ok(await t.core.call('audit.list', { entity: 'tasks' }, as(adminSession))).items[0]!.actor).toBe('lanhdao');
  });
});
