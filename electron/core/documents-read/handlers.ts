/** Handlers: read an arrived file; write the edXML packages the office sends back or out. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { edxmlStatusCodes, edxmlStatusLabels } from '../../../shared/api/documents';
import { fieldError } from '../../../shared/api/errors';
import type { Incoming } from '../../../shared/api/incoming';
import { visibleAttachment } from '../access';
import { attachmentFile } from '../attachments/handlers';
import type { CallContext, HandlerMap } from '../context';
import { writeExport } from '../file-store';
import { loadIncoming } from '../incoming/handlers';
import { loadOutgoing } from '../outgoing/handlers';
import { isEdxml, readEdxml } from './edxml';
import { edxmlDocumentId, writeOutgoingPackage, writeStatusPackage, type Organ } from './edxml-write';
import { readPdfText } from './pdf-text';
import { readDocument } from './read';

async function ownOrgan(ctx: CallContext, field: string): Promise<Organ> {
  const agency = await ctx.stores.agency.get();
  if (!agency?.organ_id) throw fieldError('CONFLICT', field, 'Chưa nhập mã định danh của cơ quan (OrganId) trong Cài đặt → Thông tin cơ quan: gói edXML phải ghi cơ quan gửi.');
  return { organId: agency.organ_id, name: agency.name, parentName: agency.parent_name };
}

/** A document's files the caller may see (the one access rule), with their bytes. */
async function visibleFiles(ctx: CallContext, kind: 'incoming' | 'outgoing', id: number) {
  const rows = await ctx.stores.documentsRead.files(kind, id, (alias) => visibleAttachment(ctx.user, alias));
  return rows.map((r) => ({ ...r, content: () => fs.readFileSync(attachmentFile(ctx.dataDir, r.sha256)) }));
}

/** Whom a status answers: the package the document came in (attached), else the sender agency's kept OrganId. */
async function origin(ctx: CallContext, doc: Incoming): Promise<{ organId: string; documentId: string }> {
  for (const f of await visibleFiles(ctx, 'incoming', doc.id)) {
    const content = f.content();
    if (!isEdxml(content)) continue;
    const pkg = await readEdxml(content);
    if (pkg.fromOrganId) return { organId: pkg.fromOrganId, documentId: pkg.documentId ?? edxmlDocumentId(pkg.fromOrganId, doc.documentDate ?? '', doc.notation ?? '') };
  }
  const organId = doc.senderUnitId ? await ctx.stores.documentsRead.organIdOf(doc.senderUnitId) : null;
  if (!organId || !doc.documentDate || !doc.notation) {
    throw fieldError('CONFLICT', 'incomingId', 'Văn bản này không đến qua trục liên thông (không có gói edXML đính kèm, cơ quan gửi chưa có mã định danh): không lập được gói trạng thái.');
  }
  return { organId, documentId: edxmlDocumentId(organId, doc.documentDate, doc.notation) };
}

const fileSlug = (s: string) => s.replace(/[^\p{L}\p{Nd}]+/gu, '-').replace(/^-|-$/g, '');
const PRIORITY = { khan: 1, thuong_khan: 2, hoa_toc: 3 } as const;

export const documentsReadHandlers: HandlerMap<'documents.read' | 'documents.edxmlStatus' | 'exports.outgoingEdxml'> = {
  'documents.read': (ctx, input) => readDocument(ctx, input.fileId),

  'documents.edxmlStatus': async (ctx, input) => {
    const doc = await loadIncoming(ctx, input.incomingId);
    const from = await ownOrgan(ctx, 'incomingId');
    const to = await origin(ctx, doc);
    const statusCode = edxmlStatusCodes[input.status];
    const description = input.note ?? edxmlStatusLabels[input.status];
    const bytes = writeStatusPackage({
      from,
      responseFor: { organId: to.organId, notation: doc.notation, documentDate: doc.documentDate, documentId: to.documentId },
      statusCode,
      description,
      at: new Date(ctx.now()),
      staff: ctx.actor,
    });
    const handle = await writeExport(ctx.files, ctx.user, `trang-thai-${statusCode}-${fileSlug(doc.notation ?? String(doc.id))}.edxml`, async (file) => {
      fs.writeFileSync(file, bytes);
      return 1;
    });
    await ctx.stores.audit.write({
      at: ctx.now(),
      actor: ctx.actor,
      action: ctx.method,
      entity: 'incoming',
      entityId: doc.id,
      before: null,
      after: { status: input.status, statusCode, note: input.note, to: to.organId, documentId: to.documentId },
    });
    return handle;
  },

  'exports.outgoingEdxml': async (ctx, input) => {
    const doc = await loadOutgoing(ctx, input.id);
    if ((doc.status !== 'issued' && doc.status !== 'sent') || !doc.notation || !doc.issueDate || doc.numberText === null) {
      throw fieldError('CONFLICT', 'id', 'Chỉ xuất gói edXML cho văn bản đã cấp số (có số, ký hiệu và ngày ban hành).');
    }
    const from = await ownOrgan(ctx, 'id');
    const agency = await ctx.stores.agency.get();
    const unitIds = doc.recipients.map((r) => r.unitId).filter((x): x is number => x !== null);
    const organs = await ctx.stores.documentsRead.organIds(unitIds);
    const files = (await visibleFiles(ctx, 'outgoing', doc.id)).map((f) => ({ id: crypto.randomUUID(), name: f.file_name, mediaType: f.media_type, content: f.content() }));
    const pdf = files.find((f) => f.mediaType === 'application/pdf' || path.extname(f.name).toLowerCase() === '.pdf');
    const pages = pdf ? await readPdfText(pdf.content).then((t) => t.pageCount, () => null) : null;
    const bytes = writeOutgoingPackage({
      from,
      to: doc.recipients.map((r) => ({ organId: organs.find((o) => o.id === r.unitId)?.organ_id ?? null, name: r.name })),
      number: doc.numberText,
      codeNotation: doc.notation.split('/').slice(1).join('/'),
      notation: doc.notation,
      place: agency?.place ?? '',
      date: doc.issueDate,
      typeName: doc.documentTypeName,
      subject: doc.subject,
      signer: { competence: doc.signingAuthority ?? '', position: doc.signerPosition ?? '', name: doc.signerName ?? '' },
      priority: doc.urgency ? PRIORITY[doc.urgency] : 0,
      pages,
      at: new Date(ctx.now()),
      files,
    });
    return writeExport(ctx.files, ctx.user, `${fileSlug(doc.notation)}.edxml`, async (file) => {
      fs.writeFileSync(file, bytes);
      return 1;
    });
  },
};
