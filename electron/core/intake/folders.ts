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
import { writeAudit } from '../../../db/audit';
import type { IntakeWatchFoldersTable } from '../../../db/schema-intake';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments';
import { fieldError } from '../../../shared/api/errors';
import type { Output } from '../../../shared/api/index';
import { isLocalAddress } from '../auth/sign-in';
import type { CallContext, HandlerMap } from '../context';
import { DOCUMENT_FILE, expandZip } from './mail-fetch';
import { announce, type IntakeRuntime } from './runtime';
import { addItem } from './store';
import { boundTo } from '../stores';

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
  const r = await ctx.db.selectFrom('intake_watch_folders').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  if (!r) throw fieldError('NOT_FOUND', 'id', `Không có thư mục theo dõi mã ${id}.`);
  return r;
}

async function audit(ctx: CallContext, id: number, before: Folder | null, after: Folder | null) {
  await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'intake_watch_folders', entityId: id, before, after });
}

export const foldersHandlers: HandlerMap<'intake.folders.list' | 'intake.folders.add' | 'intake.folders.update' | 'intake.folders.remove'> = {
  'intake.folders.list': async (ctx) => {
    const rows = await ctx.db.selectFrom('intake_watch_folders').selectAll().where('removed_at', 'is', null).orderBy('id').execute();
    return { folders: rows.map(toFolder) };
  },

  'intake.folders.add': async (ctx, v) => {
    const row = await ctx.db
      .insertInto('intake_watch_folders')
      .values({ label: v.label, path: checkPath(ctx, v.path), after_take: v.afterTake, enabled: 1, last_scan_at: null, error: null, created_at: ctx.now(), removed_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
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
    const after = Object.keys(patch).length ? await ctx.db.updateTable('intake_watch_folders').set(patch).where('id', '=', v.id).returningAll().executeTakeFirstOrThrow() : before;
    await audit(ctx, v.id, toFolder(before), toFolder(after));
    return toFolder(after);
  },

  'intake.folders.remove': async (ctx, v) => {
    const before = await folderRow(ctx, v.id);
    // Kept, with what it took: the items it gave stay in the queue.
    await ctx.db.updateTable('intake_watch_folders').set({ removed_at: ctx.now(), enabled: 0 }).where('id', '=', v.id).execute();
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
  const added = await bg.db.transaction().execute(async (trx) => {
    const ctx = { ...boundTo(bg, trx), actor: 'thu-muc-theo-doi' };
    await trx.insertInto('intake_folder_taken').values({ folder_id: f.id, name, size: st.size, mtime_ms: Math.trunc(st.mtimeMs), taken_at: ctx.now() }).onConflict((oc) => oc.doNothing()).execute();
    for (const one of files) await addItem(ctx, { ...origin, fileName: files.length > 1 ? `${name}: ${one.name}` : name }, [one]);
    return files.length;
  });
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
  const db = rt.background('intake.folders.list').db;
  const taken = await db.selectFrom('intake_folder_taken').select(['name', 'size', 'mtime_ms']).where('folder_id', '=', f.id).execute();
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
  const db = rt.background('intake.folders.list').db;
  const folders = await db.selectFrom('intake_watch_folders').selectAll().where('removed_at', 'is', null).where('enabled', '=', 1).execute();
  let added = 0;
  for (const f of folders) {
    let error: string | null = null;
    try {
      added += await scanFolder(rt, f, Date.now());
    } catch (e) {
      error = `Không đọc được thư mục ${f.path}: ${e instanceof Error ? e.message : String(e)}`;
    }
    await db.updateTable('intake_watch_folders').set({ last_scan_at: rt.background('intake.folders.list').now(), error }).where('id', '=', f.id).execute();
  }
  announce(rt, added);
}
