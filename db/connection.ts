/**
 * Opening the database: refuse a file from a newer version before touching it,
 * set the pragmas that keep a registered document safe through a power cut,
 * back up, then migrate. A PostgreSQL target goes to db/postgres.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { AppError } from '../shared/api/errors';
import { foldVietnamese } from '../shared/text';
import { readDatabaseId, stemOf, writeBackup } from './backup-file';
import { checkMigrations, LATEST_VERSION, migrations, type Migration } from './migrations/index';
import type { DB } from './schema';
import { toTarget, type DatabaseTarget } from './engine';
import { openPostgres, type OpenedPostgres } from './postgres';
import { WriteLockDialect } from './write-lock-dialect';

export type Sqlite = Database.Database;

export interface OpenedSqlite {
  engine: 'sqlite';
  sqlite: Sqlite;
  db: Kysely<DB>;
  path: string;
  /** Where the pre-migration backup went, if one was made. */
  migrationBackup: string | null;
  close(): Promise<void>;
}

export type OpenedDatabase = OpenedSqlite | OpenedPostgres;

export interface OpenOptions {
  /** Folder for the backup taken before migrating a non-empty database. */
  backupDir: string;
  /** For tests: migrate only this far. */
  targetVersion?: number;
  /** For tests: extra pragmas after migrating, e.g. max_page_count to play a full disk, query_only a read-only one. */
  pragmas?: readonly string[];
  /** Files larger than this are not checked before use (the core checks them in the background). */
  checkAtStartBytes?: number;
  migrations?: readonly Migration[];
}

/** Reads user_version without writing a byte: the file may belong to a newer app. */
export function readVersion(file: string): number | null {
  if (!fs.existsSync(file)) return null;
  let probe: Sqlite | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    return Number(probe.pragma('user_version', { simple: true }));
  } catch (e) {
    throw new AppError(
      'DB_DAMAGED',
      `Không đọc được tệp cơ sở dữ liệu ${file}: tệp hỏng hoặc không phải cơ sở dữ liệu của Văn thư (${(e as Error).message}).`,
    );
  } finally {
    probe?.close();
  }
}

/** SQLite's handle where only SQLite's (its backup API, its file) can do; PostgreSQL's backups are db/pg-backup.ts's. */
export function sqliteOnly(sqlite: Sqlite | null): Sqlite {
  if (!sqlite) throw new AppError('INTERNAL', 'Thao tác này chỉ dành cho cơ sở dữ liệu SQLite; với PostgreSQL Văn thư dùng pg_dump.');
  return sqlite;
}

/** \\server\share\… or //server/share/…: SQLite's locking is not safe over a network share. */
export function isNetworkPath(file: string): boolean {
  return /^(\\\\|\/\/)[^\\/]/.test(file);
}

/** Files up to this size are checked at start before use; larger ones in the background. */
export const CHECK_AT_START_BYTES = 64 * 1024 * 1024;

export function refuseNetworkPath(file: string): void {
  if (isNetworkPath(file)) {
    throw new AppError(
      'IO',
      `Cơ sở dữ liệu ${file} nằm trên ổ mạng. SQLite trên ổ mạng có thể làm hỏng dữ liệu khi mạng chập chờn: hãy để tệp trên ổ đĩa của máy này, và đặt thư mục sao lưu sang ổ mạng hoặc ổ USB nếu cần.`,
    );
  }
}

/**
 * Whether another connection (any process) has the file open: an exclusive
 * lock is refused then. Call it with this process's own connection closed.
 */
