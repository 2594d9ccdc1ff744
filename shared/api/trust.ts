/**
 * Digital signatures of PDFs, checked offline against the office's own trust
 * store (Cài đặt → Chứng thư số gốc): none is trusted until the office adds it.
 */
import { z } from 'zod';
import { method } from './define';
import { id } from '../validation';
import { fileId } from './files';

export const trustRootSchema = z.object({
  id: z.number(),
  /** The certificate's common name (CN), or its whole subject when it has none. */
  subject: z.string(),
  organisation: z.string().nullable(),
  issuer: z.string(),
  /** Validity as ISO timestamps. */
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ':' (as the OS shows it). */
  fingerprint: z.string(),
  addedAt: z.string(),
});
export type TrustRoot = z.infer<typeof trustRootSchema>;

/**
 * One signature of a PDF. `intact` and `trusted` are null when they could not
 * be checked; `reason` then starts "không kiểm tra được: ", and otherwise says
 * why a check failed (null when both hold).
 */
export const pdfSignatureSchema = z.object({
  signer: z.string().nullable(),
  organisation: z.string().nullable(),
  /** ISO timestamp the signer's software recorded (signed attribute, else the PDF's /M). */
  signedAt: z.string().nullable(),
  /** The signed bytes are unchanged: their digest matches the signed one and the signature over it verifies; nothing was added after. */
  intact: z.boolean().nullable(),
  /** The signer's certificate chains to a certificate of the trust store, every link valid at the signing time. */
  trusted: z.boolean().nullable(),
  reason: z.string().nullable(),
});
export type PdfSignature = z.infer<typeof pdfSignatureSchema>;

/** A certificate file is small; anything larger is not one. */
export const MAX_CERTIFICATE_BYTES = 1024 * 1024;
/** As attachments: a signed scan can be large. */
export const MAX_SIGNED_PDF_BYTES = 50 * 1024 * 1024;

export const trustContracts = {
  'trust.list': method({
    summary: 'Các chứng thư số gốc cơ quan tin cậy khi kiểm tra chữ ký số',
    mode: 'read',
    input: z.object({}),
    output: z.object({ items: z.array(trustRootSchema) }),
  }),
  'trust.add': method({
    summary: 'Thêm chứng thư số gốc từ tệp .cer/.crt đã tải lên (DER hoặc PEM)',
    input: z.object({ fileId: fileId('Tệp chứng thư') }),
    output: trustRootSchema,
  }),
  'trust.remove': method({
    summary: 'Thôi tin cậy một chứng thư số gốc (vẫn lưu lại trong nhật ký)',
    input: z.object({ id: id('Mã chứng thư') }),
    output: z.object({ id: z.number(), removed: z.boolean() }),
  }),
  'documents.signatures': method({
    summary: 'Kiểm tra các chữ ký số của tệp PDF đã tải lên: người ký, thời điểm, còn nguyên vẹn không, có tin cậy không',
    mode: 'read',
    input: z.object({ fileId: fileId('Tệp PDF') }),
    output: z.object({ signatures: z.array(pdfSignatureSchema) }),
  }),
};
