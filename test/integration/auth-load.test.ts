import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { rowsOf, withDb, type TestDb } from '../support/db';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
// Sign-in needs no agency: a bare database, as on first run.
beforeEach(async () => (t = await makeCore({ clock })));
afterEach(async () => t.close());

const admin = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'mat-khau-rat-dai-2026' };
const wrongPassword = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** The database as another connection sees it: what was committed. */
const query = <T>(sql: string, ...params: unknown[]): Promise<T[]> => rowsOf<T>(t, sql, ...params);

/** The audit row of users.create fails to insert, as on a broken disk, until the returned undo runs. */
async function failAuditOfUsersCreate(db: TestDb): Promise<() => Promise<void>> {
  if (db.engine === 'sqlite') {
    await db.run("create trigger audit_fails before insert on audit_log when new.action = 'users.create' begin select raise(abort, 'ổ đĩa hỏng'); end");
    return () => db.run('drop trigger audit_fails');
  }
  await db.run("create function audit_fails() returns trigger language plpgsql as $$ begin if new.action = 'users.create' then raise exception 'ổ đĩa hỏng'; end if; return new; end $$");
  await db.run('create trigger audit_fails before insert on audit_log for each row execute function audit_fails()');
  return async () => {
    await db.run('drop trigger audit_fails on audit_log');
    await db.run('drop function audit_fails()');
  };
}

async function adminSession() {
  ok(await t.core.call('auth.setupAdmin', admin));
  return ok(await t.core.call('auth.login', admin)).session;
}

describe('sign-in under load', () => {
  it('40 wrong passwords at once are 40 failures; only the first three are hashed, the rest are told to wait, and so is the next attempt', async () => {
    ok(await t.core.call('auth.setupAdmin', admin));
    const answers = await Promise.all(Array.from({ length: 40 }, () => t.core.call('auth.login', { username: 'quantri', password: 'doan-bua-123' })));
    const messages = answers.map((a) => err(a).message);
    expect(messages.filter((m) => m === wrongPassword)).toHaveLength(3);
    expect(messages.filter((m) => /^Đăng nhập sai nhiều lần: hãy thử lại sau \d+ giây\.$/.test(m))).toHaveLength(37);
    expect((await query<{ failed_count: number }>('select failed_count from users'))[0]!.failed_count).toBe(40);
    // Each attempt left its row in the audit log.
    expect((await query<{ n: number }>("select count(*) as n from audit_log where action = 'auth.login'"))[0]!.n).toBe(40);
    // The right password now waits too: 40 failures ask for the longest wait (15 minutes).
    expect(err(await t.core.call('auth.login', admin)).message).toBe('Đăng nhập sai nhiều lần: hãy thử lại sau 900 giây.');
  });

  it('three first-admin set-ups at once make one admin; the others are refused in Vietnamese', async () => {
    const answers = await Promise.all(['quantri', 'quantri2', 'QuanTri'].map((username) => t.core.call('auth.setupAdmin', { ...admin, username })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(err(a)).toMatchObject({ code: 'FORBIDDEN', message: 'Đã có tài khoản quản trị: hãy đăng nhập.' });
    expect((await query<{ n: number }>('select count(*) as n from users'))[0]!.n).toBe(1);
    expect((await query<{ n: number }>("select count(*) as n from audit_log where action = 'auth.setupAdmin'"))[0]!.n).toBe(1);
  });

  it('a user name taken (in any case, or by a request at the same moment) is a CONFLICT on username', async () => {
    const s = await adminSession();
    const user = (username: string) => ({ username, password: 'mat-khau-van-thu-2026', fullName: 'Lê Thị Văn', role: 'clerk' as const });
    const both = await Promise.all([t.core.call('users.create', user('vanthu'), { session: s }), t.core.call('users.create', user('VanThu'), { session: s })]);
    expect(both.filter((a) => a.ok)).toHaveLength(1);
    const e = err(both.find((a) => !a.ok)!);
    expect(e.code).toBe('CONFLICT');
    expect(e.fields).toEqual([{ path: 'username', message: expect.stringContaining('đã có người dùng') }]);
    const later = err(await t.core.call('users.create', user('VANTHU'), { session: s }));
    expect(later).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'username' }] });
    expect((await query<{ n: number }>("select count(*) as n from users where lower(username) = 'vanthu'"))[0]!.n).toBe(1);
  });

  it('a new user and its audit row are one transaction; the row holds no password hash', async () => {
    const s = await adminSession();
    const user: Input<'users.create'> = { username: 'lanhdao', password: 'mat-khau-lanh-dao-2026', fullName: 'Hoàng Văn Đạo', role: 'leader' };
    await withDb(
      t,
      async (db) => {
        const undo = await failAuditOfUsersCreate(db);
        expect(err(await t.core.call('users.create', user, { session: s })).code).toBe('INTERNAL');
        expect((await query<{ n: number }>("select count(*) as n from users where username = 'lanhdao'"))[0]!.n).toBe(0);
        await undo();
      },
      { write: true },
    );
    const made = ok(await t.core.call('users.create', user, { session: s }));
    const rows = await query<{ action: string; entity_id: number; after_json: string }>("select action, entity_id, after_json from audit_log where entity = 'users' and action in ('auth.setupAdmin', 'users.create') order by id");
    expect(rows.map((r) => r.action)).toEqual(['auth.setupAdmin', 'users.create']);
    expect(rows[1]).toMatchObject({ entity_id: made.id });
    expect(JSON.parse(rows[1]!.after_json)).toMatchObject({ username: 'lanhdao', role: 'leader' });
    for (const r of rows) expect(r.after_json).not.toMatch(/scrypt|mat-khau/);
  });
});
