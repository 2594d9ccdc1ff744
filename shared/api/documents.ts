/**
 * Documents that arrive as files: read them to fill the incoming form, and
 * the edXML packages of the national exchange (QCVN 102:2016/BTTTT) written
 * back: status packages and issued outgoing documents.
 */
import { z } from 'zod';
import { method } from './define';
import { exportResultSchema, fileHandleSchema, fileId } from './files';
import { secrecies, urgencies } from '../documents/fields';
import { id, oneOf, optionalText } from '../validation';

export const documentKinds = ['pdf-text', 'pdf-scan', 'image', 'docx', 'edxml'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The status codes of QCVN 102 status packages: đã đến, từ chối, đã tiếp nhận, phân công, đang xử lý, hoàn thành. */
export const edxmlStatuses = ['received', 'rejected', 'accepted', 'assigned', 'processing', 'done'] as const;
export type EdxmlStatus = (typeof edxmlStatuses)[number];
export const edxmlStatusCodes: Record<EdxmlStatus, string> = { received: '01', rejected: '02', accepted: '03', assigned: '04', processing: '05', done: '06' };
export const edxmlStatusLabels: Record<EdxmlStatus, string> = {
  received: 'Đã đến',
  rejected: 'Từ chối tiếp nhận',
  accepted: 'Đã tiếp nhận',
  assigned: 'Phân công',
  processing: 'Đang xử lý',
  done: 'Hoàn thành',
};

export const documentFieldsSchema = z.object({
  senderName: z.string().nullable(),
  notation: z.string().nullable(),
  /** YYYY-MM-DD. */
  documentDate: z.string().nullable(),
  /** The register's type codes: CV, QĐ, KH, TB, GM, BC, TTr, CT… */
  documentType: z.string().nullable(),
  subject: z.string().nullable(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  urgency: z.enum(urgencies).nullable(),
  secrecy: z.enum(secrecies).nullable(),
  pages: z.number().int().nullable(),
  deadline: z.string().nullable(),
});
export type DocumentFields = z.infer<typeof documentFieldsSchema>;
export const documentFieldNames = Object.keys(documentFieldsSchema.shape) as (keyof DocumentFields)[];

/** Where a field was read: page, box [x, y, width, height] in PDF points from the top-left corner, the text, how sure (0–1). */
export const fieldSourceSchema = z.object({
  page: z.number(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  text: z.string(),
  confidence: z.number().min(0).max(1),
});
export type FieldSource = z.infer<typeof fieldSourceSchema>;

export const signatureSchema = z.object({
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
  intact: z.boolean().nullable(),
  trusted: z.boolean().nullable(),
  reason: z.string().nullable(),
});

export const documentReadSchema = z.object({
  kind: z.enum(documentKinds),
  fields: documentFieldsSchema,
  signatures: z.array(signatureSchema),
  sources: z.object(Object.fromEntries(documentFieldNames.map((k) => [k, fieldSourceSchema.optional()])) as Record<keyof DocumentFields, z.ZodOptional<typeof fieldSourceSchema>>),
  /** The header's left block as printed, lines joined with \n. */
  senderHeader: z.string().nullable(),
  /** The "Kính gửi" entries in printed order. */
  recipients: z.array(z.string()),
  /** The external agency the sender was matched to (without diacritics or case, or by its edXML OrganId). */
  sender: z.object({ unitId: z.number().nullable(), organId: z.string().nullable() }),
  /** Files inside the document (an edXML package's attachments), as handles to attach. */
  attachments: z.array(fileHandleSchema.extend({ mediaType: z.string(), description: z.string().nullable() })),
  /** An edXML package's identifiers, for the status packages sent back. */
  /** A scan's recognised text (OCR), to pass to incoming.register as recognisedText for full-text search; null for other files. */
  text: z.string().nullable(),
  edxml: z.object({ documentId: z.string().nullable(), fromOrganId: z.string().nullable(), trace: z.array(z.object({ organId: z.string(), timestamp: z.string() })) }).nullable(),
});
export type DocumentRead = z.infer<typeof documentReadSchema>;

export const documentsContracts = {
  'documents.read': method({
    summary: 'Đọc văn bản đến từ tệp (PDF, bản quét và ảnh qua nhận dạng chữ, Word, gói edXML): các trường để vào sổ, nơi đọc được và độ tin cậy',
    mode: 'read',
    input: z.object({ fileId: fileId('Tệp văn bản') }),
    output: documentReadSchema,
  }),
  'documents.edxmlStatus': method({
    summary: 'Lập gói trạng thái edXML (đã đến, tiếp nhận/từ chối, phân công, đang xử lý, hoàn thành) của văn bản đến để gửi lại (ghi vào nhật ký)',
    input: z.object({
      incomingId: id('Văn bản đến'),
      status: oneOf('Trạng thái', edxmlStatuses),
      note: optionalText('Ghi chú', 2000),
    }),
    output: exportResultSchema,
  }),
  'exports.outgoingEdxml': method({
    summary: 'Xuất văn bản đi đã cấp số thành gói edXML kèm tệp đính kèm (QCVN 102:2016)',
    mode: 'read',
    input: z.object({ id: id('Mã văn bản đi') }),
    output: exportResultSchema,
  }),
};
