/**
 * Backup files: their names, whose they are, and writing one so that a
 * half-written file never looks like a backup.
 *
 * A backup is named after its database and carries the database's id
 * (`van-thu_20261120-080000_thu-cong_3f9a2c1b.sqlite`), so two databases
 * sharing a folder (or a USB drive) never list, rotate away or restore each
 * other's backups. Names without an id were made before databases had one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const NAME = /^(.+)_(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})_([a-z]+(?:-[a-z]+)*)(?:-\d+)?(?:_([0-9a-f]{8}))?\.([a-z]+)$/;
/** SQLite backups are database files; PostgreSQL's are pg_dump archives (db/pg-backup.ts). */
export type BackupExtension = 'sqlite' | 'dump';
const PARTIAL = '.dang-ghi';
export const DATABASE_ID_KEY = 'database';

/** Whose backups: the database file's name without its extension, and its id (null: unknown, e.g. a damaged database). */
export interface BackupOwner {
  stem: string;
  id: string | null;
}

export interface ParsedBackupName {
  stem: string;
  createdAt: string;
  reason: string;
  databaseId: string | null;
}

export const newDatabaseId = (): string => crypto.randomBytes(4).toString('hex');

export const stemOf = (dbFile: string): string => path.parse(dbFile).name;

export function parseBackupName(name: string, ext: BackupExtension = 'sqlite'): ParsedBackupName | null {
  const m = NAME.exec(name);
  if (!m || m[10] !== ext) return null;
  return { stem: m[1]!, createdAt: `${m[2]}-${m[3]}-${m[4]}T${m[5]}:${m[6]}:${m[7]}Z`, reason: m[8]!, databaseId: m[9] ?? null };
}

/** A backup of this owner: its name, and the id inside the file when it is known. */
export function belongsTo(parsed: ParsedBackupName | null, owner: BackupOwner): boolean {
  if (!parsed || parsed.stem !== owner.stem) return false;
  return parsed.databaseId === null || owner.id === null || parsed.databaseId === owner.id;
}

/** The database id kept in the settings table; null for databases from before ids (or without the table). */
export function readDatabaseId(sqlite: Database.Database): string | null {
  const hasTable = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'settings'").get();
  if (!hasTable) return null;
  const row = sqlite.prepare('select value_json from settings where key = ?').get(DATABASE_ID_KEY) as { value_json: string } | undefined;
  const id = row ? (JSON.parse(row.value_json) as { id?: unknown }).id : null;
  return typeof id === 'string' ? id : null;
}

/**
 * Reads a backup without leaving anything beside it. A reader of a file in WAL
 * mode (backups made before they were switched to a rollback journal) creates
 * -wal and -shm files it cannot remove; nobody writes a backup, so empty ones go.
 */
export function readBackupFile<T>(file: string, read: (db: Database.Database) => T): T {
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
    if (!(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0)) for (const f of sideFiles) fs.rmSync(f, { force: true });
  }
}

/** The id inside a backup file. */
export const databaseIdOfFile = (file: string): string | null => readBackupFile(file, readDatabaseId);

/** quick_check of a database file, opened read-only; the message when it fails. */
export function checkFile(file: string): { ok: true; version: number } | { ok: false; message: string } {
  try {
    return readBackupFile(file, (db) => {
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') return { ok: false, message: String(result) };
      return { ok: true, version: Number(db.pragma('user_version', { simple: true })) };
    });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** 2026-11-20T08:00:00.000Z → 20261120-080000 */
const stampOf = (iso: string) => iso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/**
 * A free backup name in `dir`, reserved by creating its partial file
 * exclusively: two backups in the same second (or from two processes) get two
 * names. The caller writes `partial` and renames it to `file` once checked.
 */
export function reserveBackupName(dir: string, owner: BackupOwner, at: string, reason: string, ext: BackupExtension): { file: string; partial: string } {
  fs.mkdirSync(dir, { recursive: true });
  const base = `${owner.stem}_${stampOf(at)}_${reason}`;
  const id = owner.id ? `_${owner.id}` : '';
  for (let i = 1; ; i++) {
    const candidate = path.join(dir, `${base}${i === 1 ? '' : `-${i}`}${id}.${ext}`);
    if (fs.existsSync(candidate)) continue;
    try {
      fs.closeSync(fs.openSync(candidate + PARTIAL, 'wx'));
      return { file: candidate, partial: candidate + PARTIAL };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
}

/** Pages copied per step of the backup: about 4 MB, a few milliseconds each, so the app answers between steps without a ten-year database taking thousands of them. */
const PAGES_PER_STEP = 1024;
const CHECK_MMAP_BYTES = 1024 * 1024 * 1024;

/**
 * Whether a fresh copy reads back: every b-tree of the file (each table with
 * its indexes, a full-text index's own tables included) walked as quick_check
 * walks it. Not the full-text index's check of its terms against the text
 * (what quick_check adds for a virtual table, three quarters of its time):
 * the copy is the source's pages byte for byte, so that check would only
 * judge the source again, not the copy.
 */
export function checkCopy(file: string): { ok: true } | { ok: false; message: string } {
  try {
    return readBackupFile(file, (db) => {
      // Pages read from the mapped file instead of copied into the page cache: the check reads each once.
      db.pragma(`mmap_size = ${CHECK_MMAP_BYTES}`);
      const tables = db.prepare("select name from sqlite_schema where type = 'table' and sql not like 'create virtual table%' collate nocase").pluck().all() as string[];
      for (const t of ['sqlite_schema', ...tables]) {
        const result = db.pragma(`quick_check("${t.replace(/"/g, '""')}")`, { simple: true });
        if (result !== 'ok') return { ok: false, message: String(result) };
      }
      return { ok: true };
    });
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Writes a checked backup of `sqlite` into `dir` and returns its path; a
 * failure leaves nothing.
 */
export async function writeBackup(sqlite: Database.Database, dir: string, owner: BackupOwner, at: string, reason: string): Promise<string> {
  const { file, partial } = reserveBackupName(dir, owner, at, reason, 'sqlite');
  try {
    // The backup API copies a consistent snapshot; copying the live file would not.
    await sqlite.backup(partial, { progress: () => PAGES_PER_STEP });
    // The copy keeps the live database's WAL mode; as a single self-contained file it can be read (and carried) without -wal and -shm beside it.
    const copy = new Database(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkCopy(partial);
    if (!check.ok) throw new Error(`bản sao lưu vừa tạo không đọc lại được (${check.message})`);
    fs.renameSync(partial, file);
    return file;
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * Removes this owner's half-written backups (left by a process that died while writing one); how many.
 * With `untouchedSince`, only those not written to since then (another process may be writing the others).
 */
export function removePartialBackups(dir: string, owner: BackupOwner, ext: BackupExtension = 'sqlite', untouchedSince?: Date): number {
  if (!fs.existsSync(dir)) return 0;
  let n = 0;
  for (const name of fs.readdirSync(dir)) {
    // The partial file itself, and the -wal and -shm that reading it could leave.
    const at = name.lastIndexOf(PARTIAL);
    if (at < 0 || !belongsTo(parseBackupName(name.slice(0, at), ext), owner)) continue;
    if (untouchedSince && (fs.statSync(path.join(dir, name), { throwIfNoEntry: false })?.mtime ?? untouchedSince) > untouchedSince) continue;
    fs.rmSync(path.join(dir, name), { force: true });
    n++;
  }
  return n;
}
