/**
 * A count asked again while nothing was written is answered from the last
 * time: a clerk pages through a year's register, and every page counted the
 * year's 20,000 documents again (half of the page's time at ten years).
 *
 * SQLite only, and outside transactions: the stamp of "nothing written" is
 * the connection's total_changes() (every row its statements changed, the
 * office server's clients' included, even if rolled back later) with
 * data_version (a commit by another connection or process). Both are read
 * before counting, so a write landing meanwhile only makes the next call count
 * again; an answer is never older than its stamp. Kept per database handle: a
 * restore opens a new one and starts with nothing kept.
 */
import { sql, type Kysely } from 'kysely';
import { engineOf } from './dialect';
import type { DB } from './schema';

const MAX_KEPT = 64;
const kept = new WeakMap<Kysely<DB>, Map<string, { stamp: string; n: number }>>();

export async function keptCount(db: Kysely<DB>, key: string, count: () => Promise<number>): Promise<number> {
  if (db.isTransaction || engineOf(db) !== 'sqlite') return count();
  const r = await sql<{ c: number; v: number }>`select total_changes() as c, data_version as v from pragma_data_version`.execute(db);
  const stamp = `${r.rows[0]!.c}:${r.rows[0]!.v}`;
  let counts = kept.get(db);
  if (!counts) kept.set(db, (counts = new Map()));
  const found = counts.get(key);
  if (found && found.stamp === stamp) return found.n;
  const n = await count();
  if (counts.size >= MAX_KEPT) counts.clear();
  counts.set(key, { stamp, n });
  return n;
}
