import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { failInserts, rowsOf, withDb } from '../support/db';
import { auditJson } from '../support/audit-history';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
// Sign-in needs no agency: a bare database, as on first run.
beforeEach(async () => (t = await makeCore({ clock })));
afterEach(async () => t.close());

const admin = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'mat-khau-rat-dai-2026' };
const wrongPassword = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** The database as another connection sees it: what was committed. */
const query = <T>(sql: string, ...params: unknown[]): Promise<T[]> => rowsOf<T>(t, sql, ...params);


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
    expect((await query<{ n: number }>("select count(*) as n from audit_log join audit_kinds using (kind) where action = 'auth.login'"))[0]!.n).toBe(40);
    // The right password now waits too: 40 failures ask for the longest wait (15 minutes).
    expect(err(await t.core.call('auth.login', admin)).message).toBe('Đăng nhập sai nhiều lần: hãy thử lại sau 900 giây.');
  });

  it('three first-admin set-ups at once make one admin; the others are refused in Vietnamese', async () => {
    const answers = await Promise.all(['quantri', 'quantri2', 'QuanTri'].map((username) => t.core.call('auth.setupAdmin', { ...admin, username })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(err(a)).toMatchObject({ code: 'FORBIDDEN', message: 'Đã có tài khoản quản trị: hãy đăng nhập.' });
    expect((await query<{ n: number }>('select count(*) as n from users'))[0]!.n).toBe(1);
    expect((await query<{ n: number }>("select count(*) as n from audit_log join audit_kinds using (kind) where action = 'auth.setupAdmin'"))[0]!.n).toBe(1);
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
        const undo = await failInserts(db, 'audit_log', 'ổ đĩa hỏng', 'users.create');
        expect(err(await t.core.call('users.create', user, { session: s }))).toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('ổ đĩa hỏng') });
        expect((await query<{ n: number }>("select count(*) as n from users where username = 'lanhdao'"))[0]!.n).toBe(0);
        await undo();
      },
      { write: true },
    );
    const made = ok(await t.core.call('users.create', user, { session: s }));
    const rows = await auditJson(t, "entity = 'users' and action in ('auth.setupAdmin', 'users.create')");
    expect(rows.map((r) => r.action)).toEqual(['auth.setupAdmin', 'users.create']);
    expect(rows[1]).toMatchObject({ entity_id: made.id });
    expect(JSON.parse(rows[1]!.after_json!)).toMatchObject({ username: 'lanhdao', role: 'leader' });
    for (const r of rows) expect(r.after_json).not.toMatch(/scrypt|mat-khau/);
  });
});
