import type { Kysely } from 'kysely';

/**
 * The electronic exchange (edXML, QCVN 102:2016) names agencies by OrganId
 * ("000.00.15.H36"): the office's own, set in Settings, and each external
 * agency's, kept from the packages it sends, so replies and status packages
 * are addressed to it and its next package is matched without its name.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agency').addColumn('organ_id', 'text').execute();
  await db.schema.alterTable('units').addColumn('organ_id', 'text').execute();
  await db.schema.createIndex('units_organ_id').on('units').column('organ_id').where('organ_id', 'is not', null).execute();
}
