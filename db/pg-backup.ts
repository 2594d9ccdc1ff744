/**
 * Backups of a PostgreSQL target: pg_dump's custom format, named like the
 * SQLite backups (db/backup-file.ts) with the extension .dump, each verified
 * before it counts: the dump is restored into a scratch database and every
 * table's rows counted there, against the counts taken in the very snapshot
 * pg_dump dumped (an exported snapshot), so a write during the backup cannot
 * make a good dump look bad. Only then are older backups rotated out, with the
 * policy of db/backup-rotation.ts (shared with SQLite's).
 *
 * A restore goes into a new database first and is checked there; the target
 * is swapped for it by renaming (ALTER DATABASE … RENAME), which PostgreSQL
 * refuses while anyone is connected, so no app server keeps writing into the
 * data being replaced. A failed pg_restore leaves the target as it was. (A
 * swap of schemas inside the target would need no rename, but pg_restore
 * cannot restore into another schema than the dump's, and the extensions
 * live in the schema too.)
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { AppError } from '../shared/api/errors';
import { backupsToRemove, type Keep } from './backup-rotation';
import { belongsTo, parseBackupName, removePartialBackups, reserveBackupName, type BackupOwner } from './backup-file';
import { databaseName, safeUrl, type PostgresTarget } from './engine';
import { LATEST_VERSION } from './migrations/index';
import { countDifferences, quoteIdent, runClientTool, tableCounts, withClient } from './pg-tools';

export interface PgBackupOptions {
  dir: string;
  owner: BackupOwner;
  /** ISO time of the backup (its name). */
  at: string;
  /** 'thu-cong', 'hang-ngay', 'truoc-khoi-phuc'… as on SQLite. */
  reason: string;
  keep: Keep;
  /** Where CREATE/ALTER/DROP DATABASE run (default postgres). */
  maintenanceDb?: string;
}

export interface PgBackupInfo {
  id: string;
  file: string;
  createdAt: string;
  reason: string;
  sizeBytes: number;
  /** Rows per table, as the dump holds them (checked by restoring it). */
  counts: Record<string, number>;
}

/** The database id the settings hold (migration 009), for the backups' names. */
export async function pgBackupOwner(target: PostgresTarget): Promise<BackupOwner> {
  const id = await withClient(target, null, async (c) => {
    const row = (await c.query<{ value_json: string }>("select value_json from settings where key = 'database'")).rows[0];
    const parsed = row ? (JSON.parse(row.value_json) as { id?: unknown }).id : null;
    return typeof parsed === 'string' ? parsed : null;
  });
  return { stem: databaseName(target.url), id };
}

