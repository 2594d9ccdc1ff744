/**
 * Prepared statements kept by their SQL: kysely's SQLite connection prepares
 * every query anew, and preparing was a fifth of the work of a registration
 * and of a large Excel import. The handlers' queries are few and repeat, so
 * each is prepared once per connection; the least recently used go when many
 * one-off texts (IN lists of every length) come by.
 */
import type { CompiledQuery, QueryResult } from 'kysely';
import type Database from 'better-sqlite3';

const KEPT = 500;

export function statementCache(sqlite: Database.Database) {
  const kept = new Map<string, Database.Statement>();
  function prepared(text: string): Database.Statement {
    const found = kept.get(text);
    if (found) {
      // Most recently used last: the first is the one to drop.
      kept.delete(text);
      kept.set(text, found);
      return found;
    }
    const stmt = sqlite.prepare(text);
    kept.set(text, stmt);
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return stmt;
  }
  /** What kysely's SqliteConnection.executeQuery does, on a kept statement. */
  return function execute<R>(q: CompiledQuery): QueryResult<R> {
    const stmt = prepared(q.sql);
    if (stmt.reader) return { rows: stmt.all(q.parameters) as R[] };
    const { changes, lastInsertRowid } = stmt.run(q.parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  };
}
