import { sql, type Kysely } from 'kysely';
import { OUTGOING_ROWID } from '../search';
import { documentEntries } from '../search-entries';
import type { DB } from '../schema';
import type { Engine } from '../engine';

const BATCH = 5000;

/**
 * The search index without its one-letter prefix index (SQLite).
 *
 * That index held every word of every document a second time, under its
 * first letter: 21 of the 51 MB of the index at ten years, the largest part
 * of the file left to cut. A word typed so far is asked as the whole terms it
 * can be (db/search.ts `completionsOf`, from FTS5's own list of terms), one
 * letter as well, so FTS5 reads newest first and stops at the window instead
 * of merging every doclist of ten years.
 *
 * FTS5 fixes its prefix indexes when the table is made, and this one keeps no
 * copy of the text (contentless), so the entries are made again from the
 * documents' rows, as db:copy makes them. PostgreSQL's index has no prefix
 * index: nothing changes there.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine !== 'sqlite') return;
  await sql`drop table doc_search_terms`.execute(db);
  await sql`drop table doc_search`.execute(db);
  await sql`create virtual table doc_search using fts5(
    notation, subject, sender, extra,
    tokenize = 'unicode61 remove_diacritics 2',
    content = '', contentless_delete = 1
  )`.execute(db);
  await sql`create virtual table doc_search_terms using fts5vocab(doc_search, instance)`.execute(db);
  // The migrator's database is the app's, untyped at this point of its history.
  const entries = await documentEntries(db as Kysely<DB>);
  for (let k = 0; k < entries.length; k += BATCH) {
    const rows = entries.slice(k, k + BATCH).map((d) => sql`(${d.kind === 'outgoing' ? OUTGOING_ROWID + d.id : d.id}, ${d.notation}, ${d.subject}, ${d.sender}, ${d.extra})`);
    await sql`insert into doc_search (rowid, notation, subject, sender, extra) values ${sql.join(rows)}`.execute(db);
  }
  // One b-tree of segments instead of the batches' many: smaller, and each query reads one.
  await sql`insert into doc_search (doc_search) values ('optimize')`.execute(db);
}
