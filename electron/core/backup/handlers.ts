/**
 * Backups: made with SQLite's backup API (never a copy of the live file),
 * opened and checked (quick_check) before older ones are rotated out, with the
 * attachments beside them. A restore first backs up the current data, so it
 * can be undone by restoring that backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import { belongsTo, checkFile, databaseIdOfFile, parseBackupName, readBackupFile, removePartialBackups, stemOf, writeBackup, type BackupOwner } from '../../../db/backup-file';
import { AppError, fieldError } from '../../../shared/api/errors';
import { toIsoDate } from '../../../shared/dates';
import type { BackupInfo, BackupSource } from '../../../shared/api/backup';
import { LATEST_VERSION } from '../../../db/migrations/index';
import { backupsToRemove, type Keep } from './rotation';
import type { CallContext, HandlerMap } from '../context';
import { inTransaction } from '../stores';
import { backupFileContents } from './store';
import { sqliteOnly } from '../../../db/connection';

export interface BackupSettings extends Keep {
  dir: string | null;
}
type Ctx = Pick<CallContext, 'stores' | 'sqlite' | 'dataDir' | 'now' | 'today'>;

export async function readBackupSettings(ctx: Pick<CallContext, 'stores'>): Promise<BackupSettings> {
  const v = await ctx.stores.backup.settings();
  return { dir: v.dir ?? null, keepDaily: v.keepDaily ?? 7, keepWeekly: v.keepWeekly ?? 4, keepMonthly: v.keepMonthly ?? 12 };
}

export async function saveBackupSettings(ctx: Pick<CallContext, 'stores'>, s: BackupSettings): Promise<void> {
  if (s.dir) checkWritableDir(s.dir);
  await ctx.stores.backup.saveSettings(s);
}

export const backupDirOf = (dataDir: string, s: BackupSettings) => s.dir ?? path.join(dataDir, 'backups');

/** This database's backups are named after its file and carry its id. */
export async function backupOwner(ctx: Pick<CallContext, 'stores' | 'sqlite'>): Promise<BackupOwner> {
  return { stem: stemOf(sqliteOnly(ctx.sqlite).name), id: await ctx.stores.backup.databaseId() };
}

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
 * The file of a backup named by its id (as backup.list gives it): a plain
 * file name, in this database's backup folder, and this database's own.
 */
/**
 * The file a restore reads: a listed backup of this database, or an uploaded one.
 * An upload may come from another PC's database (the office moving to a new PC):
 * the administrator chose that file and sees what it holds before restoring.
 */
export async function backupSourceFile(ctx: Pick<CallContext, 'stores' | 'sqlite' | 'dataDir' | 'files' | 'user'>, v: BackupSource): Promise<string> {
  if (!v.fileId) return backupFile(ctx, v.id ?? '');
  const f = ctx.files.get(ctx.user, v.fileId);
  const check = checkFile(f.path);
  if (!check.ok) throw fieldError('VALIDATION', 'fileId', `Tệp ${f.name} hỏng hoặc không phải bản sao lưu của Văn thư (${check.message}).`);
  if (check.version > LATEST_VERSION) throw fieldError('VALIDATION', 'fileId', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${check.version}); hãy cài phiên bản mới hơn để khôi phục.`);
  return f.path;
}

export async function backupFile(ctx: Pick<CallContext, 'stores' | 'sqlite' | 'dataDir'>, id: string): Promise<string> {
  const owner = await backupOwner(ctx);
  const dir = backupDirOf(ctx.dataDir, await readBackupSettings(ctx));
  const file = path.join(dir, id);
  if (path.basename(id) !== id || !parseBackupName(id) || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw fieldError('VALIDATION', 'id', `Không có bản sao lưu "${id}" trong thư mục sao lưu ${dir}.`);
  }
  if (!belongsTo(parseBackupName(id), owner)) throw fieldError('VALIDATION', 'id', `Bản sao lưu ${id} là của một cơ sở dữ liệu khác, không khôi phục vào cơ sở dữ liệu này.`);
  const check = checkFile(file);
  if (!check.ok) throw fieldError('VALIDATION', 'id', `Tệp ${id} hỏng hoặc không phải bản sao lưu của Văn thư (${check.message}).`);
  if (check.version > LATEST_VERSION) throw fieldError('VALIDATION', 'id', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${check.version}); hãy cài phiên bản mới hơn để khôi phục.`);
  const inside = databaseIdOfFile(file);
  if (inside !== null && owner.id !== null && inside !== owner.id) throw fieldError('VALIDATION', 'id', `Bản sao lưu ${id} là của một cơ sở dữ liệu khác, không khôi phục vào cơ sở dữ liệu này.`);
  return file;
}

