/**
 * Backups: made with SQLite's backup API (never a copy of the live file),
 * opened and checked (quick_check) before older ones are rotated out, with the
 * attachments beside them. A restore first backs up the current data, so it
 * can be undone by restoring that backup.
 */
import { getSetting, putSetting } from '../../db/settings';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, fieldError } from '../../shared/api/errors';
import { toIsoDate } from '../../shared/dates';
import type { BackupInfo } from '../../shared/api/backup';
import { LATEST_VERSION } from '../../db/migrations/index';
import { backupsToRemove, type Keep } from './backup-rotation';
import { writeAudit } from '../../db/audit';
import type { CallContext, HandlerMap } from './context';

const SETTINGS_KEY = 'backup';
const NAME = /^van-thu_(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})_([a-z-]+)(?:-\d+)?\.sqlite$/;

export interface BackupSettings extends Keep {
  dir: string | null;
}
type Ctx = Pick<CallContext, 'db' | 'sqlite' | 'dataDir' | 'now' | 'today'>;

export async function readBackupSettings(ctx: Pick<CallContext, 'db'>): Promise<BackupSettings> {
  const v = (await getSetting<Partial<BackupSettings>>(ctx.db, SETTINGS_KEY)) ?? {};
  return { dir: v.dir ?? null, keepDaily: v.keepDaily ?? 7, keepWeekly: v.keepWeekly ?? 4, keepMonthly: v.keepMonthly ?? 12 };
}

export async function saveBackupSettings(ctx: Pick<CallContext, 'db'>, s: BackupSettings): Promise<void> {
  if (s.dir) checkWritableDir(s.dir);
  await putSetting(ctx.db, SETTINGS_KEY, s);
}

export const backupDirOf = (dataDir: string, s: BackupSettings) => s.dir ?? path.join(dataDir, 'backups');

function checkWritableDir(dir: string) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw fieldError('VALIDATION', 'dir', `Thư mục ${dir} không tồn tại (ổ USB đã cắm chưa?).`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw fieldError('VALIDATION', 'dir', `Không ghi được vào thư mục ${dir}.`);
  }
}

/** When and why a backup was made, read from its name; null for files that are not the app's backups. */
function parseName(name: string): { createdAt: string; reason: string } | null {
  const m = NAME.exec(name);
  return m ? { createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`, reason: m[7]! } : null;
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of fs.readdirSync(dir)) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    out.push({ path: file, ...parsed, sizeBytes: fs.statSync(file).size });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.path.localeCompare(a.path));
}

/** quick_check of a database file, opened read-only; the message when it fails. */
export function checkFile(file: string): { ok: true; version: number } | { ok: false; message: string } {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') return { ok: false, message: String(result) };
    return { ok: true, version: Number(db.pragma('user_version', { simple: true })) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  } finally {
    db?.close();
  }
}

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
  fs.mkdirSync(dir, { recursive: true });
  const stamp = ctx.now().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let file = path.join(dir, `van-thu_${stamp}_${reason}.sqlite`);
  for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `van-thu_${stamp}_${reason}-${i}.sqlite`);
  const tmp = `${file}.dang-ghi`;
  try {
    await ctx.sqlite.backup(tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('IO', `Không sao lưu được vào ${dir}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const check = checkFile(tmp);
  if (!check.ok) {
    fs.rmSync(tmp, { force: true });
    throw new AppError('IO', `Bản sao lưu vừa tạo không đọc lại được (${check.message}); các bản cũ được giữ nguyên.`);
  }
  fs.renameSync(tmp, file);
  copyAttachments(path.join(ctx.dataDir, 'attachments'), path.join(dir, 'attachments'));
  for (const old of backupsToRemove(listBackups(dir), settings)) if (old.path !== file) fs.rmSync(old.path, { force: true });
  const made = listBackups(dir).find((b) => b.path === file);
  if (!made) throw new AppError('IO', `Không thấy bản sao lưu ${file} sau khi ghi.`);
  return made;
}

export function inspectBackup(file: string) {
  if (!fs.existsSync(file)) throw fieldError('VALIDATION', 'path', `Không tìm thấy tệp ${file}.`);
  const check = checkFile(file);
  if (!check.ok) throw fieldError('VALIDATION', 'path', `Tệp ${path.basename(file)} hỏng hoặc không phải bản sao lưu của Văn thư (${check.message}).`);
  if (check.version > LATEST_VERSION) throw fieldError('VALIDATION', 'path', `Bản sao lưu từ phiên bản Văn thư mới hơn (dữ liệu phiên bản ${check.version}); hãy cài phiên bản mới hơn để khôi phục.`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (t: string) => !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t);
    const count = (t: string, where = 'deleted_at is null') => (has(t) ? Number(db.prepare(`select count(*) from ${t} where ${where}`).pluck().get()) : 0);
    return {
      path: file,
      createdAt: parseName(path.basename(file))?.createdAt ?? fs.statSync(file).mtime.toISOString(),
      dataVersion: check.version,
      ok: true,
      counts: {
        units: count('units', 'archived_at is null'),
        incoming: count('incoming'),
        outgoing: count('outgoing'),
        tasks: count('tasks'),
        workFiles: count('dossiers'),
        tthc: count('tthc_dossiers'),
      },
    };
  } finally {
    db.close();
  }
}

export const backupHandlers: HandlerMap<'backup.settings' | 'backup.updateSettings' | 'backup.create' | 'backup.list' | 'backup.inspect' | 'backup.restore'> = {
  async 'backup.settings'(ctx) {
    const s = await readBackupSettings(ctx);
    return { ...s, effectiveDir: backupDirOf(ctx.dataDir, s) };
  },
  async 'backup.updateSettings'(ctx, v) {
    const s = { dir: v.dir, keepDaily: v.keepDaily, keepWeekly: v.keepWeekly, keepMonthly: v.keepMonthly };
    await saveBackupSettings(ctx, s);
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before: null, after: s });
    return { ...s, effectiveDir: backupDirOf(ctx.dataDir, s) };
  },
  'backup.create': (ctx) => makeBackup(ctx, 'thu-cong'),
  async 'backup.list'(ctx) {
    return { items: listBackups(backupDirOf(ctx.dataDir, await readBackupSettings(ctx))) };
  },
  'backup.inspect': async (_ctx, v) => inspectBackup(path.resolve(v.path)),
  async 'backup.restore'(ctx, v) {
    const file = path.resolve(v.path);
    const restored = inspectBackup(file);
    const dir = backupDirOf(ctx.dataDir, await readBackupSettings(ctx));
    // The backup may be rotated away by the undo backup below: restore from a copy.
    const staged = path.join(ctx.dataDir, 'dang-khoi-phuc.sqlite');
    fs.copyFileSync(file, staged);
    try {
      const undo = await makeBackup(ctx, 'truoc-khoi-phuc');
      const db = await ctx.replaceDatabase(staged);
      await writeAudit(db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'database', entityId: null, before: { undo: undo.path }, after: { restoredFrom: file, counts: restored.counts } });
      copyAttachments(path.join(path.dirname(file), 'attachments'), path.join(ctx.dataDir, 'attachments'));
      copyAttachments(path.join(dir, 'attachments'), path.join(ctx.dataDir, 'attachments'));
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
    if (listBackups(dir).some((b) => toIsoDate(new Date(b.createdAt)) === ctx.today())) return null;
    return await makeBackup(ctx, 'hang-ngay');
  } catch (e) {
    console.error(`Sao lưu hằng ngày không được: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}
