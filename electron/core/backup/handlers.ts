/**
 * Backups: on SQLite made with its backup API (never a copy of the live file),
 * opened and checked (quick_check) before older ones are rotated out; on
 * PostgreSQL pg_dump's, restored into a scratch database and counted first
 * (db/pg-backup.ts). The attachments are copied beside them. A restore first
 * backs up the current data, so it can be undone by restoring that backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { belongsTo, checkFile, databaseIdOfFile, parseBackupName, readBackupFile, removePartialBackups, stemOf, writeBackup, type BackupOwner } from '../../../db/backup-file';
import { AppError, fieldError } from '../../../shared/api/errors';
import type { BackupInfo, BackupSource } from '../../../shared/api/backup';
import { LATEST_VERSION } from '../../../db/migrations/index';
import { backupsToRemove, type Keep } from '../../../db/backup-rotation';
import type { CallContext, HandlerMap } from '../context';
import { inTransaction } from '../stores';
import { backupFileContents, dumpContents } from './store';
import { compactDatabase } from './compact';
import { sqliteOnly } from '../../../db/connection';
import { databaseName } from '../../../db/engine';
import { inspectPgBackup, listPgBackups, makePgBackup, removePartialPgBackups } from '../../../db/pg-backup';

export interface BackupSettings extends Keep {
  dir: string | null;
}
type Ctx = Pick<CallContext, 'stores' | 'sqlite' | 'database' | 'dataDir' | 'now' | 'today'>;
type Where = Pick<CallContext, 'stores' | 'database' | 'dataDir'>;

export async function readBackupSettings(ctx: Pick<CallContext, 'stores'>): Promise<BackupSettings> {
  const v = await ctx.stores.backup.settings();
  return { dir: v.dir ?? null, keepDaily: v.keepDaily ?? 7, keepWeekly: v.keepWeekly ?? 4, keepMonthly: v.keepMonthly ?? 12 };
}

export async function saveBackupSettings(ctx: Pick<CallContext, 'stores'>, s: BackupSettings): Promise<void> {
  if (s.dir) checkWritableDir(s.dir);
  await ctx.stores.backup.saveSettings(s);
}

export const backupDirOf = (dataDir: string, s: BackupSettings) => s.dir ?? path.join(dataDir, 'backups');

/** This database's backups are named after its file (on PostgreSQL: its database) and carry its id. */
export async function backupOwner(ctx: Pick<CallContext, 'stores' | 'database'>): Promise<BackupOwner> {
  return { stem: ctx.database.engine === 'postgres' ? databaseName(ctx.database.url) : stemOf(ctx.database.file), id: await ctx.stores.backup.databaseId() };
}

/** This engine's backups of the owner in a folder, newest first. */
const backupsOf = (ctx: Pick<CallContext, 'database'>, dir: string, owner: BackupOwner): BackupInfo[] => (ctx.database.engine === 'postgres' ? listPgBackups(dir, owner) : listBackups(dir, owner));

function checkWritableDir(dir: string) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw fieldError('VALIDATION', 'dir', `Thư mục ${dir} không tồn tại (ổ USB đã cắm chưa?).`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw fieldError('VALIDATION', 'dir', `Không ghi được vào thư mục ${dir}.`);
  }
}

