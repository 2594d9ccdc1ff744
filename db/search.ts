/**
 * Full-text search over documents, behind one small interface for both
 * engines, over text the app has already folded (no diacritics, đ → d, lower
 * case). SQLite: FTS5. PostgreSQL: a tsvector with one weight per column and
 * a GIN index (migration 003); a query is the same words as FTS5's, each
 * word's pieces a phrase (<->), the last one a prefix (:*), so both engines
 * find the same documents.
 */
import { sql, type Expression, type Kysely } from 'kysely';
import type { AbbreviationLookup } from '../shared/abbreviations';
import { foldVietnamese } from '../shared/text';
import { compiledOnce } from './compiled';
import { engineOf } from './dialect';
import type { Engine } from './engine';
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

/**
 * The entry's rowid: an incoming document's id, an outgoing one's above every
 * incoming id (migration 019), so that one kind is one rowid range, which FTS5
 * seeks instead of reading the other kind's matches.
 */
export const OUTGOING_ROWID = 2 ** 40;
const rowid = (kind: DocKind, id: number) => (kind === 'outgoing' ? OUTGOING_ROWID + id : id);
const ofKind = (kind: DocKind) => (kind === 'outgoing' ? sql`rowid > ${OUTGOING_ROWID}` : sql`rowid < ${OUTGOING_ROWID}`);
const idOf = (kind: DocKind) => (kind === 'outgoing' ? sql<number>`rowid - ${OUTGOING_ROWID}` : sql<number>`rowid`);

const deleteEntry = compiledOnce(1, (_db, r: number) => sql`delete from doc_search where rowid = ${r}`);
const insertEntry = compiledOnce(5, (_db, r: number, notation: string, subject: string, sender: string, extra: string) =>
  sql`insert into doc_search (rowid, notation, subject, sender, extra) values (${r}, ${notation}, ${subject}, ${sender}, ${extra})`,
);

/** `fresh`: a document just created, which has no entry yet (ids are never reused: AUTOINCREMENT, serial). */
export async function indexDoc(db: Kysely<DB>, d: SearchDoc, fresh = false): Promise<void> {
  const r = rowid(d.kind, d.id);
  if (!fresh) await deleteEntry(db, r);
  await insertEntry(db, r, d.notation, d.subject, d.sender, d.extra);
}

/** Many entries in two statements (an import's batch): as indexDoc does for each. */
export async function indexDocs(db: Kysely<DB>, docs: readonly SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rowids = docs.map((d) => rowid(d.kind, d.id));
  await sql`delete from doc_search where rowid in (${sql.join(rowids)})`.execute(db);
  const values = docs.map((d, k) => sql`(${rowids[k]}, ${d.notation}, ${d.subject}, ${d.sender}, ${d.extra})`);
  await sql`insert into doc_search (rowid, notation, subject, sender, extra) values ${sql.join(values)}`.execute(db);
}

export async function unindexDoc(db: Kysely<DB>, kind: DocKind, id: number): Promise<void> {
  await deleteEntry(db, rowid(kind, id));
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
  const words = queryWords(folded, abbreviations);
  if (words.length === 0) return null;
  const expr = words
    .map(({ alternatives: [pieces, ...spelled], prefix }) => {
      const typed = `"${pieces!.join(' ')}"${prefix ? '*' : ''}`;
      // Expansions come from folded names: only letters, digits and spaces reach the query.
      return spelled.length ? `(${[typed, ...spelled.map((e) => `"${e.join(' ')}"`)].join(' OR ')})` : typed;
    })
    .join(' AND ');
  return column ? `${column} : (${expr})` : expr;
}

const WEIGHT: Record<SearchColumn | 'extra', string> = { notation: 'A', subject: 'B', sender: 'C', extra: 'D' };

/**
 * The same query for PostgreSQL's to_tsquery: a phrase must lie within one
 * column, as in FTS5, so a phrase of several pieces is asked of each column
 * (by its weight) unless one column is named.
 */
export function tsQuery(folded: string, column?: SearchColumn, abbreviations?: AbbreviationLookup): string | null {
  const words = queryWords(folded, abbreviations);
  if (words.length === 0) return null;
  const phrase = (pieces: string[], prefix: boolean, weight: string) => pieces.map((p, k) => `'${p}'${prefix && k === pieces.length - 1 ? ':*' : ':'}${weight}`.replace(/:$/, '')).join(' <-> ');
  const anywhere = (pieces: string[], prefix: boolean) =>
    column ? phrase(pieces, prefix, WEIGHT[column]) : pieces.length === 1 ? phrase(pieces, prefix, '') : `(${Object.values(WEIGHT).map((w) => phrase(pieces, prefix, w)).join(' | ')})`;
  return words.map(({ alternatives, prefix }) => `(${alternatives.flatMap((pieces, a) => (pieces.length ? [anywhere(pieces, prefix && a === 0)] : [])).join(' | ')})`).join(' & ');
}

/** The condition on doc_search of a query; nothing matches an empty one. */
function matches(engine: Engine, folded: string, column?: SearchColumn, abbreviations?: AbbreviationLookup) {
  if (engine === 'postgres') {
    const q = tsQuery(folded, column, abbreviations);
    return q ? sql`words @@ to_tsquery('simple', ${q})` : sql`false`;
  }
  return sql`doc_search match ${ftsQuery(folded, column, abbreviations) ?? '""'}`;
}

