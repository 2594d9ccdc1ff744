/**
 * The last number given in each register and year, one row each, updated in
 * the action's transaction: numbering reads one row instead of the register,
 * and a number once given (even of a document purged since) is never given again.
 * The upsert takes the counter row's lock until the transaction ends (SQLite's
 * whole-database write lock; PostgreSQL's row lock), so many connections and
 * many app servers get numbers one after another, without gaps or repeats.
 */
import { sql, type Kysely } from 'kysely';
import { compiledOnce } from './compiled';
import { engineOf, greatest } from './dialect';
import type { DB } from './schema';

const bump = (db: Kysely<DB>, registerId: number, year: number) =>
  db
    .insertInto('register_counters')
    .values({ register_id: registerId, year, last: 1 })
    .onConflict((oc) => oc.columns(['register_id', 'year']).doUpdateSet({ last: sql<number>`register_counters.last + 1` }));
const nextNumber = compiledOnce(2, (db, registerId: number, year: number) => bump(db, registerId, year).returning('last'));
const bumpNumber = compiledOnce(2, bump);
const lastNumber = compiledOnce(2, (db, registerId: number, year: number) => db.selectFrom('register_counters').select('last').where('register_id', '=', registerId).where('year', '=', year));

/**
 * The next number of the register's year, taken for good. On SQLite the
 * counter is read back after the upsert instead of by RETURNING, which cost
 * ten times the upsert on a large database (db/compiled.ts compiledIdInsert):
 * a write transaction holds the database's write lock from its start, so
 * nothing can come between the two (outside one, RETURNING it stays).
 */
export async function takeNumber(db: Kysely<DB>, registerId: number, year: number): Promise<number> {
  const readBack = engineOf(db) === 'sqlite' && db.isTransaction;
  if (readBack) await bumpNumber(db, registerId, year);
  const [r] = await (readBack ? lastNumber : nextNumber)(db, registerId, year);
  if (!r) throw new Error('Không cấp được số: sổ không trả lại số mới.');
  return r.last;
}

/** A number given by hand (a correction, an imported register): numbering continues after it. */
export async function keepNumber(db: Kysely<DB>, registerId: number, year: number, n: number): Promise<void> {
  await db
    .insertInto('register_counters')
    .values({ register_id: registerId, year, last: n })
    .onConflict((oc) => oc.columns(['register_id', 'year']).doUpdateSet({ last: greatest(engineOf(db), sql<number>`register_counters.last`, sql<number>`excluded.last`) }))
    .execute();
}