/** The owner's backups in a folder, newest first; other databases' backups and other files are left out. */
export function listBackups(dir: string, owner: BackupOwner): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed || !belongsTo(parsed, owner)) continue;
    out.push({ id: name, createdAt: parsed.createdAt, reason: parsed.reason, sizeBytes: fs.statSync(path.join(dir, name)).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** The folders of content-addressed files beside the database: the attachments and the intake queue's files. */
const FILE_FOLDERS = ['attachments', 'cho-vao-so'] as const;
const copyFileFolders = (from: string, to: string) => FILE_FOLDERS.forEach((f) => copyAttachments(path.join(from, f), path.join(to, f)));

/** Content-addressed files: copying the missing ones is enough, in either direction. */
export function copyAttachments(fromDir: string, toDir: string): number {
  if (!fs.existsSync(fromDir)) return 0;
  let n = 0;
  for (const entry of fs.readdirSync(fromDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const src = path.join(entry.parentPath, entry.name);
    const dst = path.join(toDir, path.relative(fromDir, src));
    if (fs.existsSync(dst)) continue;
    fs.mkdirSync(path.dirname(dst), { recursive: true });
    fs.copyFileSync(src, dst);
    n++;
  }
  return n;
}

export async function makeBackup(ctx: Ctx, reason: string): Promise<BackupInfo> {
  const settings = await readBackupSettings(ctx);
  const dir = backupDirOf(ctx.dataDir, settings);
  const owner = await backupOwner(ctx);
  if (ctx.database.engine === 'postgres') {
    const made = await makePgBackup(ctx.database, { dir, owner, at: ctx.now(), reason, keep: settings });
    copyFileFolders(ctx.dataDir, dir);
    return { id: made.id, createdAt: made.createdAt, reason: made.reason, sizeBytes: made.sizeBytes };
  }
  let file: string;
  try {
    file = await writeBackup(sqliteOnly(ctx.sqlite), dir, owner, ctx.now(), reason);
  } catch (e) {
    throw new AppError('IO', `Không sao lưu được vào ${dir}: ${e instanceof Error ? e.message : String(e)}. Các bản sao lưu cũ được giữ nguyên.`);
  }
  copyFileFolders(ctx.dataDir, dir);
  const id = path.basename(file);
  for (const old of backupsToRemove(listBackups(dir, owner), settings)) if (old.id !== id) fs.rmSync(path.join(dir, old.id), { force: true });
  const made = listBackups(dir, owner).find((b) => b.id === id);
  if (!made) throw new AppError('IO', `Không thấy bản sao lưu ${file} sau khi ghi.`);
  return made;
}

/**
 * The file a restore reads: a listed backup of this database, or an uploaded one.
 * An upload may come from another PC's database (the office moving to a new PC):
 * the administrator chose that file and sees what it holds before restoring.
 */
export async function backupSourceFile(ctx: Where & Pick<CallContext, 'files' | 'user'>, v: BackupSource): Promise<string> {
  if (!v.fileId) return backupFile(ctx, v.id ?? '');
  const f = ctx.files.get(ctx.user, v.fileId);
  // A dump is checked by restoring it into a scratch database (inspect, restore).
  if (ctx.database.engine === 'postgres') return f.path;
  const check = checkFile(f.path);
  if (!check.ok) throw fieldError('VALIDATION', 'fileId', `Tệp ${f.name} hỏng hoặc không phải bản sao lưu của Văn thư (${check.message}).`);
  if (check.version > LATEST_VERSION) throw fieldError('VALIDATION', 'fileId', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${check.version}); hãy cài phiên bản mới hơn để khôi phục.`);
  return f.path;
}

/**
 * The file of a backup named by its id (as backup.list gives it): a plain
 * file name, in this database's backup folder, and this database's own.
 */
export async function backupFile(ctx: Where, id: string): Promise<string> {
  const owner = await backupOwner(ctx);
  const dir = backupDirOf(ctx.dataDir, await readBackupSettings(ctx));
  const file = path.join(dir, id);
  const parsed = parseBackupName(id, ctx.database.engine === 'postgres' ? 'dump' : 'sqlite');
  if (path.basename(id) !== id || !parsed || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw fieldError('VALIDATION', 'id', `Không có bản sao lưu "${id}" trong thư mục sao lưu ${dir}.`);
  }
  if (!belongsTo(parsed, owner)) throw fieldError('VALIDATION', 'id', `Bản sao lưu ${id} là của một cơ sở dữ liệu khác, không khôi phục vào cơ sở dữ liệu này.`);
  if (ctx.database.engine === 'postgres') return file;
  const check = checkFile(file);
  if (!check.ok) throw fieldError('VALIDATION', 'id', `Tệp ${id} hỏng hoặc không phải bản sao lưu của Văn thư (${check.message}).`);
  if (check.version > LATEST_VERSION) throw fieldError('VALIDATION', 'id', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${check.version}); hãy cài phiên bản mới hơn để khôi phục.`);
  const inside = databaseIdOfFile(file);
  if (inside !== null && owner.id !== null && inside !== owner.id) throw fieldError('VALIDATION', 'id', `Bản sao lưu ${id} là của một cơ sở dữ liệu khác, không khôi phục vào cơ sở dữ liệu này.`);
  return file;
}

const createdAtOf = (file: string, ext: 'sqlite' | 'dump' = 'sqlite') => parseBackupName(path.basename(file), ext)?.createdAt ?? fs.statSync(file).mtime.toISOString();

/** What a checked backup holds. */
export function inspectBackup(file: string) {
  const { dataVersion, counts } = readBackupFile(file, backupFileContents);
  return { id: path.basename(file), createdAt: createdAtOf(file), dataVersion, ok: true, counts };
}

/** What a dump holds, read off a scratch restore of it; a file pg_restore cannot read is the chosen backup's problem. */
async function inspectDump(ctx: Pick<CallContext, 'database'>, file: string, v: BackupSource) {
  const field = v.fileId ? 'fileId' : 'id';
  const seen = ctx.database.engine === 'postgres' ? await inspectPgBackup(ctx.database, file).catch((e: unknown) => ({ error: e instanceof Error ? e.message : String(e) })) : { error: 'không phải cơ sở dữ liệu PostgreSQL' };
  if ('error' in seen) throw fieldError('VALIDATION', field, `Tệp ${path.basename(file)} hỏng hoặc không phải bản sao lưu của Văn thư (${seen.error}).`);
  if (seen.dataVersion === null) throw fieldError('VALIDATION', field, `Tệp ${path.basename(file)} không phải bản sao lưu của Văn thư.`);
  return { id: path.basename(file), createdAt: createdAtOf(file, 'dump'), dataVersion: seen.dataVersion, ok: true, counts: dumpContents(seen.counts) };
}

export const backupHandlers: HandlerMap<'backup.settings' | 'backup.updateSettings' | 'backup.create' | 'backup.compact' | 'backup.list' | 'backup.inspect' | 'backup.restore'> = {
  async 'backup.settings'(ctx) {
    const s = await readBackupSettings(ctx);
    return { ...s, effectiveDir: backupDirOf(ctx.dataDir, s) };
  },
  async 'backup.updateSettings'(ctx, v) {
    const s = { dir: v.dir, keepDaily: v.keepDaily, keepWeekly: v.keepWeekly, keepMonthly: v.keepMonthly };
    await saveBackupSettings(ctx, s);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before: null, after: s });
    return { ...s, effectiveDir: backupDirOf(ctx.dataDir, s) };
  },
  'backup.create': (ctx) => makeBackup(ctx, 'thu-cong'),
  'backup.compact': (ctx) => compactDatabase(ctx),
  async 'backup.list'(ctx) {
    return { items: backupsOf(ctx, backupDirOf(ctx.dataDir, await readBackupSettings(ctx)), await backupOwner(ctx)) };
  },
  async 'backup.inspect'(ctx, v) {
    const file = await backupSourceFile(ctx, v);
    return ctx.database.engine === 'postgres' ? inspectDump(ctx, file, v) : inspectBackup(file);
  },
  async 'backup.restore'(ctx, v) {
    const file = await backupSourceFile(ctx, v);
    if (ctx.database.engine === 'postgres') return restoreDump(ctx, v, file);
    const restored = inspectBackup(file);
    const owner = await backupOwner(ctx);
    // The backup may be rotated away by the undo backup below: restore from a copy, beside the database so it can be renamed into place.
    const staged = `${sqliteOnly(ctx.sqlite).name}.dang-khoi-phuc`;
    fs.copyFileSync(file, staged);
    try {
      const undo = await makeBackup(ctx, 'truoc-khoi-phuc');
      const { db } = await ctx.replaceDatabase(staged);
      await afterRestore({ ...ctx, db }, v, file, owner, restored, undo);
      return { restored, undo };
    } finally {
      fs.rmSync(staged, { force: true });
    }
  },
};

