/** The agency's one row (id 1): its names as printed and as used in notations. */
import type { Kysely } from 'kysely';
import type { AgencyTable, DB } from '../../../db/schema';
import type { StoreHandle } from '../stores';

/** Also read by the document reader (through its own module) to know the office's own name. */
export function getAgencyRow(db: Kysely<DB>): Promise<AgencyTable | undefined> {
  return db.selectFrom('agency').selectAll().where('id', '=', 1).executeTakeFirst();
}

export function agencyStore(h: StoreHandle) {
  return {
    get: () => getAgencyRow(h.db),

    async save(row: Omit<AgencyTable, 'id'>): Promise<void> {
      await h.db
        .insertInto('agency')
        .values({ id: 1, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
    },
  };
}
