/**
 * Watched folders (the scanner's, a USB drive's). A file is taken once it is
 * whole: its size and time unchanged across two scans at least `stableMs`
 * apart, and it opens. Then it is moved into "đã nhận" inside that folder or
 * left in place; either way it is remembered (name, size, time), so it is
 * never taken twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { IntakeWatchFoldersTable } from '../../../db/schema-intake';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments';
import { fieldError } from '../../../shared/api/errors';
import type { Output } from '../../../shared/api/index';
import { isLocalAddress } from '../auth/sign-in';
import type { CallContext, HandlerMap } from '../context';
import { DOCUMENT_FILE, expandZip } from './mail-fetch';
import { announce, type IntakeRuntime } from './runtime';
import { addItem } from './items';
import { inTransaction } from '../stores';

export const RECEIVED_DIR = 'đã nhận';
const DEFAULT_STABLE_MS = 2000;
/** Files a scanner or a copy is still writing under a temporary name. */
const TEMPORARY = /^(~\$|\.)|\.(part|tmp|crdownload|partial)$/i;

type Row = Selectable<IntakeWatchFoldersTable>;
type Folder = Output<'intake.folders.list'>['folders'][number];

const toFolder = (r: Row): Folder => ({ id: r.id, label: r.label, path: r.path, afterTake: r.after_take, enabled: !!r.enabled, lastScanAt: r.last_scan_at, error: r.error });

/** A folder of this PC, checked like the backup folder: absolute, there, a directory, not inside the app's own data. */
function checkPath(ctx: CallContext, p: string): string {
  // A path is a setting of the machine that scans it: never given over the network by a client PC.
  if (!isLocalAddress(ctx.clientAddress)) throw fieldError('FORBIDDEN', 'path', 'Thư mục theo dõi là thư mục của máy chủ: hãy thêm hoặc sửa nó trên chính máy chủ văn phòng. Chưa lưu gì.');
  if (!path.isAbsolute(p)) throw fieldError('VALIDATION', 'path', `Đường dẫn thư mục phải đầy đủ (ví dụ D:\\May quet hoặc /media/usb): "${p}".`);
  const resolved = path.resolve(p);
  if (!fs.existsSync(resolved)) throw fieldError('VALIDATION', 'path', `Thư mục ${resolved} không tồn tại (ổ USB đã cắm chưa?).`);
  if (!fs.statSync(resolved).isDirectory()) throw fieldError('VALIDATION', 'path', `${resolved} là một tệp, không phải thư mục.`);
  const real = fs.realpathSync(resolved);
  const data = fs.realpathSync(ctx.dataDir);
  const rel = path.relative(data, real);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) throw fieldError('VALIDATION', 'path', 'Không theo dõi thư mục dữ liệu của chương trình hoặc thư mục con của nó.');
  return resolved;
}

async function folderRow(ctx: CallContext, id: number): Promise<Row> {
  const r = await ctx.stores.intake.folder(id);
  if (!r) throw fieldError('NOT_FOUND', 'id', `Không có thư mục theo dõi mã ${id}.`);
  return r;
}

async function audit(ctx: CallContext, id: number, before: Folder | null, after: Folder | null) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'intake_watch_folders', entityId: id, before, after });
}

export const foldersHandlers: HandlerMap<'intake.folders.list' | 'intake.folders.add' | 'intake.folders.update' | 'intake.folders.remove'> = {
  'intake.folders.list': async (ctx) => {
    const rows = await ctx.stores.intake.folders();
    return { folders: rows.map(toFolder) };
  },

  'intake.folders.add': async (ctx, v) => {
    const row = await ctx.stores.intake.insertFolder({ label: v.label, path: checkPath(ctx, v.path), after_take: v.afterTake, enabled: 1, last_scan_at: null, error: null, created_at: ctx.now(), removed_at: null });
    await audit(ctx, row.id, null, toFolder(row));
    return toFolder(row);
  },

  'intake.folders.update': async (ctx, v) => {
    const before = await folderRow(ctx, v.id);
    const patch = {
      ...(v.label !== undefined ? { label: v.label } : {}),
      ...(v.path !== undefined ? { path: checkPath(ctx, v.path), error: null } : {}),
      ...(v.afterTake !== undefined ? { after_take: v.afterTake } : {}),
      ...(v.enabled !== undefined ? { enabled: v.enabled ? 1 : 0 } : {}),
    };
    const after = Object.keys(patch).length ? await ctx.stores.intake.changeFolder(v.id, patch) : before;
    await audit(ctx, v.id, toFolder(before), toFolder(after));
    return toFolder(after);
  },

  'intake.folders.remove': async (ctx, v) => {
    const before = await folderRow(ctx, v.id);
    await ctx.stores.intake.removeFolder(v.id, ctx.now());
    await audit(ctx, v.id, toFolder(before), null);
    return { id: v.id };
  },
};

