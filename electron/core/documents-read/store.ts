/**
 * The SQL of reading and writing edXML packages (the agency's own row comes
 * from the agency store): the units' OrganIds and names, and a document's files through the access rule.
 */
import type { RawBuilder, SqlBool } from 'kysely';
import type { StoreHandle } from '../stores';

export function documentsReadStore(h: StoreHandle) {
  const { db } = h;
  return {
    async organIdOf(unitId: number): Promise<string | null> {
      return (await db.selectFrom('units').select('organ_id').where('id', '=', unitId).executeTakeFirst())?.organ_id ?? null;
    },
    organIds: (unitIds: readonly number[]) => (unitIds.length ? db.selectFrom('units').select(['id', 'organ_id']).where('id', 'in', [...unitIds]).execute() : Promise.resolve([])),
    /** The external units in use: a sender is matched among them. */
    externalUnits: () => db.selectFrom('units').select(['id', 'name', 'organ_id']).where('kind', '=', 'external').where('archived_at', 'is', null).execute(),
    /** A document's files in order; `visible` is the access rule on attachments under the alias it is given. */
    files: (kind: 'incoming' | 'outgoing', id: number, visible: (alias: string) => RawBuilder<SqlBool>) =>
      db
        .selectFrom('attachments as a')
        .select(['a.id', 'a.file_name', 'a.media_type', 'a.sha256'])
        .where('a.owner_kind', '=', kind)
        .where('a.owner_id', '=', id)
        .where('a.deleted_at', 'is', null)
        .where(visible('a'))
        .orderBy('a.id')
        .execute(),
  };
}
