/**
 * documents.read: what kind of file arrived, its registration fields, where
 * each was read, and the sender matched to the agency's external units.
 */
import fs from 'node:fs';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments';
import { AppError } from '../../../shared/api/errors';
import type { DocumentFields, DocumentKind, DocumentRead } from '../../../shared/api/documents';
import type { CallContext } from '../context';
import { readDocxLines } from './docx';
import { isEdxml, readEdxml, type EdxmlFile } from './edxml';
import { readFields, type ReadFields } from './fields';
import { beginJob } from '../jobs';
import { recognisePages, type OcrImage } from './ocr';
import { imageSize, scanPages } from './scan-pages';
import { agencyKey } from './names';
import { readPdfText } from './pdf-text';

const emptyFields = (pages: number | null = null): DocumentFields => ({
  senderName: null, notation: null, documentDate: null, documentType: null, subject: null,
  signerName: null, signerPosition: null, urgency: null, secrecy: null, pages, deadline: null,
});

function kindOf(content: Buffer, name: string): DocumentKind | 'pdf' {
  const head = content.subarray(0, 8);
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 2).toString('latin1') === 'PK' && /\.docx$/i.test(name)) return 'docx';
  if (isEdxml(content)) return 'edxml';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image';
  if (head.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))) return 'image';
  if (['II*\0', 'MM\0*'].includes(head.subarray(0, 4).toString('latin1'))) return 'image';
  if (head.subarray(0, 2).toString('latin1') === 'PK') return 'docx';
  const message = `Không đọc được tệp "${name}": chỉ đọc PDF, ảnh quét (JPG, PNG, TIFF), Word (.docx) và gói edXML.`;
  throw new AppError('VALIDATION', message, [{ path: 'fileId', message }]);
}

/** The layout reading of a PDF: text layer, or null for a scan (no text to read without OCR). */
async function readPdf(content: Buffer): Promise<{ read: ReadFields | null; pages: number }> {
  const pdf = await readPdfText(content);
  return { read: pdf.hasText ? readFields(pdf, pdf.pageCount) : null, pages: pdf.pageCount };
}

async function matchSender(ctx: CallContext, name: string | null, organId: string | null): Promise<{ unitId: number | null; name: string | null }> {
  const units = await ctx.stores.documentsRead.externalUnits();
  const byOrgan = organId ? units.find((u) => u.organ_id === organId) : undefined;
  if (byOrgan) return { unitId: byOrgan.id, name: byOrgan.name };
  if (!name) return { unitId: null, name };
  const key = agencyKey(name);
  const byName = units.find((u) => agencyKey(u.name) === key);
  return byName ? { unitId: byName.id, name: byName.name } : { unitId: null, name };
}

function holdFile(ctx: CallContext, f: EdxmlFile) {
  const out = ctx.files.create(ctx.user, f.name);
  try {
    fs.writeFileSync(out.path, f.content, { flag: 'wx' });
    return { ...out.finish(), mediaType: f.mediaType, description: f.description };
  } catch (e) {
    out.abandon();
    throw e;
  }
}

function result(kind: DocumentKind, read: ReadFields | null, pages: number | null): DocumentRead {
  return {
    kind,
    fields: read?.fields ?? emptyFields(pages),
    signatures: [],
    sources: read?.sources ?? {},
    senderHeader: read?.senderHeader ?? null,
    recipients: read?.recipients ?? [],
    sender: { unitId: null, organId: null },
    attachments: [],
    edxml: null,
    text: null,
  };
}

async function* pdfImages(content: Buffer): AsyncGenerator<OcrImage | null> {
  for await (const p of scanPages(content)) yield p && { bytes: p.pgm, width: p.width, height: p.height, size: p.size };
}

/** A scan through OCR, as a job: progress events, and jobs.cancel stops it. */
async function readScan(ctx: CallContext, kind: 'pdf-scan' | 'image', content: Buffer, pages: number): Promise<DocumentRead> {
  const job = beginJob(ctx, pages * 100, 'Đã hủy nhận dạng chữ bản quét theo yêu cầu; các trường chưa được điền.');
  try {
    const images = kind === 'image' ? (async function* () { const { width, height } = imageSize(content);
      yield { bytes: content, width, height, size: width ? { width, height } : null }; })() : pdfImages(content);
    const ocr = await recognisePages(images, job, pages);
    const out = result(kind, readFields(ocr, pages), pages);
    out.text = ocr.text;
    return out;
  } finally {
    job.end();
  }
}

async function readEdxmlDocument(ctx: CallContext, content: Buffer): Promise<DocumentRead> {
  const pkg = await readEdxml(content);
  const main = pkg.files[0];
  // The header carries the fields; the attached document adds what it alone has (header block, recipients, secrecy).
  const inner = main && main.mediaType === 'application/pdf' ? (await readPdf(main.content)).read : null;
  const fields = { ...pkg.fields };
  for (const k of Object.keys(fields) as (keyof DocumentFields)[]) {
    if (fields[k] === null && inner) Object.assign(fields, { [k]: inner.fields[k] });
  }
  const out = result('edxml', inner, null);
  out.fields = fields;
  out.sender.organId = pkg.fromOrganId;
  out.attachments = pkg.files.map((f) => holdFile(ctx, f));
  out.edxml = { documentId: pkg.documentId, fromOrganId: pkg.fromOrganId, trace: pkg.trace };
  return out;
}

export async function readDocument(ctx: CallContext, fileId: string): Promise<DocumentRead> {
  const { content, name } = ctx.files.read(ctx.user, fileId, MAX_ATTACHMENT_BYTES);
  const kind = kindOf(content, name);
  let out: DocumentRead;
  if (kind === 'pdf') {
    const pdf = await readPdf(content);
    out = pdf.read ? result('pdf-text', pdf.read, pdf.pages) : await readScan(ctx, 'pdf-scan', content, pdf.pages);
  } else if (kind === 'docx') {
    out = result('docx', readFields(await readDocxLines(content), null), null);
  } else if (kind === 'edxml') {
    out = await readEdxmlDocument(ctx, content);
  } else {
    out = await readScan(ctx, 'image', content, 1);
  }
  const sender = await matchSender(ctx, out.fields.senderName, out.sender.organId);
  out.fields.senderName = sender.name;
  out.sender.unitId = sender.unitId;
  return out;
}
