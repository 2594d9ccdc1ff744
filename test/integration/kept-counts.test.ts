/**
 * The register's total, kept while nothing is written (db/kept-counts.ts), is
 * never one write late: the app's own writes, another connection's commits
 * and a restore each show at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { withDb } from '../support/db';

let t: TestCore;
let n = 0;
const register = () =>
  t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'Sở Xây dựng', notation: `${++n}/SXD-QH`, documentDate: '2026-11-18', subject: `Về việc quy hoạch xây dựng số ${n}` });
const total = async (page = 1) => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', page, pageSize: 10 })).total;

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  for (let i = 0; i < 25; i++) ok(await register());
}, 60_000);
afterAll(() => t.close());

describe('a total kept between pages', () => {
  it('is the same on every page, and counts again after the app writes', async () => {
    expect([await total(1), await total(2), await total(3)]).toEqual([25, 25, 25]);
    const doc = ok(await register());
    expect(await total(2)).toBe(26);
    ok(await t.core.call('incoming.delete', { id: doc.id }));
    expect(await total(1)).toBe(25);
  });

  it('counts again after another connection commits, and after a restore', async () => {
    expect(await total()).toBe(25);
    await withDb(t, (db) => db.run("update incoming set deleted_at = '2026-11-25T02:00:00.000Z' where id = (select min(id) from incoming where deleted_at is null)"), { write: true });
    expect(await total()).toBe(24);
    const backup = ok(await t.core.call('backup.create', {}));
    ok(await register());
    expect(await total()).toBe(25);
    ok(await t.core.call('backup.restore', { id: backup.id }));
    expect(await total()).toBe(24);
  });
});
