import { sql, type Kysely } from 'kysely';
import { foldVietnamese } from '../../shared/text';
import type { Engine } from '../engine';

/**
 * Full-text search over documents: SQLite FTS5, or on PostgreSQL a table with
 * a tsvector and a GIN index (db/search.ts hides which). Text is folded by the
 * app before it is indexed (đ → d is not done by FTS5's remove_diacritics), so the index
 * holds plain lower-case ASCII-ish words; "/" and "-" separate tokens, which
 * makes "448/BC-STNMT" findable by the phrases "448 bc", "bc stnmt".
 * The rowid encodes the document: id * 2 for incoming, id * 2 + 1 for outgoing,
 * so an update replaces its row by rowid instead of scanning. Prefix indexes
 * keep search-as-you-type fast on short word beginnings.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine === 'postgres') await postgresIndex(db);
  else
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

/**
 * PostgreSQL: van_thu_fold is the app's folding (unaccent, then đ → d, which
 * not every unaccent.rules has) declared IMMUTABLE so that indexes may use it;
 * van_thu_words cuts folded text into FTS5's tokens (letters and digits) so
 * that to_tsvector('simple', …) finds the same words. Each column has its
 * weight (A notation, B subject, C sender, D extra) so that a query can ask
 * for one column as FTS5's `notation : (…)` does. pg_trgm indexes the
 * notation for fragments ("BC-ST") typed in list filters.
 */
async function postgresIndex(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql.raw(`create or replace function van_thu_fold(t text) returns text language sql immutable parallel safe strict as $$
    select btrim(regexp_replace(lower(translate(public.unaccent('public.unaccent'::regdictionary, t), 'đĐ', 'dd')), '\\s+', ' ', 'g'))
  $$`).execute(db);
  await sql.raw(`create or replace function van_thu_words(t text) returns text language sql immutable parallel safe as $$
    select regexp_replace(lower(coalesce(t, '')), '[^[:alnum:]]+', ' ', 'g')
  $$`).execute(db);
  await sql`create table doc_search (
    rowid bigint primary key,
    notation text not null default '',
    subject text not null default '',
    sender text not null default '',
    extra text not null default '',
    words tsvector generated always as (
      setweight(to_tsvector('simple'::regconfig, van_thu_words(notation)), 'A') ||
      setweight(to_tsvector('simple'::regconfig, van_thu_words(subject)), 'B') ||
      setweight(to_tsvector('simple'::regconfig, van_thu_words(sender)), 'C') ||
      setweight(to_tsvector('simple'::regconfig, van_thu_words(extra)), 'D')
    ) stored
  )`.execute(db);
  await sql`create index doc_search_words on doc_search using gin (words)`.execute(db);
  await sql`create index doc_search_notation_trgm on doc_search using gin (notation gin_trgm_ops)`.execute(db);
}
