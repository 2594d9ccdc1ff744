import type { KyselyPlugin } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api/errors';
import { err, makeCore, ok, type TestCore } from '../support/core';

let t: TestCore;
afterEach(async () => t.close());

const units = async () => ok(await t.core.call('units.list', {})).items.map((u) => u.name).sort();
const audited = async () => ok(await t.core.call('audit.list', { entity: 'units' })).items.length;
/** Makes the audit row of the next write fail: its call fails after it wrote the unit. */
let failAudit = false;
const auditFails: KyselyPlugin = {
  transformQuery(a) {
    if (failAudit && a.node.kind === 'InsertQueryNode' && JSON.stringify(a.node.into).includes('"audit_log"')) {
      failAudit = false;
      throw new Error('Ghi nhật ký hỏng.');
    }
    return a.node;
  },
  transformResult: async (a) => a.result,
};

describe('core.batch', () => {
  it('runs many calls in one transaction; a failing call is told as it is and undone alone, the others kept and audited', async () => {
    t = await makeCore({ queryPlugins: [auditFails] });
    const told = await t.core.batch(async (call) => {
      const a = await call('units.create', { name: 'Phòng A', kind: 'external' });
      failAudit = true;
      const broken = await call('units.create', { name: 'Phòng hỏng', kind: 'external' });
      const invalid = await call('units.create', { name: ' ', kind: 'external' });
      const b = await call('units.create', { name: 'Phòng B', kind: 'external' });
      // Reads in the batch see its writes (they run in its transaction).
      const seen = await call('units.list', { kind: 'external' });
      return { a, broken, invalid, b, seen };
    });
    expect(told.a.ok && told.b.ok).toBe(true);
    expect(err(told.broken).code).toBe('INTERNAL');
    expect(err(told.invalid)).toMatchObject({ code: 'VALIDATION', fields: [expect.objectContaining({ path: 'name' })] });
    expect(told.seen.ok && (told.seen.value as { items: { name: string }[] }).items.map((u) => u.name).sort()).toEqual(['Phòng A', 'Phòng B']);
    expect(await units()).toEqual(['Phòng A', 'Phòng B']);
    expect(await audited()).toBe(2);
  });

  it('keeps the earlier batches when a later one fails a call, and rolls a batch back whole when its work throws', async () => {
    t = await makeCore();
    ok(await t.core.batch(async (call) => call('units.create', { name: 'Phòng 1', abbreviation: 'P1', kind: 'internal' })));
    const second = await t.core.batch(async (call) => [await call('units.create', { name: 'Phòng trùng', abbreviation: 'P1', kind: 'internal' }), await call('units.create', { name: 'Phòng 2', kind: 'external' })]);
    expect(err(second[0]!)).toMatchObject({ code: 'CONFLICT', fields: [expect.objectContaining({ path: 'abbreviation' })] });
    expect(second[1]!.ok).toBe(true);
    await expect(
      t.core.batch(async (call) => {
        ok(await call('units.create', { name: 'Phòng 3', kind: 'external' }));
        throw new Error('dừng');
      }),
    ).rejects.toThrow('dừng');
    expect(await units()).toEqual(['Phòng 1', 'Phòng 2']);
    expect(await audited()).toBe(2);
  });

  it('atomic: a failing call fails the whole batch, what it wrote before failing and the calls before it undone, the calls after it refused', async () => {
    t = await makeCore({ queryPlugins: [auditFails] });
    const events: string[] = [];
    t.core.onEvent((e) => events.push(String(e.method)));
    ok(await t.core.batch(async (call) => call('units.create', { name: 'Phòng 0', kind: 'external' }), { atomic: true }));
    let after: ApiResult<unknown> | null = null;
    await expect(
      t.core.batch(
        async (call) => {
          ok(await call('units.create', { name: 'Phòng A', kind: 'external' }));
          failAudit = true;
          // The unit is written, then its audit row fails: the call is told, and the work goes on as if it did not care.
          expect(err(await call('units.create', { name: 'Phòng hỏng', kind: 'external' })).code).toBe('INTERNAL');
          after = await call('units.create', { name: 'Phòng B', kind: 'external' });
          return 'xong';
        },
        { atomic: true },
      ),
    ).rejects.toThrow('Ghi nhật ký hỏng.');
    expect(after && err(after).code).toBe('CONFLICT');
    expect(await units()).toEqual(['Phòng 0']);
    expect(await audited()).toBe(1);
    expect(events).toEqual(['units.create']);
  });

  it('refuses a job-mode method (it makes its own transactions) and tells data.changed once the batch is committed', async () => {
    t = await makeCore();
    const events: string[] = [];
    t.core.onEvent((e) => events.push(`${e.type} ${String(e.method)}`));
    await t.core.batch(async (call) => {
      expect(err(await call('auth.logout', {})).code).toBe('VALIDATION');
      ok(await call('units.create', { name: 'Phòng A', kind: 'external' }));
      expect(events).toEqual([]);
    });
    expect(events).toEqual(['data.changed units.create']);
  });

  it('trusts the batch calls while there are no users, and asks every call for its session once there are', async () => {
    t = await makeCore();
    ok(await t.core.batch(async (call) => call('units.create', { name: 'Phòng A', kind: 'external' })));
    const password = 'mat-khau-dai-du-12';
    ok(await t.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password }));
    const session = ok(await t.core.call('auth.login', { username: 'quantri', password })).session;
    const told = await t.core.batch(async (call) => [
      await call('units.create', { name: 'Phòng B', kind: 'external' }),
      await call('units.create', { name: 'Phòng C', kind: 'external' }, { session }),
      await call('units.create', { name: 'Phòng D', kind: 'external' }),
    ]);
    expect(told.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['UNAUTHORIZED', 'ok', 'UNAUTHORIZED']);
    expect(ok(await t.core.call('units.list', {}, { session })).items.map((u) => u.name).sort()).toEqual(['Phòng A', 'Phòng C']);
  });
});
