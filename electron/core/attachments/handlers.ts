/**
 * Attachments: copied into the data folder and named by their content hash,
 * so the same scan attached twice is stored once and a file cannot be
 * replaced behind the register's back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, fieldError } from '../../../shared/api/errors';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/api/attachments';
import { visibleAttachment } from '../access/index';
import type { CallContext, HandlerMap } from '../context';
import { loadIncoming } from '../incoming/handlers';
import { loadOutgoing } from '../outgoing/handlers';

const MEDIA: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain',
  '.zip': 'application/zip',
  '.xml': 'application/xml',
  '.edxml': 'application/xml',
};

export function attachmentFile(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

function toAttachment(r: { id: number; owner_kind: 'incoming' | 'outgoing'; owner_id: number; file_name: string; size: number; media_type: string; sha256: string; added_at: string }): Attachment {
  return { id: r.id, ownerKind: r.owner_kind, ownerId: r.owner_id, fileName: r.file_name, size: r.size, mediaType: r.media_type, sha256: r.sha256, addedAt: r.added_at };
}

/** Live attachments whose document the caller may see (the one access rule). */
const visible = (ctx: CallContext) => visibleAttachment(ctx.user, 'a');

/** An attachment the caller may see: its document must be visible to them (secrecy, unit). */
export async function readableAttachment(ctx: CallContext, id: number, field = 'id') {
  const row = await ctx.stores.attachments.get(id, visible(ctx));
  if (!row) throw fieldError('NOT_FOUND', field, `Không có tệp đính kèm mã ${id}.`);
  const file = attachmentFile(ctx.dataDir, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('IO', `Tệp "${row.file_name}" không còn trong thư mục dữ liệu. Hãy khôi phục từ bản sao lưu.`);
  return { row, file };
}

async function ownerExists(ctx: CallContext, kind: 'incoming' | 'outgoing', id: number): Promise<void> {
  const load = kind === 'incoming' ? loadIncoming : loadOutgoing;
  await load(ctx, id).catch(() => {
    throw fieldError('NOT_FOUND', 'ownerId', `Không tìm thấy văn bản ${kind === 'incoming' ? 'đến' : 'đi'} mã ${id}.`);
  });
}

/** A content-addressed file: written aside and renamed, so a half-written file never carries the hash's name. */
export function writeOnce(file: string, content: Buffer): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { flag: 'wx' });
  fs.renameSync(tmp, file);
}

/** Keeps the bytes under their hash and attaches them to a document the caller has checked, audited; also the intake queue's way. */
export async function storeAttachment(ctx: CallContext, ownerKind: 'incoming' | 'outgoing', ownerId: number, name: string, content: Buffer): Promise<Attachment> {
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  writeOnce(attachmentFile(ctx.dataDir, sha256), content);
  const row = await ctx.stores.attachments.insert({
    owner_kind: ownerKind,
    owner_id: ownerId,
    file_name: name,
    sha256,
    size: content.length,
    media_type: mediaTypeOf(name),
    added_at: ctx.now(),
    deleted_at: null,
  });
  const a = toAttachment(row);
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'attachments', entityId: a.id, before: null, after: a });
  return a;
}

export const mediaTypeOf = (name: string): string => MEDIA[path.extname(name).toLowerCase()] ?? 'application/octet-stream';

export const attachmentsHandlers: HandlerMap<'attachments.add' | 'attachments.list' | 'attachments.remove' | 'attachments.open'> = {
  'attachments.add': async (ctx, input) => {
    await ownerExists(ctx, input.ownerKind, input.ownerId);
    const { content, name } = ctx.files.read(ctx.user, input.fileId, MAX_ATTACHMENT_BYTES);
    return storeAttachment(ctx, input.ownerKind, input.ownerId, name, content);
  },

  'attachments.list': async (ctx, input) => {
    await ownerExists(ctx, input.ownerKind, input.ownerId);
    const rows = await ctx.stores.attachments.listOf(input.ownerKind, input.ownerId, visible(ctx));
    return { items: rows.map(toAttachment) };
  },

  'attachments.remove': async (ctx, input) => {
    const row = await ctx.stores.attachments.get(input.id, visible(ctx));
    if (!row) throw fieldError('NOT_FOUND', 'id', `Không có tệp đính kèm mã ${input.id}.`);
    await ctx.stores.attachments.remove(input.id, ctx.now());
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'attachments', entityId: input.id, before: row, after: { ...row, deleted_at: ctx.now() } });
    return { id: input.id };
  },

  'attachments.open': async (ctx, input) => {
    const { row, file } = await readableAttachment(ctx, input.id);
    // A copy under its own name: the program that opens it cannot change the register's file.
    const copy = ctx.files.create(ctx.user, row.file_name);
    fs.copyFileSync(file, copy.path);
    const handle = copy.finish();
    const opened = ctx.host.openPath ? await ctx.host.openPath(copy.path) : false;
    return { opened, file: handle };
  },
};
