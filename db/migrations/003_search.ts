import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over documents: SQLite FTS5 (the PostgreSQL dialect will
 * use its own index behind db/search.ts). Text is folded by the app before it
 * is indexed (đ → d is not done by FTS5's remove_diacritics), so the index
 * holds plain lower-case ASCII-ish words; "/" and "-" separate tokens, which
 * makes "448/BC-STNMT" findable by the phrases "448 bc", "bc stnmt".
 * The rowid encodes the document: id * 2 for incoming, id * 2 + 1 for outgoing,
 * so an update replaces its row by rowid instead of scanning. Prefix indexes
 * keep search-as-you-type fast on short word beginnings.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create virtual table doc_search using fts5(
    notation, subject, sender, extra,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
  )`.execute(db);
}
