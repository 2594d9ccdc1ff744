import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../shared/text';

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
  // Documents registered before the index existed are found like later ones.
  const fold = (v: string | null) => foldVietnamese(v ?? '');
  const docs = await sql<{ rowid: number; notation: string | null; subject: string; sender: string | null; extra: string | null }>`
    select id * 2 as rowid, notation, subject, sender_name as sender, signer_name as extra from incoming where deleted_at is null
    union all
    select id * 2 + 1, notation, subject, recipients_text, signer_name from outgoing where deleted_at is null`.execute(db);
  for (const d of docs.rows) {
    await sql`insert into doc_search (rowid, notation, subject, sender, extra) values (${d.rowid}, ${fold(d.notation)}, ${fold(d.subject)}, ${fold(d.sender)}, ${fold(d.extra)})`.execute(db);
  }
}
