/**
 * The writer names an (action, table) pair on its first use, in the action's
 * own transaction, and afterwards only looks its number up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { failInserts, rowsOf, withDb } from '../support/db';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
beforeAll(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
});
afterAll(async () => t.close());

const pairs = (action: string) => rowsOf<{ kind: number }>(t, 'select kind from audit_kinds where action = ?', action);
const rowsOfAction = (action: string) =>
  rowsOf<{ n: number }>(t, 'select count(*) as n from audit_log join audit_kinds using (kind) where action = ?', action).then((r) => Number(r[0]!.n));

describe('audit pairs', () => {
  it('a rolled-back first use leaves no pair; the next use names it once and later uses reuse its number', async () => {
    const unit = { name: 'Phòng Tài chính', kind: 'external' as const, email: 'ptc@langson.gov.vn' };
    expect(await pairs('units.create')).toHaveLength(0);
    await withDb(
      t,
      async (db) => {
        const undo = await failInserts(db, 'audit_log', 'ổ đĩa hỏng');
        expect(err(await t.core.call('units.create', unit)).message).toContain('ổ đĩa hỏng');
        await undo();
      },
      { write: true },
    );
    expect(await rowsOf(t, 'select id from units where name = ?', unit.name)).toHaveLength(0);
    expect(await pairs('units.create')).toHaveLength(0);

    ok(await t.core.call('units.create', unit));
    const [named] = await pairs('units.create');
    expect(named).toBeDefined();
    ok(await t.core.call('units.create', { ...unit, name: 'Phòng Nội vụ', email: 'pnv@langson.gov.vn' }));
    expect(await pairs('units.create')).toEqual([named]);
    expect(await rowsOfAction('units.create')).toBe(2);
  });
});
