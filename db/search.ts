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

/** The first string after every one that begins with `prefix` (its last character one further). */
function pastPrefix(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop()!;
  return chars.join('') + String.fromCodePoint(last.codePointAt(0)! + 1);
}

/** What separates a word's pieces ("448/bc" → "448", "bc"): anything but letters and digits. */
const PIECE_BREAK = /[^\p{L}\p{Nd}]+/u;

/** A folded notation's pieces, as queries split their words (queryWords). */
export const notationPieces = (notation: string): string[] => notation.split(PIECE_BREAK).filter(Boolean);

const keepNotationTerm = compiledOnce(1, (_db, term: string) => sql`insert into notation_terms (term) values (${term}) on conflict do nothing`);

/** `fresh`: a document just created, which has no entry yet (ids are never reused: AUTOINCREMENT, serial). */
export async function indexDoc(db: Kysely<DB>, d: SearchDoc, fresh = false): Promise<void> {
  const r = rowid(d.kind, d.id);
  if (!fresh) await deleteEntry(db, r);
  await insertEntry(db, r, d.notation, d.subject, d.sender, d.extra);
  for (const term of new Set(notationPieces(d.notation))) await keepNotationTerm(db, term);
}

/** Many entries in two statements (an import's batch): as indexDoc does for each. */
export async function indexDocs(db: Kysely<DB>, docs: readonly SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const rowids = docs.map((d) => rowid(d.kind, d.id));
  await sql`delete from doc_search where rowid in (${sql.join(rowids)})`.execute(db);
  const values = docs.map((d, k) => sql`(${rowids[k]}, ${d.notation}, ${d.subject}, ${d.sender}, ${d.extra})`);
  await sql`insert into doc_search (rowid, notation, subject, sender, extra) values ${sql.join(values)}`.execute(db);
  const terms = [...new Set(docs.flatMap((d) => notationPieces(d.notation)))];
  if (terms.length) await db.insertInto('notation_terms').values(terms.map((term) => ({ term }))).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Whether some document's notation may hold the query: every word has an
 * alternative whose pieces are all among the notations' terms (the last
 * word's last piece as a prefix). When not, asking the notation column
 * (`column` 'notation') finds nothing, after walking every document of the
 * words. Terms of documents since purged stay: it only says "may".
 */
export async function notationMayHold(db: Kysely<DB>, folded: string, lexicon?: QueryLexicon): Promise<boolean> {
  const words = queryWords(folded, lexicon?.abbreviations);
  if (words.length === 0) return false;
  const typed = words[words.length - 1]!.alternatives[0]!;
  const prefix = typed[typed.length - 1]!;
  const exact = [...new Set(words.flatMap((w, i) => w.alternatives.flatMap((pieces, a) => (i === words.length - 1 && a === 0 ? pieces.slice(0, -1) : pieces))))];
  const known = new Set(exact.length ? (await db.selectFrom('notation_terms').select('term').where('term', 'in', exact).execute()).map((r) => r.term) : []);
  const prefixKnown = (await db.selectFrom('notation_terms').select('term').where('term', '>=', prefix).where('term', '<', pastPrefix(prefix)).limit(1).execute()).length > 0;
  return words.every((w, i) => w.alternatives.some((pieces, a) => pieces.every((p, k) => (i === words.length - 1 && a === 0 && k === pieces.length - 1 ? prefixKnown : known.has(p)))));
}

export async function unindexDoc(db: Kysely<DB>, kind: DocKind, id: number): Promise<void> {
  await deleteEntry(db, rowid(kind, id));
}

export type SearchColumn = 'notation' | 'subject' | 'sender';

/**
 * What the words of a query stand for beside themselves: the office's
 * abbreviations, and (SQLite) the whole terms of the index that a last word
 * typed so far can be (`completionsOf`), by its last piece. A piece without
 * an entry is left to FTS5 as a prefix.
 */
export interface QueryLexicon {
  abbreviations?: AbbreviationLookup;
  completions?: ReadonlyMap<string, readonly string[]>;
  /** The same for the notation column: only the pieces of notations (notation_terms), far fewer and rarer. */
  notationCompletions?: ReadonlyMap<string, readonly string[]>;
}

/** More terms than this for a prefix: FTS5 merges them itself. */
export const MAX_COMPLETIONS = 24;
/**
 * A one-letter prefix has no index of its own (migration 026: it was two
 * fifths of the index) and is the most terms to merge, so it is asked as its
 * whole terms up to this many; the index's hundreds of numbers ("1…") are not.
 */
export const MAX_ONE_LETTER_COMPLETIONS = 200;

/**
 * A folded query → FTS5 expression. Each word is a phrase of its pieces
 * ("448/bc" → "448 bc", so the pieces must be adjacent as in the notation);
 * the last word is a prefix (the user may still be typing it); words are
 * AND-ed; an abbreviation also matches what it stands for ("ubnd" OR "uy ban
 * nhan dan"). `column` limits the match to one column. Null when nothing to search.
 */
export function ftsQuery(folded: string, column?: SearchColumn, lexicon?: QueryLexicon): string | null {
  const words = queryWords(folded, lexicon?.abbreviations);
  if (words.length === 0) return null;
  const expr = words
    .map(({ alternatives: [pieces, ...spelled], prefix }) => {
      const typed = prefix ? typedPrefix(pieces!, completionsFor(column, pieces![pieces!.length - 1]!, lexicon)) : `"${pieces!.join(' ')}"`;
      // Expansions come from folded names: only letters, digits and spaces reach the query.
      return spelled.length ? `(${[typed, ...spelled.map((e) => `"${e.join(' ')}"`)].join(' OR ')})` : typed;
    })
    .join(' AND ');
  return column ? `${column} : (${expr})` : expr;
}

/**
 * Which whole terms stand for a last piece typed so far. In the notation
 * column, the notations' own pieces: the vocabulary's would be common words
 * ("h" → "hanh", "hien"…) whose every document FTS5 walks to check the
 * column. In another column a prefix of two letters and more is faster: FTS5
 * merges its terms' entries of that column only. One letter is too many
 * entries to merge, in a column too.
 */
function completionsFor(column: SearchColumn | undefined, piece: string, lexicon: QueryLexicon | undefined): QueryLexicon['completions'] {
  if (column === 'notation') return lexicon?.notationCompletions;
  return !column || [...piece].length < 2 ? lexicon?.completions : undefined;
}

/**
 * A word typed so far, for FTS5: the whole terms its last piece can be, each
 * a phrase with the pieces before it, when they are known and few; otherwise
 * the prefix itself. Both find the same documents (the terms are the index's
 * own), but FTS5 walks whole terms newest first and stops at the window,
 * where a prefix has it merge every matching doclist of ten years first.
 */
function typedPrefix(pieces: string[], completions: QueryLexicon['completions']): string {
  const head = pieces.slice(0, -1);
  const terms = completions?.get(pieces[pieces.length - 1]!);
  if (!terms || terms.length === 0) return `"${pieces.join(' ')}"*`;
  const phrases = terms.map((t) => `"${[...head, t].join(' ')}"`);
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
}

/** The piece typed last, which the query takes as a prefix (db/search.ts `ftsQuery`); null when nothing to search. */
export function lastPiece(folded: string): string | null {
  const words = queryWords(folded);
  const pieces = words[words.length - 1]?.alternatives[0];
  return pieces?.[pieces.length - 1] ?? null;
}

/**
 * The index's terms that begin with `prefix`, in one query over FTS5's list
 * of terms (migration 024), stepping from term to term (the list comes in
 * term order, a row per occurrence: a step seeks to what follows the term,
 * `>=` being what FTS5 seeks, where `>` walks the term's occurrences);
 * null when there are more than MAX_COMPLETIONS of them (MAX_ONE_LETTER_COMPLETIONS
 * for one letter). SQLite only.
 */
export async function completionsOf(db: Kysely<DB>, prefix: string): Promise<string[] | null> {
  const most = [...prefix].length < 2 ? MAX_ONE_LETTER_COMPLETIONS : MAX_COMPLETIONS;
  const above = pastPrefix(prefix);
  const r = await sql<{ term: string }>`with recursive t(term) as (
      select (select term from doc_search_terms where term >= ${prefix} and term < ${above} limit 1)
      union all
      select (select term from doc_search_terms where term >= t.term || char(1) and term < ${above} limit 1) from t where t.term is not null limit ${most + 2}
    ) select term from t where term is not null`.execute(db);
  const terms = r.rows.map((x) => x.term).filter((t) => t.startsWith(prefix) && !t.includes('"'));
  return terms.length > most ? null : terms;
}

/** The notations' pieces that begin with `prefix` (notation_terms), null when more than MAX_ONE_LETTER_COMPLETIONS. */
export async function notationCompletionsOf(db: Kysely<DB>, prefix: string): Promise<string[] | null> {
  const r = await db
    .selectFrom('notation_terms')
    .select('term')
    .where('term', '>=', prefix)
    .where('term', '<', pastPrefix(prefix))
    .orderBy('term')
    .limit(MAX_ONE_LETTER_COMPLETIONS + 1)
    .execute();
  const terms = r.map((x) => x.term).filter((t) => !t.includes('"'));
  return r.length > MAX_ONE_LETTER_COMPLETIONS ? null : terms;
}

const WEIGHT: Record<SearchColumn | 'extra', string> = { notation: 'A', subject: 'B', sender: 'C', extra: 'D' };

/**
 * The same query for PostgreSQL's to_tsquery: a phrase must lie within one
 * column, as in FTS5, so a phrase of several pieces is asked of each column
 * (by its weight) unless one column is named.
 */
export function tsQuery(folded: string, column?: SearchColumn, lexicon?: QueryLexicon): string | null {
  const words = queryWords(folded, lexicon?.abbreviations);
  if (words.length === 0) return null;
  const phrase = (pieces: string[], prefix: boolean, weight: string) => pieces.map((p, k) => `'${p}'${prefix && k === pieces.length - 1 ? ':*' : ':'}${weight}`.replace(/:$/, '')).join(' <-> ');
  const anywhere = (pieces: string[], prefix: boolean) =>
    column ? phrase(pieces, prefix, WEIGHT[column]) : pieces.length === 1 ? phrase(pieces, prefix, '') : `(${Object.values(WEIGHT).map((w) => phrase(pieces, prefix, w)).join(' | ')})`;
  return words.map(({ alternatives, prefix }) => `(${alternatives.flatMap((pieces, a) => (pieces.length ? [anywhere(pieces, prefix && a === 0)] : [])).join(' | ')})`).join(' & ');
}

/** The condition on doc_search of a query; nothing matches an empty one. */
function matches(engine: Engine, folded: string, column?: SearchColumn, lexicon?: QueryLexicon) {
  if (engine === 'postgres') {
    const q = tsQuery(folded, column, lexicon);
    return q ? sql`words @@ to_tsquery('simple', ${q})` : sql`false`;
  }
  return sql`doc_search match ${ftsQuery(folded, column, lexicon) ?? '""'}`;
}

/** Ids of one kind matching the query, for list filters (an IN subquery). */
export function matchingIds(folded: string, kind: DocKind, column: SearchColumn | undefined, lexicon: QueryLexicon | undefined, engine: Engine) {
  return sql<number>`(select ${idOf(kind)} from doc_search where ${matches(engine, folded, column, lexicon)} and ${ofKind(kind)})`;
}

/**
 * The ids of the newest `n` matches of one kind, newest first (a subquery with
 * column `id`): FTS5 walks its doclists newest first and stops after n, where
 * the IN subquery of matchingIds collects every match of ten years.
 */
export function newestMatches(folded: string, kind: DocKind, lexicon: QueryLexicon | undefined, engine: Engine, n: number) {
  return sql<{ id: number }>`(select ${idOf(kind)} as id from doc_search where ${matches(engine, folded, undefined, lexicon)} and ${ofKind(kind)} order by rowid desc limit ${n})`;
}

/**
 * How well a document of the query matches, as whole steps so that equal
 * ones can be ordered by date: the notation counts most, then the subject,
 * then the sender (the rest of the index counts nothing).
 */
export function relevance(folded: string, kind: DocKind, id: Expression<number>, lexicon: QueryLexicon | undefined, engine: Engine) {
  const hit = (column: SearchColumn, weight: number) => sql<number>`(case when ${id} in ${matchingIds(folded, kind, column, lexicon, engine)} then ${weight} else 0 end)`;
  return sql<number>`(${hit('notation', 4)} + ${hit('subject', 2)} + ${hit('sender', 1)})`;
}

/** The query's words as ftsQuery reads them: each a list of alternatives (pieces to find adjacent), the last one a prefix. */
function queryWords(folded: string, abbreviations?: AbbreviationLookup): { alternatives: string[][]; prefix: boolean }[] {
  const words = folded
    .split(/\s+/)
    .map((w) => w.split(PIECE_BREAK).filter(Boolean))
    .filter((pieces) => pieces.length > 0);
  return words.map((pieces, i) => {
    const prefix = i === words.length - 1;
    const spelled = (abbreviations?.(pieces.join('')) ?? []).map((e) => e.split(PIECE_BREAK).filter(Boolean));
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
  const tokens = pieces(text);
  // Plain loops: a window is hundreds of documents of three columns each, on every search.
  for (const w of words) {
    let found = false;
    for (let a = 0; a < w.alternatives.length && !found; a++) found = occurs(tokens, w.alternatives[a]!, w.prefix && a === 0);
    if (!found) return false;
  }
  return true;
}

const letterOrDigit = new Map<number, boolean>();
const isPieceChar = (code: number): boolean => {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  let is = letterOrDigit.get(code);
  if (is === undefined) letterOrDigit.set(code, (is = !PIECE_BREAK.test(String.fromCodePoint(code))));
  return is;
};

/** `text.split(PIECE_BREAK).filter(Boolean)`, a code point at a time: the split's expression was most of the scoring. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isPieceChar(code)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Whether the pieces lie adjacent somewhere in the tokens, the last one begun only when `prefix`. */
function occurs(tokens: readonly string[], pieces: readonly string[], prefix: boolean): boolean {
  const n = pieces.length;
  for (let start = 0; start + n <= tokens.length; start++) {
    let k = 0;
    while (k < n && (prefix && k === n - 1 ? tokens[start + k]!.startsWith(pieces[k]!) : tokens[start + k] === pieces[k])) k++;
    if (k === n) return true;
  }
  return false;
}

/** A match in the notation outweighs the others together: a score of at least this is one. */
export const NOTATION_SCORE = 4;
const WEIGHTS: [SearchColumn, number][] = [['notation', NOTATION_SCORE], ['subject', 2], ['sender', 1]];

/**
 * The steps of `relevance` for a document's own text (the index holds no copy
 * of it): folded here as it was for the index.
 */
export function scorer(folded: string, lexicon?: QueryLexicon): (doc: Record<SearchColumn, string | null>) => number {
  const words = queryWords(folded, lexicon?.abbreviations);
  return (doc) => {
    let score = 0;
    for (const [column, weight] of WEIGHTS) if (holds(foldVietnamese(doc[column] ?? ''), words)) score += weight;
    return score;
  };
}

/** The ids of the newest `n` matches of one kind, newest first, but for the ids `except` (a subquery). */
export async function newestIds(db: Kysely<DB>, folded: string, column: SearchColumn | undefined, lexicon: QueryLexicon | undefined, kind: DocKind, n: number, except?: Expression<number>): Promise<number[]> {
  if (queryWords(folded, lexicon?.abbreviations).length === 0) return [];
  const r = await sql<{ id: number }>`select ${idOf(kind)} as id from doc_search where ${matches(engineOf(db), folded, column, lexicon)} and ${ofKind(kind)}${except ? sql` and ${idOf(kind)} not in ${except}` : sql``} order by rowid desc limit ${n}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}
