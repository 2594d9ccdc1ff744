/** The abbreviations search understands: the common ones and the office's agency and units. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { abbreviationLookup, type AbbreviationLookup } from '../../shared/abbreviations';

export async function loadAbbreviations(db: Kysely<DB>): Promise<AbbreviationLookup> {
  const [agency, units] = await Promise.all([
    db.selectFrom('agency').select(['name', 'abbreviation']).execute(),
    db.selectFrom('units').select(['name', 'abbreviation']).where('archived_at', 'is', null).where('abbreviation', 'is not', null).execute(),
  ]);
  return abbreviationLookup([...agency, ...units]);
}
