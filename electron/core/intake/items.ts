/**
 * The intake queue's items as the API shows them, and their files. Files are kept under cho-vao-so/ beside
 * the database, named by sha256 (the attachments' scheme), so an item and its
 * files outlive restarts and the same scan arriving twice is stored once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Selectable } from 'kysely';
import type { IntakeItemsTable } from '../../../db/schema-intake';
import type { DocumentRead } from '../../../shared/api/documents';
import { fieldError } from '../../../shared/api/errors';
import type { IntakeItem, IntakeOrigin } from '../../../shared/api/intake';
import { formatDateVi } from '../../../shared/dates';
import { formatDocNumber } from '../../../shared/documents/notation';
import { visibleIncoming } from '../access';
import { mediaTypeOf, writeOnce } from '../attachments/handlers';
import type { CallContext } from '../context';
import { duplicateByFields } from '../incoming/handlers';

export const intakeFile = (dataDir: string, sha256: string) => path.join(dataDir, 'cho-vao-so', sha256.slice(0, 2), sha256);

export interface ArrivedFile {
  name: string;
  content: Buffer;
}

/** What the background reader keeps of documents.read's answer. */
export type KeptRead = Pick<DocumentRead, 'kind' | 'fields' | 'text'>;

export type ItemRow = Selectable<IntakeItemsTable>;

/** A new waiting item with its files, in the caller's transaction, audited; the files are on disk before the row names them. */
export async function addItem(ctx: CallContext, origin: IntakeOrigin, files: ArrivedFile[], text: string | null = null): Promise<number> {
  const now = ctx.now();
  const id = await ctx.stores.intake.insertItem({
    status: 'waiting',
    origin_kind: origin.kind,
    origin_json: JSON.stringify(origin),
    body_text: text,
    // A mail of text alone has nothing for the reader.
    reading: files.length ? 'pending' : 'done',
    read_json: null,
    read_error: null,
    set_aside_reason: null,
    incoming_id: null,
    created_at: now,
    updated_at: now,
  });
  const kept = [];
  for (const f of files) {
    const sha256 = crypto.createHash('sha256').update(f.content).digest('hex');
    writeOnce(intakeFile(ctx.dataDir, sha256), f.content);
    await ctx.stores.intake.insertFile({ item_id: id, file_name: f.name, sha256, size: f.content.length, media_type: mediaTypeOf(f.name) });
    kept.push({ name: f.name, size: f.content.length, sha256 });
  }
  await ctx.stores.audit.write({ at: now, actor: ctx.actor, action: ctx.method, entity: 'intake_items', entityId: id, before: null, after: { status: 'waiting', origin, files: kept, text } });
  return id;
}

export async function itemRow(ctx: CallContext, id: number): Promise<ItemRow> {
  const row = await ctx.stores.intake.item(id);
  if (!row) throw fieldError('NOT_FOUND', 'id', `Không có văn bản chờ vào sổ mã ${id}.`);
  return row;
}

type FileRow = Awaited<ReturnType<CallContext['stores']['intake']['filesOf']>>[number];

export const keptRead = (row: ItemRow): KeptRead | null => (row.read_json ? (JSON.parse(row.read_json) as KeptRead) : null);

/**
 * The duplicate flag, worked out when shown so that a document registered
 * later flags the items still waiting: the same bytes attached to a
 * registered document (one the user may not see is not named) or held by
 * another item; else the same sender, notation and date (incoming.checkDuplicate's rule).
 */
async function duplicateOf(ctx: CallContext, row: ItemRow, files: FileRow[]): Promise<IntakeItem['duplicate']> {
  // A registered item is its document: nothing left to warn about.
  if (row.status === 'registered') return null;
  const hashes = files.map((f) => f.sha256);
  if (hashes.length) {
    const attached = await ctx.stores.intake.registeredWithFile(hashes, (alias) => visibleIncoming(ctx.user, alias));
    if (attached)
      return attached.visible
        ? { kind: 'same-file', incomingId: attached.id, itemId: null, label: `Cùng tệp với văn bản đến số ${formatDocNumber(attached.arrival_number)} ngày ${formatDateVi(attached.arrival_date)} đã vào sổ.` }
        : { kind: 'same-file', incomingId: null, itemId: null, label: 'Cùng tệp với một văn bản đã vào sổ mà bạn không có quyền xem.' };
    const other = await ctx.stores.intake.otherWithFile(hashes, row.id);
    if (other !== null) return { kind: 'same-file', incomingId: null, itemId: other, label: `Cùng tệp với văn bản chờ vào sổ mã ${other}.` };
  }
  const f = keptRead(row)?.fields;
  if (f?.senderName && f.notation && f.documentDate) {
    const dup = await duplicateByFields(ctx, { senderName: f.senderName, notation: f.notation, documentDate: f.documentDate }, null);
    if (dup?.message) return { kind: 'same-document', incomingId: dup.existingId, itemId: null, label: dup.message };
  }
  return null;
}

export async function toItems(ctx: CallContext, rows: ItemRow[]): Promise<IntakeItem[]> {
  const files = await ctx.stores.intake.filesOf(rows.map((r) => r.id));
  return Promise.all(
    rows.map(async (r) => {
      const own = files.filter((f) => f.item_id === r.id);
      return {
        id: r.id,
        status: r.status,
        origin: JSON.parse(r.origin_json) as IntakeOrigin,
        files: own.map((f) => ({ id: f.id, name: f.file_name, size: f.size, sha256: f.sha256 })),
        reading: r.reading,
        fields: keptRead(r)?.fields ?? null,
        text: r.body_text,
        duplicate: await duplicateOf(ctx, r, own),
        setAsideReason: r.set_aside_reason,
        incomingId: r.incoming_id,
        createdAt: r.created_at,
      };
    }),
  );
}

export async function loadItem(ctx: CallContext, id: number): Promise<IntakeItem> {
  const [item] = await toItems(ctx, [await itemRow(ctx, id)]);
  return item!;
}

export function fileContent(dataDir: string, f: { sha256: string; file_name: string }): Buffer {
  const file = intakeFile(dataDir, f.sha256);
  if (!fs.existsSync(file)) throw fieldError('IO', 'id', `Tệp "${f.file_name}" không còn trong thư mục chờ vào sổ (cho-vao-so). Hãy khôi phục từ bản sao lưu.`);
  return fs.readFileSync(file);
}