type Restored = ReturnType<typeof inspectBackup>;

/** In the restored database: its id and the audit row saying from what it was restored; then the backup's files beside the data. */
async function afterRestore(ctx: CallContext, v: BackupSource, file: string, owner: BackupOwner, restored: Restored, undo: BackupInfo): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    // A backup from before databases had ids got a new one when it was migrated: it keeps this database's, so its backups stay its own.
    if (owner.id) await tx.stores.backup.keepDatabaseId(owner.id);
    await tx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'database', entityId: null, before: { undo: undo.id }, after: { restoredFrom: v.id ?? `tệp tải lên ${path.basename(file)}`, counts: restored.counts } });
  });
  copyFileFolders(path.dirname(file), ctx.dataDir);
}

/** PostgreSQL: the restore checks the dump and makes its own undo dump before the swap (db/pg-backup.ts); a failure leaves the data as it was. */
async function restoreDump(ctx: CallContext, v: BackupSource, file: string) {
  const owner = await backupOwner(ctx);
  const { db, dump } = await ctx.replaceDatabase(file);
  if (!dump) throw new AppError('INTERNAL', 'Khôi phục PostgreSQL không trả về bản sao lưu trước khi khôi phục.');
  const restored = { id: path.basename(file), createdAt: createdAtOf(file, 'dump'), dataVersion: dump.dataVersion, ok: true, counts: dumpContents(dump.counts) };
  await afterRestore({ ...ctx, db }, v, file, owner, restored, dump.undo);
  return { restored, undo: dump.undo };
}