export function openElsewhere(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const probe = new Database(file, { fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 0');
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('begin exclusive');
    probe.exec('commit');
    return false;
  } catch (e) {
    if (String((e as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return true;
    throw e;
  } finally {
    probe.close();
  }
}

/** A file name is SQLite's; a target says which engine. */
export function openDatabase(file: string | { engine: 'sqlite'; file: string }, opts: OpenOptions): Promise<OpenedSqlite>;
export function openDatabase(target: string | DatabaseTarget, opts: OpenOptions): Promise<OpenedDatabase>;
export async function openDatabase(target: string | DatabaseTarget, opts: OpenOptions): Promise<OpenedDatabase> {
  const t = toTarget(target);
  const list = opts.migrations ?? migrations;
  checkMigrations(list);
  const latest = opts.targetVersion ?? (opts.migrations ? list[list.length - 1]?.version ?? 0 : LATEST_VERSION);
  return t.engine === 'postgres' ? openPostgres(t, list, latest) : openSqlite(t.file, opts, list, latest);
}

async function openSqlite(file: string, opts: OpenOptions, list: readonly Migration[], latest: number): Promise<OpenedSqlite> {
  refuseNetworkPath(file);
  const found = readVersion(file);
  const supported = list[list.length - 1]?.version ?? 0;
  if (found !== null && found > supported) {
    throw new AppError(
      'DB_TOO_NEW',
      `Cơ sở dữ liệu ${file} được tạo bởi phiên bản Văn thư mới hơn (phiên bản dữ liệu ${found}, phiên bản này chỉ hiểu đến ${supported}). Hãy cài phiên bản mới hơn; tệp được giữ nguyên, không bị sửa.`,
    );
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  try {
    if (found !== null && fs.statSync(file).size <= (opts.checkAtStartBytes ?? CHECK_AT_START_BYTES)) {
      const check = String(sqlite.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw new AppError('DB_DAMAGED', `Tệp cơ sở dữ liệu ${file} bị hỏng (${check}).`);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // The folding the stores may ask for in SQL (db/dialect.ts fold), as PostgreSQL's van_thu_fold.
    sqlite.function('van_thu_fold', { deterministic: true }, (v: unknown) => (v === null || v === undefined ? null : foldVietnamese(String(v))));
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new WriteLockDialect(sqlite) });
  const opened: OpenedSqlite = {
    engine: 'sqlite',
    sqlite,
    db,
    path: file,
    migrationBackup: null,
    close: () => db.destroy(),
  };
  try {
    opened.migrationBackup = await migrate(opened, list, latest, opts.backupDir);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  for (const p of opts.pragmas ?? []) sqlite.pragma(p);
  return opened;
}

function isEmpty(sqlite: Sqlite): boolean {
  const row = sqlite.prepare("select count(*) as n from sqlite_schema where type = 'table'").get() as { n: number };
  return row.n === 0;
}

async function migrate(
  opened: OpenedSqlite,
  list: readonly Migration[],
  target: number,
  backupDir: string,
): Promise<string | null> {
  const current = Number(opened.sqlite.pragma('user_version', { simple: true }));
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return null;
  let backup: string | null = null;
  if (!isEmpty(opened.sqlite)) {
    // Named like every other backup, so the backup list shows it and offers it for restore.
    const owner = { stem: stemOf(opened.path), id: readDatabaseId(opened.sqlite) };
    backup = await writeBackup(opened.sqlite, backupDir, owner, new Date().toISOString(), 'truoc-nang-cap');
  }
  // The migrations are written against an untyped schema builder; the typed
  // handle is the same connection.
  const untyped = opened.db as unknown as Kysely<unknown>;
  for (const m of pending) {
    await untyped.transaction().execute(async (trx) => {
      await m.up(trx, 'sqlite');
      await sql.raw(`PRAGMA user_version = ${m.version}`).execute(trx);
    });
  }
  if (backup !== null && pending.some((m) => m.compacts)) compact(opened.sqlite);
  return backup;
}

/**
 * A migration that shrank many rows in place (021 compressed the audit log
 * to a third) leaves the file as large as before, its pages mostly empty, and
 * every backup copies them: the file is rewritten without them, once. Should
 * that fail (a full disk), the database is as it was and still fine to use.
 */
function compact(sqlite: Sqlite): void {
  try {
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // Left as it was: the empty space is used again as the office writes.
  }
}
