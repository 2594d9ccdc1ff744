import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine';

/**
 * The next TTHC code of a day is the highest running number among that day's
 * codes, deleted dossiers' included (electron/core/tthc/store.ts): an index of
 * every code, sought as a byte-ordered range. PostgreSQL orders text by the
 * database's collation, which may skip the hyphens of a code: the index and
 * the query say collate "C".
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await (engine === 'postgres'
    ? sql`create index tthc_dossiers_code_range on tthc_dossiers (code collate "C")`
    : sql`create index tthc_dossiers_code_range on tthc_dossiers (code)`
  ).execute(db);
}
