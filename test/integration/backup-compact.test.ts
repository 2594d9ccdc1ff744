/**
 * backup.compact: the database written again without its empty pages, on
 * either engine, for the administrator only; nothing of the data changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';

let t: TestCore;
const long = 'Về việc triển khai kế hoạch kiểm tra việc chấp hành pháp luật về đất đai, tài nguyên nước và khoáng sản trên địa bàn tỉnh '.repeat(6);
beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
}, 60_000);
afterAll(() => t.close());

const register = (n: number) => t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'Sở Xây dựng', notation: `${n}/SXD-QH`, documentDate: '2026-11-18', subject: `${long}${n}` });

describe('compacting the database', () => {
  it('frees the pages that purged documents left, keeps every remaining document and records it in the audit log', async () => {
    const ids: number[] = [];
    for (let n = 1; n <= 400; n++) ids.push(ok(await register(n)).id);
    for (const id of ids.slice(0, 360)) {
      ok(await t.core.call('incoming.delete', { id }));
      ok(await t.core.call('trash.purge', { kind: 'incoming', id }));
    }
    const kept = ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 100 }));
    const r = ok(await t.core.call('backup.compact', {}));
    expect(r.afterBytes).toBeGreaterThan(0);
    if (t.database.engine === 'sqlite') expect(r.afterBytes).toBeLessThan(r.beforeBytes * 0.7);
    expect(ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 100 }))).toEqual(kept);
    expect(kept.total).toBe(40);
    expect(ok(await t.core.call('search.global', { q: 'khoang san 399' })).hits.map((h) => h.id)).toEqual([ids[398]]);
    const audit = await rowsOf<{ n: number }>(t, "select count(*) as n from audit_log join audit_kinds using (kind) where action = 'backup.compact' and entity = 'database'");
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('is the administrator’s: a clerk is refused and nothing is compacted', async () => {
    ok(await t.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'mat-khau-rat-dai-2026' }));
    const admin = ok(await t.core.call('auth.login', { username: 'quantri', password: 'mat-khau-rat-dai-2026' })).session;
    ok(await t.core.call('users.create', { username: 'vanthu', fullName: 'Trần Thị Thư', password: 'mat-khau-van-thu-2026', role: 'clerk' }, { session: admin }));
    const clerk = ok(await t.core.call('auth.login', { username: 'vanthu', password: 'mat-khau-van-thu-2026' })).session;
    expect(err(await t.core.call('backup.compact', {}, { session: clerk })).code).toBe('FORBIDDEN');
    ok(await t.core.call('backup.compact', {}, { session: admin }));
  });
});