/**
 * The first start of each day makes a backup; a failure is told, not fatal.
 * The day is claimed by a row in the database, not found in the folder: two
 * app servers on one PostgreSQL (each with its own folder, or starting
 * together) make one backup a day between them.
 */
export async function dailyBackup(ctx: Ctx & Pick<CallContext, 'db' | 'engine'>): Promise<BackupInfo | null> {
  try {
    const day = ctx.today();
    if (!(await inTransaction(ctx, (tx) => tx.stores.backup.claimDailyBackup(day)))) return null;
    try {
      return await makeBackup(ctx, 'hang-ngay');
    } catch (e) {
      await inTransaction(ctx, (tx) => tx.stores.backup.releaseDailyBackup(day));
      throw e;
    }
  } catch (e) {
    console.error(`Sao lưu hằng ngày không được: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/**
 * At start, with the database's lock held (SQLite): half-written backups of
 * this database (a process died while writing one) and a restore's staged copy go.
 */
export async function removeLeftovers(ctx: Where): Promise<void> {
  const owner = await backupOwner(ctx);
  const dirs = new Set([path.join(ctx.dataDir, 'backups'), backupDirOf(ctx.dataDir, await readBackupSettings(ctx))]);
  try {
    if (ctx.database.engine === 'postgres') {
      // No lock keeps another app server out: its dump being written or verified (an hour and more on a large database) is spared.
      // Against the files' own clock, not the core's injectable one.
      const dayAgo = new Date(Date.now() - 24 * 3_600_000);
      for (const dir of dirs) removePartialPgBackups(dir, owner, dayAgo);
      return;
    }
    for (const dir of dirs) removePartialBackups(dir, owner);
    fs.rmSync(`${ctx.database.file}.dang-khoi-phuc`, { force: true });
  } catch (e) {
    console.error(`Không dọn được bản sao lưu ghi dở: ${e instanceof Error ? e.message : String(e)}`);
  }
}