/** This database's dumps in `dir`, newest first. */
export function listPgBackups(dir: string, owner: BackupOwner): { id: string; createdAt: string; reason: string; sizeBytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const parsed = parseBackupName(name, 'dump');
      return parsed && belongsTo(parsed, owner) ? [{ id: name, createdAt: parsed.createdAt, reason: parsed.reason, sizeBytes: fs.statSync(path.join(dir, name)).size }] : [];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/**
 * Half-written dumps of this database (a process died while writing one). Another
 * app server on the database may be writing or verifying one right now (no lock
 * file keeps them apart): with `untouchedSince`, only dumps left alone since then go.
 */
export const removePartialPgBackups = (dir: string, owner: BackupOwner, untouchedSince?: Date): number => removePartialBackups(dir, owner, 'dump', untouchedSince);

const scratchName = (target: PostgresTarget, what: string) => `${databaseName(target.url).slice(0, 30)}_${what}_${crypto.randomBytes(4).toString('hex')}`;

async function dropDatabase(target: PostgresTarget, maintenance: string, name: string): Promise<void> {
  await withClient(target, maintenance, (c) => c.query(`drop database if exists ${quoteIdent(name)} with (force)`));
}

/** Restores `file` into a new database `name`; its counts. The database is dropped again if pg_restore fails. */
async function restoreInto(target: PostgresTarget, maintenance: string, name: string, file: string): Promise<Record<string, number>> {
  await withClient(target, maintenance, (c) => c.query(`create database ${quoteIdent(name)} template template0 encoding 'UTF8'`));
  try {
    await runClientTool('pg_restore', target, name, ['--no-owner', '--exit-on-error', file]);
    return await withClient(target, name, tableCounts);
  } catch (e) {
    await dropDatabase(target, maintenance, name).catch(() => undefined);
    throw e;
  }
}

/** The dump and the counts of the snapshot it was taken in. */
async function dumpWithCounts(target: PostgresTarget, partial: string): Promise<Record<string, number>> {
  return withClient(target, null, async (c: pg.Client) => {
    await c.query('begin isolation level repeatable read read only');
    try {
      const snapshot = (await c.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
      const counts = await tableCounts(c);
      await runClientTool('pg_dump', target, null, ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`]);
      return counts;
    } finally {
      await c.query('rollback');
    }
  });
}

/**
 * A verified dump of the target in opts.dir; older ones rotated out only
 * after it is verified. A failed dump or verify leaves no file and removes
 * nothing.
 */
export async function makePgBackup(target: PostgresTarget, opts: PgBackupOptions): Promise<PgBackupInfo> {
  const maintenance = opts.maintenanceDb ?? 'postgres';
  const { file, partial } = reserveBackupName(opts.dir, opts.owner, opts.at, opts.reason, 'dump');
  let counts: Record<string, number>;
  try {
    counts = await dumpWithCounts(target, partial);
    const scratch = scratchName(target, 'kiem_tra');
    const restored = await restoreInto(target, maintenance, scratch, partial);
    await dropDatabase(target, maintenance, scratch);
    const diff = countDifferences(counts, restored);
    if (diff.length) throw new AppError('IO', `số dòng khác khi đọc lại (${diff.join('; ')})`);
    fs.renameSync(partial, file);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    const why = e instanceof Error ? e.message : String(e);
    throw new AppError('IO', `Không sao lưu được cơ sở dữ liệu ${safeUrl(target.url)} vào ${opts.dir}: ${why}. Bản sao lưu chưa kiểm tra được nên đã bị xóa; các bản sao lưu cũ được giữ nguyên.`);
  }
  const id = path.basename(file);
  const listed = listPgBackups(opts.dir, opts.owner);
  for (const old of backupsToRemove(listed, opts.keep)) if (old.id !== id) fs.rmSync(path.join(opts.dir, old.id), { force: true });
  const made = listed.find((b) => b.id === id);
  if (!made) throw new AppError('IO', `Không thấy bản sao lưu ${file} sau khi ghi.`);
  return { ...made, file, counts };
}

/** What a dump holds (backup.inspect): its rows per table and data version, read off a scratch restore of it. */
export async function inspectPgBackup(target: PostgresTarget, file: string, maintenanceDb = 'postgres'): Promise<{ counts: Record<string, number>; dataVersion: number | null }> {
  const scratch = scratchName(target, 'xem');
  const counts = await restoreInto(target, maintenanceDb, scratch, file);
  try {
    const version = await withClient(target, scratch, async (c) => (await c.query<{ version: number }>('select version from van_thu_schema')).rows[0]?.version ?? null).catch(() => null);
    return { counts, dataVersion: version };
  } finally {
    await dropDatabase(target, maintenanceDb, scratch);
  }
}

export interface PgRestoreOptions extends PgBackupOptions {
  /** Called once the dump is restored and the undo made: the caller closes its own connections (the rename needs none). */
  release(): Promise<void>;
}

/**
 * Restores a dump over the target: into a new database first (checked: a
 * Văn thư database of a version this app knows), then a verified undo dump of
 * the current data (reason truoc-khoi-phuc), then the swap. The old database
 * is dropped after the swap: the undo dump holds it. The caller opens the
 * target again (an older dump is migrated like any older database).
 */
export async function restorePgBackup(target: PostgresTarget, file: string, opts: PgRestoreOptions): Promise<{ counts: Record<string, number>; dataVersion: number; undo: PgBackupInfo }> {
  const maintenance = opts.maintenanceDb ?? 'postgres';
  const current = databaseName(target.url);
  const incoming = scratchName(target, 'khoi_phuc');
  const counts = await restoreInto(target, maintenance, incoming, file).catch((e: unknown) => {
    throw new AppError('IO', `Không khôi phục được từ ${path.basename(file)}: ${e instanceof Error ? e.message : String(e)}. Dữ liệu hiện tại giữ nguyên.`);
  });
  try {
    const version = await withClient(target, incoming, async (c) => (await c.query<{ version: number }>('select version from van_thu_schema')).rows[0]?.version ?? null).catch(() => null);
    if (version === null) throw new AppError('VALIDATION', `Tệp ${path.basename(file)} không phải bản sao lưu của Văn thư. Dữ liệu hiện tại giữ nguyên.`);
    if (version > LATEST_VERSION) throw new AppError('VALIDATION', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${version}); hãy cài phiên bản mới hơn để khôi phục. Dữ liệu hiện tại giữ nguyên.`);
    const undo = await makePgBackup(target, { ...opts, reason: 'truoc-khoi-phuc' });
    await opts.release();
    const old = scratchName(target, 'cu');
    await withClient(target, maintenance, async (c) => {
      try {
        await c.query(`alter database ${quoteIdent(current)} rename to ${quoteIdent(old)}`);
      } catch (e) {
        if ((e as { code?: unknown }).code !== '55006') throw e;
        throw new AppError('DB_IN_USE', `Có chương trình khác đang kết nối cơ sở dữ liệu ${current} (một máy chủ Văn thư khác?): chưa khôi phục, dữ liệu hiện tại giữ nguyên. Hãy dừng các máy chủ đó rồi thử lại; bản sao lưu trước khi khôi phục: ${undo.id}.`);
      }
      try {
        await c.query(`alter database ${quoteIdent(incoming)} rename to ${quoteIdent(current)}`);
      } catch (e) {
        await c.query(`alter database ${quoteIdent(old)} rename to ${quoteIdent(current)}`);
        throw e;
      }
      // Restored already: a database left behind is only space, said in the log.
      await c.query(`drop database ${quoteIdent(old)} with (force)`).catch((e: unknown) => console.error(`Không xóa được cơ sở dữ liệu cũ ${old}: ${e instanceof Error ? e.message : String(e)}`));
    });
    return { counts, dataVersion: version, undo };
  } catch (e) {
    await dropDatabase(target, maintenance, incoming).catch(() => undefined);
    throw e;
  }
}
