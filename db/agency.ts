import type { Kysely } from 'kysely';
import type { AgencyTable, DB } from './schema';

export async function getAgencyRow(db: Kysely<DB>): Promise<AgencyTable | undefined> {
  return db.selectFrom('agency').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function saveAgencyRow(db: Kysely<DB>, row: Omit<AgencyTable, 'id'>): Promise<void> {
  await db
    .insertInto('agency')
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}
