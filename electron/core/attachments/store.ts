/** The attachments' rows: which document holds which file (by hash); `visible` is the access rule over alias `a`. */
import type { Expression, Insertable, SqlBool } from 'kysely';
import type { AttachmentsTable } from '../../../db/schema';
import type { StoreHandle } from '../stores';

export function attachmentsStore(h: StoreHandle) {
  const { db } = h;
  const live = (visible: Expression<SqlBool>) => db.selectFrom('attachments as a').selectAll('a').where('a.deleted_at', 'is', null).where(visible);
  return {
    get: (id: number, visible: Expression<SqlBool>) => live(visible).where('a.id', '=', id).executeTakeFirst(),

    listOf: (ownerKind: 'incoming' | 'outgoing', ownerId: number, visible: Expression<SqlBool>) =>
      live(visible).where('a.owner_kind', '=', ownerKind).where('a.owner_id', '=', ownerId).orderBy('a.id').execute(),

    insert: (row: Insertable<AttachmentsTable>) => db.insertInto('attachments').values(row).returningAll().executeTakeFirstOrThrow(),

    /** Soft delete: the file and the row stay for the trash and the audit log. */
    async remove(id: number, at: string): Promise<void> {
      await db.updateTable('attachments').set({ deleted_at: at }).where('id', '=', id).execute();
    },
  };
}
