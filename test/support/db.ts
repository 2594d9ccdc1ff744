/**
 * Reading (and, where a test plays a crash, writing) an office's database
 * beside its core, on either engine: the SQLite file through a second
 * better-sqlite3 connection, or the core's PostgreSQL database through a
 * connection of its own. Both see only what was committed, which is what
 * survives; `?` marks a parameter on both.
 */
import Database from 'better-sqlite3';
import type { DatabaseTarget } from '../../db/engine';
import { postgresPool } from '../../db/postgres';

export interface TestDb {
  readonly engine: DatabaseTarget['engine'];
  /** The rows of a query, as objects (numbers as numbers on both engines). */
  rows<T = Record<string, unknown>>(sqlText: string, ...params: unknown[]): Promise<T[]>;
  /** The rows as arrays of values, in column order. */
  raw(sqlText: string, ...params: unknown[]): Promise<unknown[][]>;
  /** A statement that changes rows (only on a handle opened with write). */
  run(sqlText: string, ...params: unknown[]): Promise<void>;
  close(): Promise<void>;
}

/** What a test core answers with: its database, wherever makeCore put it. */
export interface HasDatabase {
  database: DatabaseTarget;
}

function numbered(sqlText: string): string {
  let n = 0;
  return sqlText.replace(/\?/g, () => `$${++n}`);
}

function sqliteDb(file: string, write: boolean): TestDb {
  const db = new Database(file, { readonly: !write, fileMustExist: true });
  return {
    engine: 'sqlite',
    rows: <T>(s: string, ...p: unknown[]) => Promise.resolve(db.prepare(s).all(...p) as T[]),
    raw: (s, ...p) => Promise.resolve(db.prepare(s).raw().all(...p) as unknown[][]),
    run: async (s, ...p) => void db.prepare(s).run(...p),
    close: async () => void db.close(),
  };
}

function postgresDb(target: Extract<DatabaseTarget, { engine: 'postgres' }>, write: boolean): TestDb {
  const pool = postgresPool({ ...target, poolSize: 1 });
  // A reader must not change what it reads, as SQLite's readonly connection cannot.
  if (!write) pool.on('connect', (c) => void c.query('set session characteristics as transaction read only'));
  return {
    engine: 'postgres',
    rows: async <T>(s: string, ...p: unknown[]) => (await pool.query(numbered(s), p)).rows as T[],
    raw: async (s, ...p) => (await pool.query({ text: numbered(s), values: p, rowMode: 'array' })).rows as unknown[][],
    run: async (s, ...p) => void (await pool.query(numbered(s), p)),
    close: () => pool.end(),
  };
}

/** A second connection to the test core's database; read-only unless write is asked. */
export function dbOf(t: HasDatabase, opts: { write?: boolean } = {}): TestDb {
  return t.database.engine === 'sqlite' ? sqliteDb(t.database.file, opts.write ?? false) : postgresDb(t.database, opts.write ?? false);
}

/** Runs one reading (or writing) against the core's database and closes the connection. */
export async function withDb<T>(t: HasDatabase, use: (db: TestDb) => Promise<T>, opts: { write?: boolean } = {}): Promise<T> {
  const db = dbOf(t, opts);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}

/** The rows of one query, on a connection opened for it. */
export const rowsOf = <T = Record<string, unknown>>(t: HasDatabase, sqlText: string, ...params: unknown[]): Promise<T[]> => withDb(t, (db) => db.rows<T>(sqlText, ...params));

/** How many rows a table holds (where: a condition on them). */
export async function countOf(t: HasDatabase, table: string, where = 'true'): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(t, `select count(*) as n from ${table} where ${where}`);
  return Number(row?.n);
}

/**
 * Inserts into a table (only audit rows of one action, when given) fail with
 * this message, as on a broken disk, until the returned undo runs: a trigger
 * on a connection opened with write.
 */
export async function failInserts(db: TestDb, table: string, message: string, action?: string): Promise<() => Promise<void>> {
  // The log holds its action's number (audit_kinds, migration 023).
  const when = action === undefined ? '' : `new.kind in (select kind from audit_kinds where action = '${action}')`;
  if (db.engine === 'sqlite') {
    await db.run(`create trigger test_fails before insert on ${table} ${when && `when ${when}`} begin select raise(abort, '${message}'); end`);
    return () => db.run('drop trigger test_fails');
  }
  await db.run(`create function test_fails() returns trigger language plpgsql as $$ begin if ${when || 'true'} then raise exception '${message}'; end if; return new; end $$`);
  await db.run(`create trigger test_fails before insert on ${table} for each row execute function test_fails()`);
  return async () => {
    await db.run(`drop trigger test_fails on ${table}`);
    await db.run('drop function test_fails()');
  };
}
