/**
 * Numbering from the counter row of each register and year (db/numbering.ts):
 * gap-free and unique as before, continued after hand-given numbers, never
 * giving again the number of a purged document; the duplicate check seeks
 * its three columns.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { makeCore, ok, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';
import { testEngine } from '../support/postgres';
import { migrateTo, olderDatabase, openInApp, rows } from '../support/migrations';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
});
afterEach(() => t.close());

const doc = (n: number, extra: Partial<Input<'incoming.register'>> = {}): Input<'incoming.register'> => ({ arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: `${n}/UBND-KT`, documentDate: '2026-11-20', subject: `Văn bản ${n}`, ...extra });

describe('arrival numbers from the counter row', () => {
  it('gives 1, 2, 3…, continues after a number given by hand, and never gives a purged document’s number again', async () => {
    const c = t.core;
    const numbers = [];
    for (let i = 1; i <= 3; i++) numbers.push(ok(await c.call('incoming.register', doc(i))).arrivalNumber);
    expect(numbers).toEqual([1, 2, 3]);
    expect(ok(await c.call('incoming.register', doc(4, { arrivalNumber: 10 }))).arrivalNumber).toBe(10);
    const eleventh = ok(await c.call('incoming.register', doc(5)));
    expect(eleventh.arrivalNumber).toBe(11);
    ok(await c.call('incoming.delete', { id: eleventh.id, reason: 'Nhập nhầm' }));
    ok(await c.call('trash.purge', { kind: 'incoming', id: eleventh.id }));
    expect(ok(await c.call('incoming.register', doc(6))).arrivalNumber).toBe(12);
    // A correction to a higher number: the next one follows it.
    ok(await c.call('incoming.update', { id: eleventh.id - 1, arrivalNumber: 20, reason: 'Sửa số vào nhầm' }));
    expect(ok(await c.call('incoming.register', doc(7))).arrivalNumber).toBe(21);
    // A new year starts again at 1.
    expect(ok(await c.call('incoming.register', doc(8, { arrivalDate: '2027-01-04' }))).arrivalNumber).toBe(1);
  });

  it.skipIf(testEngine() === 'postgres')('seeks the duplicate check by notation and date among the documents with a notation (SQLite\'s query plan, migration 018)', async () => {
    const plan = await rowsOf<{ detail: string }>(t, "explain query plan select id from incoming i where i.notation_key = 'x' and i.document_date = '2026-11-20' and i.sender_fold = 'y' and i.deleted_at is null");
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH i USING INDEX incoming_duplicate (notation_key=? AND document_date=?)']);
  });

  // The planner of an almost empty table scans it whatever the indexes: on PostgreSQL the index itself is what the seek needs.
  it.skipIf(testEngine() === 'sqlite')('has the index the duplicate check seeks by notation and date, of the documents with a notation (PostgreSQL)', async () => {
    const [index] = await rowsOf<{ indexdef: string }>(t, "select indexdef from pg_indexes where tablename = 'incoming' and indexname = 'incoming_duplicate'");
    expect(index?.indexdef).toMatch(/\(notation_key, document_date\) WHERE \(\(notation_key IS NOT NULL\) AND \(deleted_at IS NULL\)\)/);
  });
});

// Older SQLite files migrated: PostgreSQL's migrations start from version 0 (postgres.test.ts).
describe.skipIf(testEngine() === 'postgres')('migration 015 counters (older SQLite files)', () => {
  it('continues each register and year from the numbers already given', async () => {
    const file = await olderDatabase(12, (raw) => {
      rows.agency(raw);
      rows.incoming(raw, 7, 'Báo cáo');
      rows.incoming(raw, 3, 'Kế hoạch');
    });
    const db = await migrateTo(file, 15);
    expect(db.prepare('select register_id, year, last from register_counters').all()).toEqual([{ register_id: 1, year: 2026, last: 7 }]);
    db.close();
    const core = await openInApp(file);
    expect(ok(await core.call('incoming.register', doc(9, { arrivalDate: '2026-01-06' }))).arrivalNumber).toBe(8);
    await core.close();
  });
});
