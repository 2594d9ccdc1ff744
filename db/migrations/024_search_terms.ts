import { sql, type Kysely } from 'kysely';
import { notationPieces } from '../search';
import type { Engine } from '../engine';
import { foldVietnamese } from '../../shared/text';

const BATCH = 5000;

/**
 * Two lists of terms that let search.global skip work it cannot use.
 *
 * - doc_search_terms (SQLite; a view over FTS5's index, nothing stored): a
 *   last word typed so far becomes the few whole terms it can be. Asked for a
 *   prefix ("ubnd"*), FTS5 copies the whole doclist of every term with it
 *   before it gives the newest match: at ten years "kh ubnd"* took 6 ms
 *   against 1 for the same terms asked whole. PostgreSQL's GIN index reads a
 *   prefix as it reads a word: nothing to add there.
 * - notation_terms (both engines): every piece found in a notation. Search
 *   asks the notation column for the newest matches however old, so that
 *   "448/BC" is found; for words no notation holds ("đất đai") that walked
 *   every document of those words, 5 ms a kind at ten years, to find none.
 *   Filled here from the documents' notations, folded as the index folds them.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine === 'sqlite') {
    await sql`create virtual table doc_search_terms using fts5vocab(doc_search, instance)`.execute(db);
    await sql`create table notation_terms (term text primary key) without rowid`.execute(db);
  } else {
    // Byte order, as SQLite's: a prefix is a range of terms whatever the database's locale.
    await sql`create table notation_terms (term text collate "C" primary key)`.execute(db);
  }
  for (const table of ['incoming', 'outgoing']) {
    for (let after = 0; ; ) {
      const r = await sql<{ id: number; notation: string }>`select id, notation from ${sql.table(table)} where id > ${after} and notation is not null order by id limit ${BATCH}`.execute(db);
      if (r.rows.length === 0) break;
      after = Number(r.rows[r.rows.length - 1]!.id);
      const terms = [...new Set(r.rows.flatMap((x) => notationPieces(foldVietnamese(x.notation))))];
      for (let k = 0; k < terms.length; k += 1000) {
        await sql`insert into notation_terms (term) values ${sql.join(terms.slice(k, k + 1000).map((t) => sql`(${t})`))} on conflict do nothing`.execute(db);
      }
    }
  }
}
