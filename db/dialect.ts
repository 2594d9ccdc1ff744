/**
 * What differs between the engines in a query, as small functions for the
 * stores. Everything else a store writes with kysely's builder runs on both.
 *
 *   engineOf(db)                       'sqlite' | 'postgres', read off the handle (a transaction's too)
 *   ilike(engine, col, pattern)        case-insensitive LIKE, no escape character (SQLite's LIKE as it is)
 *   containsText(engine, col, text)    col holds text anywhere, case-insensitively; % _ \ in text are literal
 *                                      (on PostgreSQL the notation's trigram index serves it)
 *   fold(engine, expr)                 the app's folding in SQL (foldVietnamese: no diacritics, đ → d, lower case)
 *   greatest(engine, a, b)             the larger of two values (SQLite's two-argument max)
 *   unindexed(engine, expr)            SQLite's unary plus that keeps the planner off an index ("+d.received_at");
 *                                      PostgreSQL has no + for text and plans for itself: the bare expression
 *   listOf(engine, expr, separator)    group_concat on SQLite, string_agg on PostgreSQL
 *
 * Rules that need no function: NULLs sort first in ascending order on SQLite
 * and last on PostgreSQL, so say `nulls first`/`nulls last` where it matters
 * (both accept it); select only grouped or aggregated columns (PostgreSQL
 * refuses the others); format numbers in TypeScript, not with printf; never
 * mix text and integers in one coalesce; write booleans as 0/1 integers (the schema
 * stores them so on both); give every subquery in FROM an alias; count(*)
 * and sum() come back as numbers on both (db/postgres.ts parses them);
 * read a new row's id with `returning('id')`, not insertId (PostgreSQL has none).
 */
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Engine } from './engine';
import { escapeLike } from './like';

export function engineOf<T>(db: Kysely<T>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function ilike(engine: Engine, col: Expression<string | null>, pattern: Expression<string> | string): RawBuilder<SqlBool> {
  return engine === 'postgres' ? sql<SqlBool>`(${col} ilike ${pattern} escape '')` : sql<SqlBool>`(${col} like ${pattern})`;
}

export function containsText(engine: Engine, col: Expression<string | null>, text: string): RawBuilder<SqlBool> {
  const pattern = `%${escapeLike(text)}%`;
  return engine === 'postgres' ? sql<SqlBool>`(${col} ilike ${pattern} escape '\\')` : sql<SqlBool>`(${col} like ${pattern} escape '\\')`;
}

/** SQLite: the function van_thu_fold that db/connection.ts registers on every connection; PostgreSQL: the IMMUTABLE one of migration 003. */
export function fold(_engine: Engine, expr: Expression<string | null>): RawBuilder<string> {
  return sql<string>`van_thu_fold(${expr})`;
}

export function greatest<T>(engine: Engine, a: Expression<T>, b: Expression<T>): RawBuilder<T> {
  return engine === 'postgres' ? sql<T>`greatest(${a}, ${b})` : sql<T>`max(${a}, ${b})`;
}

export function unindexed<T>(engine: Engine, expr: Expression<T>): RawBuilder<T> {
  return engine === 'postgres' ? sql<T>`${expr}` : sql<T>`+${expr}`;
}

export function listOf(engine: Engine, expr: Expression<string | null>, separator: string): RawBuilder<string | null> {
  return engine === 'postgres' ? sql<string | null>`string_agg(${expr}, ${separator})` : sql<string | null>`group_concat(${expr}, ${separator})`;
}
