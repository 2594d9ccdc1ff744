/**
 * The PostgreSQL engine: a pool of connections, numbers as JS numbers, the
 * schema version in a table, and the same migrations as SQLite (through
 * PostgresSchemaPlugin). TLS follows the URL's sslmode (node-postgres reads
 * it); the password comes from PGPASSWORD or a file and is never logged.
 */
import fs from 'node:fs';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, PostgresDriver, sql, type DatabaseConnection, type Driver, type PostgresDialectConfig, type TransactionSettings } from 'kysely';
import { AppError } from '../shared/api/errors';
import { serverOf, describeTarget, type PostgresTarget } from './engine';
import { connectionError } from './errors';
import type { Migration } from './migrations/index';
import { PostgresSchemaPlugin } from './pg-schema';
import type { DB } from './schema';

const INT8 = 20;
const NUMERIC = 1700;

function numberTypes(): pg.TypeOverrides {
  // count(*) and sum() answer int8/numeric, which node-postgres gives as strings: the app counts in numbers on both engines.
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, (v: string) => Number(v));
  types.setTypeParser(NUMERIC, (v: string) => Number(v));
  return types;
}

export function readPasswordFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '';
  } catch (e) {
    throw new AppError('IO', `Không đọc được tệp mật khẩu cơ sở dữ liệu ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

export function postgresPool(target: PostgresTarget): pg.Pool {
  const password = target.passwordFile ? readPasswordFile(target.passwordFile) : undefined;
  const pool = new pg.Pool({
    connectionString: target.url,
    ...(password !== undefined ? { password } : {}),
    max: target.poolSize ?? 10,
    statement_timeout: target.statementTimeoutMs ?? 60_000,
    lock_timeout: target.lockTimeoutMs ?? 10_000,
    // A transaction left open by a crashed call must not hold its locks for ever.
    idle_in_transaction_session_timeout: 5 * 60_000,
    // Also the wait for a free connection of the pool: under a burst of writes a call waits its turn, as on SQLite's busy_timeout, rather than fail.
    connectionTimeoutMillis: 30_000,
    application_name: 'van-thu',
    types: numberTypes(),
  });
  // An idle connection the server ended (restart, admin) is dropped by the pool; without a listener it would crash the process.
  pool.on('error', (e) => console.error(`Cơ sở dữ liệu ${serverOf(target.url)}: kết nối bị đóng (${e.message}).`));
  return pool;
}

/**
 * Write transactions one at a time per database, across every app server on
 * it, as SQLite's BEGIN IMMEDIATE gives them (db/write-lock-dialect.ts): the
 * core's rules were written for one writer (a duplicate check before the
 * insert, the first administrator made once, numbers given in order), and an
 * office's writes are short. The lock is the transaction's: it ends with it.
 */
class OneWriterDriver extends PostgresDriver {
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(CompiledQuery.raw(`select pg_advisory_xact_lock(${WRITE_LOCK})`));
  }
}

/** An arbitrary key of the app's own, the same in every app server. */
const WRITE_LOCK = 0x76616e74;

class OneWriterDialect extends PostgresDialect {
  readonly #config: PostgresDialectConfig;
  constructor(config: PostgresDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new OneWriterDriver(this.#config);
  }
}

const VERSION_TABLE = 'van_thu_schema';

/** The schema version, or null on an empty database (no version table yet). */
export async function readPostgresVersion(db: Kysely<unknown>): Promise<number | null> {
  const t = await sql<{ t: string | null }>`select to_regclass(${VERSION_TABLE}) as t`.execute(db);
  if (!t.rows[0]?.t) return null;
  const r = await sql<{ version: number }>`select version from van_thu_schema`.execute(db);
  return r.rows[0]?.version ?? 0;
}

export interface OpenedPostgres {
  engine: 'postgres';
  db: Kysely<DB>;
  sqlite: null;
  /** What messages name the database by (server and database, never the password). */
  path: string;
  migrationBackup: null;
  close(): Promise<void>;
}

export async function openPostgres(target: PostgresTarget, list: readonly Migration[], latest: number): Promise<OpenedPostgres> {
  const pool = postgresPool(target);
  const db = new Kysely<DB>({ dialect: new OneWriterDialect({ pool }) });
  const untyped = db as unknown as Kysely<unknown>;
  try {
    const supported = list[list.length - 1]?.version ?? 0;
    const found = await readPostgresVersion(untyped);
    if (found !== null && found > supported) {
      throw new AppError(
        'DB_TOO_NEW',
        `Cơ sở dữ liệu ${describeTarget(target)} được tạo bởi phiên bản Văn thư mới hơn (phiên bản dữ liệu ${found}, phiên bản này chỉ hiểu đến ${supported}). Hãy cài phiên bản mới hơn; dữ liệu được giữ nguyên, không bị sửa.`,
      );
    }
    await migratePostgres(untyped, list, latest);
  } catch (e) {
    await db.destroy();
    throw connectionError(e, target.url) ?? e;
  }
  return { engine: 'postgres', db, sqlite: null, path: describeTarget(target), migrationBackup: null, close: () => db.destroy() };
}

/**
 * Each migration in its own transaction with the version bump, under an
 * advisory lock: two app servers started together on one database migrate
 * it once, the second finding the work done.
 */
async function migratePostgres(db: Kysely<unknown>, list: readonly Migration[], target: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('van-thu-migrate'))`.execute(trx);
    await sql`create table if not exists van_thu_schema (version integer not null, one integer primary key default 1 check (one = 1))`.execute(trx);
    await sql`insert into van_thu_schema (version) values (0) on conflict (one) do nothing`.execute(trx);
  });
  const plugged = db.withPlugin(new PostgresSchemaPlugin());
  for (const m of list) {
    if (m.version > target) break;
    await plugged.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('van-thu-migrate'))`.execute(trx);
      const current = (await sql<{ version: number }>`select version from van_thu_schema for update`.execute(trx)).rows[0]?.version ?? 0;
      if (current >= m.version) return;
      await m.up(trx, 'postgres');
      await sql`update van_thu_schema set version = ${m.version}`.execute(trx);
    });
  }
}