/** Ids of one kind matching the query, for list filters (an IN subquery). */
export function matchingIds(folded: string, kind: DocKind, column: SearchColumn | undefined, abbreviations: AbbreviationLookup | undefined, engine: Engine) {
  return sql<number>`(select ${idOf(kind)} from doc_search where ${matches(engine, folded, column, abbreviations)} and ${ofKind(kind)})`;
}

/**
 * The ids of the newest `n` matches of one kind, newest first (a subquery with
 * column `id`): FTS5 walks its doclists newest first and stops after n, where
 * the IN subquery of matchingIds collects every match of ten years.
 */
export function newestMatches(folded: string, kind: DocKind, abbreviations: AbbreviationLookup | undefined, engine: Engine, n: number) {
  return sql<{ id: number }>`(select ${idOf(kind)} as id from doc_search where ${matches(engine, folded, undefined, abbreviations)} and ${ofKind(kind)} order by rowid desc limit ${n})`;
}

/**
 * How well a document of the query matches, as whole steps so that equal
 * ones can be ordered by date: the notation counts most, then the subject,
 * then the sender (the rest of the index counts nothing).
 */
export function relevance(folded: string, kind: DocKind, id: Expression<number>, abbreviations: AbbreviationLookup | undefined, engine: Engine) {
  const hit = (column: SearchColumn, weight: number) => sql<number>`(case when ${id} in ${matchingIds(folded, kind, column, abbreviations, engine)} then ${weight} else 0 end)`;
  return sql<number>`(${hit('notation', 4)} + ${hit('subject', 2)} + ${hit('sender', 1)})`;
}

/** The query's words as ftsQuery reads them: each a list of alternatives (pieces to find adjacent), the last one a prefix. */
function queryWords(folded: string, abbreviations?: AbbreviationLookup): { alternatives: string[][]; prefix: boolean }[] {
  const words = folded
    .split(/\s+/)
    .map((w) => w.split(/[^\p{L}\p{Nd}]+/u).filter(Boolean))
    .filter((pieces) => pieces.length > 0);
  return words.map((pieces, i) => {
    const prefix = i === words.length - 1;
    const spelled = (abbreviations?.(pieces.join('')) ?? []).map((e) => e.split(/[^\p{L}\p{Nd}]+/u).filter(Boolean));
    return { alternatives: [pieces, ...withoutImplied(pieces, prefix, spelled)], prefix };
  });
}

/**
 * The expansions not implied by a shorter alternative: "ubnd huyen cao loc"
 * matches wherever "ubnd" does, so asking FTS5 for it too only costs (an
 * office's units make dozens of such names for "ubnd").
 */
function withoutImplied(typed: string[], prefix: boolean, spelled: string[][]): string[][] {
  const within = (a: string[], aPrefix: boolean, b: string[]) =>
    b.some((_, start) => start + a.length <= b.length && a.every((p, k) => (aPrefix && k === a.length - 1 ? b[start + k]!.startsWith(p) : b[start + k] === p)));
  const kept: string[][] = [];
  for (const b of spelled.filter((e) => e.length > 0).sort((x, y) => x.length - y.length)) if (!within(typed, prefix, b) && !kept.some((a) => within(a, false, b))) kept.push(b);
  return kept;
}

/**
 * Whether one column's folded text holds the query, as FTS5 decides it for `column : (…)`:
 * every word's pieces (or one of its expansions) adjacent, the last word's last piece a prefix.
 * The window's texts are scored here instead of by a query per column: each FTS5 query of an
 * expanded abbreviation costs as much as the window itself.
 */
function holds(text: string, words: ReturnType<typeof queryWords>): boolean {
  const tokens = text.toLowerCase().split(/[^\p{L}\p{Nd}]+/u).filter(Boolean);
  const at = (pieces: string[], prefix: boolean, start: number) =>
    pieces.every((p, k) => (prefix && k === pieces.length - 1 ? (tokens[start + k] ?? '').startsWith(p) : tokens[start + k] === p));
  return words.every((w) => w.alternatives.some((pieces, a) => tokens.some((_, start) => at(pieces, w.prefix && a === 0, start))));
}

const WEIGHTS: [SearchColumn, number][] = [['notation', 4], ['subject', 2], ['sender', 1]];

/**
 * The steps of `relevance` for a document's own text (the index holds no copy
 * of it): folded here as it was for the index.
 */
export function scorer(folded: string, abbreviations?: AbbreviationLookup): (doc: Record<SearchColumn, string | null>) => number {
  const words = queryWords(folded, abbreviations);
  return (doc) => WEIGHTS.reduce((s, [column, w]) => s + (holds(foldVietnamese(doc[column] ?? ''), words) ? w : 0), 0);
}

/** The ids of the newest `n` matches of one kind, newest first, but for the ids `except` (a subquery). */
export async function newestIds(db: Kysely<DB>, folded: string, column: SearchColumn | undefined, abbreviations: AbbreviationLookup | undefined, kind: DocKind, n: number, except?: Expression<number>): Promise<number[]> {
  if (queryWords(folded, abbreviations).length === 0) return [];
  const r = await sql<{ id: number }>`select ${idOf(kind)} as id from doc_search where ${matches(engineOf(db), folded, column, abbreviations)} and ${ofKind(kind)}${except ? sql` and ${idOf(kind)} not in ${except}` : sql``} order by rowid desc limit ${n}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}