/** A name not yet used in `dir`: "a.pdf", then "a (2).pdf"… nothing already received is overwritten. */
function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${stem} (${n})${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

/** Opens and reads the whole file, or null while another program still holds it. */
function readWhole(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

async function takeFile(rt: IntakeRuntime, f: Row, name: string, st: fs.Stats): Promise<number> {
  const file = path.join(f.path, name);
  const content = readWhole(file);
  if (!content || content.length !== st.size) return 0;
  const files = /\.zip$/i.test(name) ? await expandZip(content) : [{ name, content }];
  const bg = rt.background('intake.folders.list');
  const origin = { kind: 'folder' as const, folderLabel: f.label, fileName: name, modifiedAt: st.mtime.toISOString() };
  const added = await inTransaction(bg, async (tx) => {
    const ctx = { ...tx, actor: 'thu-muc-theo-doi' };
    if (!(await ctx.stores.intake.markTaken(f.id, name, st.size, Math.trunc(st.mtimeMs), ctx.now()))) return null;
    for (const one of files) await addItem(ctx, { ...origin, fileName: files.length > 1 ? `${name}: ${one.name}` : name }, [one]);
    return files.length;
  });
  // Taken already (another app server on the same database watches this folder): it moves the file.
  if (added === null) return 0;
  if (f.after_take === 'move') {
    const dir = path.join(f.path, RECEIVED_DIR);
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(file, path.join(dir, freeName(dir, name)));
  }
  return added;
}

/** One scan of one folder; the count of new items. */
async function scanFolder(rt: IntakeRuntime, f: Row, nowMs: number): Promise<number> {
  const stableMs = rt.options.stableMs ?? DEFAULT_STABLE_MS;
  const seen = rt.seen.get(f.id) ?? new Map();
  rt.seen.set(f.id, seen);
  const taken = await rt.background('intake.folders.list').stores.intake.takenFiles(f.id);
  const takenKeys = new Set(taken.map((t) => `${t.name}\n${t.size}\n${t.mtime_ms}`));
  let added = 0;
  const present = new Set<string>();
  for (const entry of fs.readdirSync(f.path, { withFileTypes: true })) {
    if (!entry.isFile() || TEMPORARY.test(entry.name) || !(DOCUMENT_FILE.test(entry.name) || /\.zip$/i.test(entry.name))) continue;
    const st = fs.statSync(path.join(f.path, entry.name));
    if (st.size === 0 || st.size > MAX_ATTACHMENT_BYTES) continue;
    present.add(entry.name);
    if (takenKeys.has(`${entry.name}\n${st.size}\n${Math.trunc(st.mtimeMs)}`)) continue;
    const before = seen.get(entry.name);
    if (!before || before.size !== st.size || before.mtimeMs !== st.mtimeMs) {
      seen.set(entry.name, { size: st.size, mtimeMs: st.mtimeMs, since: nowMs });
      continue;
    }
    if (nowMs - before.since < stableMs) continue;
    added += await takeFile(rt, f, entry.name, st);
    seen.delete(entry.name);
  }
  for (const name of seen.keys()) if (!present.has(name)) seen.delete(name);
  return added;
}

/** Every enabled folder once; a folder that cannot be read (USB drive out) keeps its error and the others go on. */
export async function scanFolders(rt: IntakeRuntime): Promise<void> {
  const store = rt.background('intake.folders.list').stores.intake;
  const folders = await store.enabledFolders();
  let added = 0;
  for (const f of folders) {
    let error: string | null = null;
    try {
      added += await scanFolder(rt, f, Date.now());
    } catch (e) {
      error = `Không đọc được thư mục ${f.path}: ${e instanceof Error ? e.message : String(e)}`;
    }
    await store.recordScan(f.id, rt.background('intake.folders.list').now(), error);
  }
  announce(rt, added);
}