/** What a checked backup holds. */
export function inspectBackup(file: string) {
  const { dataVersion, counts } = readBackupFile(file, backupFileContents);
  return { id: path.basename(file), createdAt: parseBackupName(path.basename(file))?.createdAt ?? fs.statSync(file).mtime.toISOString(), dataVersion, ok: true, counts };
}

export const backupHandlers: HandlerMap<'backup.settings' | 'backup.updateSettings' | 'backup.create' | 'backup.list' | 'backup.inspect' | 'backup.restore'> = {
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
  async 'backup.list'(ctx) {
    return { items: listBackups(backupDirOf(ctx.dataDir, await readBackupSettings(ctx)), await backupOwner(ctx)) };
  },
  'backup.inspect': async (ctx, v) => inspectBackup(await backupSourceFile(ctx, v)),
  async 'backup.restore'(ctx, v) {
    const file = await backupSourceFile(ctx, v);
    const restored = inspectBackup(file);
    const owner = await backupOwner(ctx);
    // The backup may be rotated away by the undo backup below: restore from a copy, beside the database so it can be renamed into place.
    const staged = `${sqliteOnly(ctx.sqlite).name}.dang-khoi-phuc`;
    fs.copyFileSync(file, staged);
    try {
      const undo = await makeBackup(ctx, 'truoc-khoi-phuc');
      const db = await ctx.replaceDatabase(staged);
      await inTransaction({ ...ctx, db }, async (tx) => {
        // A backup from before databases had ids got a new one when it was migrated: it keeps this database's, so its backups stay its own.
        if (owner.id) await tx.stores.backup.keepDatabaseId(owner.id);
        await tx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'database', entityId: null, before: { undo: undo.id }, after: { restoredFrom: v.id ?? `tệp tải lên ${path.basename(file)}`, counts: restored.counts } });
      });
      copyFileFolders(path.dirname(file), ctx.dataDir);
      return { restored, undo };
    } finally {
      fs.rmSync(staged, { force: true });
    }
  },
};

/** The first start of each day makes a backup; a failure is told, not fatal. */
export async function dailyBackup(ctx: Ctx): Promise<BackupInfo | null> {
  try {
    const dir = backupDirOf(ctx.dataDir, await readBackupSettings(ctx));
    if (listBackups(dir, await backupOwner(ctx)).some((b) => toIsoDate(new Date(b.createdAt)) === ctx.today())) return null;
    return await makeBackup(ctx, 'hang-ngay');
  } catch (e) {
    console.error(`Sao lưu hằng ngày không được: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/**
 * At start, with the database's lock held: half-written backups of this
 * database (a process died while writing one) and a restore's staged copy go.
 */
export async function removeLeftovers(ctx: Pick<CallContext, 'stores' | 'sqlite' | 'dataDir'>): Promise<void> {
  const owner = await backupOwner(ctx);
  const dirs = new Set([path.join(ctx.dataDir, 'backups'), backupDirOf(ctx.dataDir, await readBackupSettings(ctx))]);
  try {
    for (const dir of dirs) removePartialBackups(dir, owner);
    fs.rmSync(`${sqliteOnly(ctx.sqlite).name}.dang-khoi-phuc`, { force: true });
  } catch (e) {
    console.error(`Không dọn được bản sao lưu ghi dở: ${e instanceof Error ? e.message : String(e)}`);
  }
}
