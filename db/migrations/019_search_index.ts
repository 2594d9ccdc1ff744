import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine';

/** Outgoing entries lie above every incoming one (db/search.ts OUTGOING_ROWID). */
const OUTGOING_ROWID = 2 ** 40;
/** Out of the way of both encodings while PostgreSQL renumbers: its primary key is checked row by row. */
const ASIDE = 2 ** 50;
const BATCH = 5000;

/**
 * A smaller search index that finds one kind without reading the other's matches.
 * - The rowid is the incoming id, or OUTGOING_ROWID + the outgoing id (it was
 *   id * 2 and id * 2 + 1): a kind is a rowid range, which FTS5 seeks.
 * - SQLite: contentless (content='', contentless_delete=1): the text is the
 *   documents' own, read from them when a search ranks its window; the index
 *   kept a second copy of it. One prefix index, of one letter, instead of
 *   three: a word typed so far as "b" is hundreds of terms to merge without
 *   it ("giao b": 91 ms against 3.5 on six years), while two letters and more
 *   are few terms each. Six years of the demo: 81 MB → 33 MB (without any
 *   prefix index 20 MB, but typing slowed two to twenty times).
 * Existing entries are copied over in batches of rowids, their folded text as it was.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  // What some users may not see, few among the documents: search counts the matches less these (electron/core/search/store.ts).
  for (const t of ['incoming', 'outgoing']) await sql.raw(`create index ${t}_hidden on ${t} (id) where deleted_at is not null or secrecy is not null`).execute(db);
  const renumbered = (r: ReturnType<typeof sql.raw>) => sql`case when ${r} % 2 = 0 then ${r} / 2 else ${r} / 2 + ${OUTGOING_ROWID} end`;
  if (engine === 'postgres') {
    await sql`update doc_search set rowid = rowid + ${ASIDE}`.execute(db);
    await sql`update doc_search set rowid = ${renumbered(sql.raw(`(rowid - ${ASIDE})`))}`.execute(db);
    return;
  }
  await sql`create virtual table doc_search_019 using fts5(
    notation, subject, sender, extra,
    tokenize = 'unicode61 remove_diacritics 2',
    content = '', contentless_delete = 1,
    prefix = '1'
  )`.execute(db);
  const last = Number((await sql<{ m: number | null }>`select max(rowid) as m from doc_search`.execute(db)).rows[0]?.m ?? 0);
  for (let from = 0; from <= last; from += BATCH) {
    await sql`insert into doc_search_019 (rowid, notation, subject, sender, extra)
      select ${renumbered(sql.raw('rowid'))}, notation, subject, sender, extra from doc_search where rowid >= ${from} and rowid < ${from + BATCH}`.execute(db);
  }
  await sql`drop table doc_search`.execute(db);
  await sql`alter table doc_search_019 rename to doc_search`.execute(db);
  // One b-tree of segments instead of the batches' many: smaller, and each query reads one.
  await sql`insert into doc_search (doc_search) values ('optimize')`.execute(db);
}
