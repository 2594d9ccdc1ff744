/**
 * A query built and compiled once per engine, then run with each call's values.
 * Building a kysely query and compiling it cost more than SQLite running it
 * for the small queries every write repeats (its audit row, its number, the
 * lookups of its register and sender): the demo build and an Excel import
 * run them tens of thousands of times.
 *
 * `build` gets placeholders for its arguments and must use each only as a
 * value, with no branch on it; a query that differs with its values (IN
 * lists, optional conditions) stays an ordinary builder. A handle with
 * plugins (tests that watch or break queries) gets the query built anew
 * each time, so its plugins see it.
 */
import { sql, type Compilable, type CompiledQuery, type InsertQueryBuilder, type InsertResult, type Kysely, type QueryResult, type RawBuilder } from 'kysely';
import { engineOf } from './dialect';
import type { Engine } from './engine';
import type { DB } from './schema';

class Placeholder {
  constructor(readonly index: number) {}
}

/** A compiled query's parameters: an argument's index, or a value of the query itself. */
type Parameter = { arg: number } | { value: unknown };

/** A builder's query, or an sql`` one, compiled for the handle (through its plugins, as execute() does). */
function compile<R>(db: Kysely<DB>, q: Compilable<R> | RawBuilder<R>): CompiledQuery<R> {
  return 'isRawBuilder' in q ? q.compile(db) : q.compile();
}

export function compiledOnce<A extends unknown[], R>(arity: A['length'], build: (db: Kysely<DB>, ...args: A) => Compilable<R> | RawBuilder<R>) {
  const run = compiledResult(arity, build);
  return async (db: Kysely<DB>, ...args: A): Promise<R[]> => (await run(db, ...args)).rows;
}

/** compiledOnce's query, answered with the whole result: an insert's insertId on SQLite. */
function compiledResult<A extends unknown[], R>(arity: A['length'], build: (db: Kysely<DB>, ...args: A) => Compilable<R> | RawBuilder<R>) {
  const made = new Map<Engine, { compiled: CompiledQuery<R>; parameters: Parameter[] }>();
  function template(db: Kysely<DB>) {
    const engine = engineOf(db);
    const found = made.get(engine);
    if (found) return found;
    const placeholders = Array.from({ length: arity }, (_, i) => new Placeholder(i)) as unknown as A;
    const compiled = compile(db, build(db, ...placeholders));
    const parameters = compiled.parameters.map((p): Parameter => (p instanceof Placeholder ? { arg: p.index } : { value: p }));
    const t = { compiled, parameters };
    made.set(engine, t);
    return t;
  }
  return (db: Kysely<DB>, ...args: A): Promise<QueryResult<R>> => {
    if (db.getExecutor().plugins.length > 0) return db.executeQuery(compile(db, build(db, ...args)));
    const t = template(db);
    const parameters = t.parameters.map((p) => ('arg' in p ? args[p.arg] : p.value));
    return db.executeQuery<R>({ ...t.compiled, parameters });
  };
}

/**
 * An insert of one row, compiled once per engine and set of columns: a
 * document's row has some thirty, and building the insert was most of its cost.
 * Columns whose value is undefined are left out, as kysely leaves them out.
 */
export function compiledRowInsert<Row extends object, R>(insert: (db: Kysely<DB>, row: Row) => Compilable<R>) {
  const run = rowInsert(insert);
  return async (db: Kysely<DB>, row: Row): Promise<R[]> => (await run(db, row)).rows;
}

function rowInsert<Row extends object, R>(insert: (db: Kysely<DB>, row: Row) => Compilable<R>) {
  const byColumns = new Map<string, (db: Kysely<DB>, ...values: unknown[]) => Promise<QueryResult<R>>>();
  return (db: Kysely<DB>, row: Row): Promise<QueryResult<R>> => {
    const fields = row as Record<string, unknown>;
    const columns = Object.keys(fields).filter((k) => fields[k] !== undefined);
    const key = columns.join(',');
    let run = byColumns.get(key);
    if (!run) {
      run = compiledResult(columns.length, (d, ...values: unknown[]) => insert(d, Object.fromEntries(columns.map((c, i) => [c, values[i]])) as Row));
      byColumns.set(key, run);
    }
    return run(db, ...columns.map((c) => fields[c]));
  };
}

/**
 * compiledRowInsert of a table whose key is `id` (an integer primary key),
 * answered with the new row's id: PostgreSQL's RETURNING, SQLite's rowid.
 * On a large SQLite database, in a transaction that has written much, a
 * RETURNING clause cost more than the insert itself (70 µs of a registration
 * at ten years, measured with better-sqlite3), and the rowid is the id.
 */
export function compiledIdInsert<Row extends object, T extends keyof DB>(insert: (db: Kysely<DB>, row: Row) => InsertQueryBuilder<DB, T, InsertResult>) {
  const run = rowInsert<Row, unknown>((db, row) => (engineOf(db) === 'postgres' ? insert(db, row).returning(sql<number>`id`.as('id')) : insert(db, row)));
  return async (db: Kysely<DB>, row: Row): Promise<number> => {
    const r = await run(db, row);
    const id = (r.rows[0] as { id?: number } | undefined)?.id ?? r.insertId;
    if (id === undefined) throw new Error('Không đọc được mã của dòng vừa ghi.');
    return Number(id);
  };
}
