import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import { inSavepoint, inTransaction, makeStores } from '../../electron/core/stores';
import { tempDir } from '../support/core';

let opened: OpenedDatabase;
const now = '2026-11-01T02:00:00.000Z';
const unit = (name: string, kind: 'internal' | 'external' = 'external') => ({ name, name_fold: name.toLowerCase(), abbreviation: null, kind, parent_id: null, email: null, organ_id: null, sort_order: 0, created_at: now, updated_at: now, archived_at: null });

beforeAll(async () => {
  opened = await openDatabase(':memory:', { backupDir: path.join(tempDir(), 'backups') });
});
afterAll(async () => opened.close());

const ctx = () => ({ db: opened.db, engine: 'sqlite' as const, stores: makeStores({ db: opened.db, engine: 'sqlite' }) });

describe('answers kept within a transaction', () => {
  it('sees the transaction’s own writes of units: an insert or update drops what was kept', async () => {
    await inTransaction(ctx(), async (tx) => {
      expect(await tx.stores.units.externalByName('so moi')).toBeNull();
      const id = await tx.stores.units.insert(unit('so moi'));
      expect(await tx.stores.units.externalByName('so moi')).toBe(id);
      expect((await tx.stores.units.byIds([id]))[0]?.archived_at).toBeNull();
      await tx.stores.units.update(id, { archived_at: now });
      expect(await tx.stores.units.externalByName('so moi')).toBeNull();
      expect((await tx.stores.units.byIds([id]))[0]?.archived_at).toBe(now);
      throw new Error('hủy');
    }).catch((e: unknown) => expect(String(e)).toContain('hủy'));
  });

  it('sees the transaction’s own changes of the calendar', async () => {
    await inTransaction(ctx(), async (tx) => {
      const first = await tx.stores.calendar.version();
      await tx.stores.calendar.set({ date: '2026-12-31', kind: 'off', note: 'Nghỉ bù', updated_at: now });
      const second = await tx.stores.calendar.version();
      expect(second).not.toBe(first);
      await tx.stores.calendar.clear('2026-12-31');
      expect(await tx.stores.calendar.version()).not.toBe(second);
    });
  });

  it('forgets all it kept when a call is rolled back to its savepoint', async () => {
    await inTransaction(ctx(), async (tx) => {
      await expect(
        inSavepoint(tx, async () => {
          await tx.stores.units.insert(unit('so hong'));
          // Read after the write, within the call that is then undone.
          expect(await tx.stores.units.externalByName('so hong')).not.toBeNull();
          throw new Error('hỏng');
        }),
      ).rejects.toThrow('hỏng');
      expect(await tx.stores.units.externalByName('so hong')).toBeNull();
    });
  });

  it('keeps nothing outside a transaction: the next read sees what another action committed', async () => {
    const c = ctx();
    expect(await c.stores.units.externalByName('so khac')).toBeNull();
    const id = await inTransaction(c, (tx) => tx.stores.units.insert(unit('so khac')));
    expect(await c.stores.units.externalByName('so khac')).toBe(id);
  });
});
