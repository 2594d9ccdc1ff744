/** The outbox's SQL: messages waiting, claimed, sent or failed, and the receiving units' addresses. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OutboxTable } from '../../../db/schema-users';
import type { StoreHandle } from '../stores';

export type OutboxRow = Selectable<OutboxTable>;
export type OutboxChange = Omit<Updateable<OutboxTable>, 'id' | 'updated_at'>;
type Status = OutboxRow['status'];

export function sendStore(h: StoreHandle) {
  const { db } = h;
  return {
    get: (id: number) => db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The newest first, as the page shows them. */
    list: (limit: number) => db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute(),
    /** Pending or failed messages whose time has come, oldest first. */
    due: (now: string, limit: number) => db.selectFrom('outbox').selectAll().where('status', 'in', ['pending', 'error']).where('next_attempt_at', '<=', now).orderBy('id').limit(limit).execute(),
    async insert(values: Insertable<OutboxTable>): Promise<number> {
      return (await db.insertInto('outbox').values(values).returning('id').executeTakeFirstOrThrow()).id;
    },
    /** Marks a pending or failed message 'sending'; false when another run took it first. */
    async claim(id: number, at: string): Promise<boolean> {
      const r = await db.updateTable('outbox').set({ status: 'sending', updated_at: at }).where('id', '=', id).where('status', 'in', ['pending', 'error']).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async change(id: number, change: OutboxChange, at: string): Promise<void> {
      await db.updateTable('outbox').set({ ...change, updated_at: at }).where('id', '=', id).execute();
    },
    /** Whether a message has the status (last changed before `before`, when given). */
    async anyIn(status: Status, before?: string): Promise<boolean> {
      let q = db.selectFrom('outbox').select('id').where('status', '=', status);
      if (before) q = q.where('updated_at', '<', before);
      return !!(await q.executeTakeFirst());
    },
    /** Every message of one status (last changed before `before`, when given) moves to another, with the reason. */
    async moveAll(from: Status, to: Status, reason: string, at: string, before?: string): Promise<void> {
      let q = db.updateTable('outbox').set({ status: to, last_error: reason, updated_at: at }).where('status', '=', from);
      if (before) q = q.where('updated_at', '<', before);
      await q.execute();
    },
    unitAddresses: (ids: readonly number[]) => db.selectFrom('units').select(['id', 'name', 'email']).where('id', 'in', [...ids]).execute(),
  };
}
