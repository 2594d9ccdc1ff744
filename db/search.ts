/**
 * Full-text search over documents, behind one small interface so that the
 * PostgreSQL dialect can bring its own (tsvector) later. SQLite: FTS5 over
 * text the app has already folded (no diacritics, đ → d, lower case).
 */
import { sql, type Expression, type Kysely } from 'kysely';
import type { AbbreviationLookup } from '../shared/abbreviations';
import type { DB } from './schema';

export type DocKind = 'incoming' | 'outgoing';

export interface SearchDoc {
  kind: DocKind;
  id: number;
  /** Already folded by the caller. */
  notation: string;
  subject: string;
  sender: string;
  extra: string;
}

const rowid = (kind: DocKind, id: number) => id * 2 + (kind === 'outgoing' ? 1 : 0);

export async function indexDoc(db: Kysely<DB>, d: SearchDoc): Promise<void> {
  const r = rowid(d.kind, d.id);
  await sql`delete from doc_search where rowid = ${r}`.execute(db);
  await sql`insert into doc_search (rowid, notation, subject, sender, extra) values (${r}, ${d.notation}, ${d.subject}, ${d.sender}, ${d.extra})`.execute(db);
}

export async function unindexDoc(db: Kysely<DB>, kind: DocKind, id: number): Promise<void> {
  await sql`delete from doc_search where rowid = ${rowid(kind, id)}`.execute(db);
}

export type SearchColumn = 'notation' | 'subject' | 'sender';

/**
 * A folded query → FTS5 expression. Each word is a phrase of its pieces
 * ("448/bc" → "448 bc", so the pieces must be adjacent as in the notation);
 * the last word is a prefix (the user may still be typing it); words are
 * AND-ed; an abbreviation also matches what it stands for ("ubnd" OR "uy ban
 * nhan dan"). `column` limits the match to one column. Null when nothing to search.
 */
export function ftsQuery(folded: string, column?: SearchColumn, abbreviations?: AbbreviationLookup): string | null {
  const words = folded
    .split(/\s+/)
    .map((w) => w.split(/[^\p{L}\p{Nd}]+/u).filter(Boolean))
    .filter((pieces) => pieces.length > 0);
  if (words.length === 0) return null;
  const expr = words
    .map((pieces, i) => {
      const typed = `"${pieces.join(' ')}"${i === words.length - 1 ? '*' : ''}`;
      const spelled = abbreviations?.(pieces.join('')) ?? [];
      // Expansions come from folded names: only letters, digits and spaces reach the query.
      return spelled.length ? `(${[typed, ...spelled.map((e) => `"${e.replace(/[^\p{L}\p{Nd}]+/gu, ' ').trim()}"`)].join(' OR ')})` : typed;
    })
    .join(' AND ');
  return column ? `${column} : (${expr})` : expr;
}

/** Ids of one kind matching the query, for list filters (an IN subquery). */
export function matchingIds(folded: string, kind: DocKind, column?: SearchColumn, abbreviations?: AbbreviationLookup) {
  const q = ftsQuery(folded, column, abbreviations) ?? '""';
  return sql<number>`(select rowid / 2 from doc_search where doc_search match ${q} and (rowid % 2) = ${kind === 'outgoing' ? 1 : 0})`;
}

/**
 * How well a document of the query matches, as whole steps so that equal
 * ones can be ordered by date: the notation counts most, then the subject,
 * then the sender (the rest of the index counts nothing).
 */
export function relevance(folded: string, kind: DocKind, id: Expression<number>, abbreviations?: AbbreviationLookup) {
  const hit = (column: SearchColumn, weight: number) => sql<number>`(case when ${id} in ${matchingIds(folded, kind, column, abbreviations)} then ${weight} else 0 end)`;
  return sql<number>`(${hit('notation', 4)} + ${hit('subject', 2)} + ${hit('sender', 1)})`;
}

/** Ids of one kind matching the query (in `column` only when given), newest first, at most `n`. */
export async function newestMatches(db: Kysely<DB>, folded: string, kind: DocKind, n: number, column?: SearchColumn, abbreviations?: AbbreviationLookup): Promise<number[]> {
  const q = ftsQuery(folded, column, abbreviations);
  if (!q) return [];
  // FTS5 walks its doclists in rowid order and stops after n: no match beyond the window is read or scored.
  const r = await sql<{ id: number }>`select rowid / 2 as id from doc_search where doc_search match ${q} and (rowid % 2) = ${kind === 'outgoing' ? 1 : 0} order by rowid desc limit ${n}`.execute(db);
  return r.rows.map((x) => x.id);
}

/** Ids of one kind matching the query in `column`, from id `since` on: FTS5 seeks to it and reads only what follows. */
async function matchesSince(db: Kysely<DB>, folded: string, kind: DocKind, column: SearchColumn, since: number, abbreviations?: AbbreviationLookup): Promise<Set<number>> {
  const q = ftsQuery(folded, column, abbreviations);
  if (!q) return new Set();
  const r = await sql<{ id: number }>`select rowid / 2 as id from doc_search where doc_search match ${q} and rowid >= ${rowid(kind, since)} and (rowid % 2) = ${kind === 'outgoing' ? 1 : 0}`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

const WEIGHTS: [SearchColumn, number][] = [['notation', 4], ['subject', 2], ['sender', 1]];

/**
 * The best candidates of one kind with their relevance (the steps of `relevance`),
 * from the newest `window` matches instead of every match: a common word costs the
 * window, not ten years of matches. Each column's matches are read only over the
 * window's span (a column's match is a match of the query, so at most `window` of
 * them); checking ids one by one costs FTS5 a whole query each. Notation matches
 * older than the window join as such (they rank above any other kind of match), so
 * a notation is found however old. `complete` says whether the window held every match.
 */
export async function rankedCandidates(db: Kysely<DB>, folded: string, kind: DocKind, window: number, limit: number, abbreviations?: AbbreviationLookup): Promise<{ scores: Map<number, number>; complete: boolean }> {
  const newest = await newestMatches(db, folded, kind, window, undefined, abbreviations);
  const complete = newest.length < window;
  const since = complete ? 0 : newest[newest.length - 1]!;
  const hits = await Promise.all(WEIGHTS.map(([column]) => matchesSince(db, folded, kind, column, since, abbreviations)));
  const scores = new Map(newest.map((id) => [id, WEIGHTS.reduce((s, [, w], k) => s + (hits[k]!.has(id) ? w : 0), 0)]));
  if (!complete) for (const id of await newestMatches(db, folded, kind, limit, 'notation', abbreviations)) if (id < since) scores.set(id, WEIGHTS[0]![1]);
  return { scores, complete };
}
