import { z } from 'zod';
import { method } from './define';
import { bool, int, oneOf } from '../validation';
import { fileId } from './files';

export const importFields = {
  incoming: ['arrivalDate', 'arrivalNumber', 'senderName', 'notation', 'documentDate', 'subject', 'recipientText', 'transferDate', 'note'],
  outgoing: ['notation', 'documentDate', 'subject', 'signerName', 'recipientsText', 'keptBy', 'copies', 'transferDate', 'note'],
  tthc: ['code', 'procedure', 'field', 'applicantName', 'applicantAddress', 'applicantPhone', 'receivedAt', 'dueDate', 'resultDate', 'channel', 'status', 'unit'],
} as const;

export const importRowSchema = z.object({
  row: z.number(),
  ok: z.boolean(),
  errors: z.array(z.string()),
  /** Arrival number or notation, to recognise the row in the report. */
  label: z.string(),
});

/** The uploaded sheet (a handle); a dry run first; columns chosen by hand when detection is wrong. */
const source = {
  fileId: fileId('Tệp Excel'),
  dryRun: bool('Chạy thử').default(true),
  validOnly: bool('Chỉ nhập các dòng hợp lệ').default(false),
  mapping: z.record(z.string(), int('Cột', 1, 200)).optional(),
};

export const registerImportInput = z
  .object({ kind: oneOf('Loại sổ', ['incoming', 'outgoing'] as const), ...source });

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  sheetName: z.string(),
  headerRow: z.number(),
  columns: z.array(z.object({ field: z.string(), column: z.number(), header: z.string() })),
  headers: z.array(z.object({ column: z.number(), text: z.string() })),
  valid: z.number(),
  invalid: z.number(),
  imported: z.number(),
  rows: z.array(importRowSchema),
  /** Procedures named by the sheet and not in the catalogue: added on import. */
  newProcedures: z.array(z.string()).optional(),
});

export const importsContracts = {
  'imports.tthcXlsx': method({
    summary: 'Nhập hồ sơ thủ tục hành chính từ tệp Excel xuất từ hệ thống một cửa: ghép cột, báo cáo chạy thử, rồi nhập',
    input: z.object(source),
    output: importReportSchema,
  }),
  'imports.registerXlsx': method({
    summary: 'Nhập sổ văn bản đến hoặc đi từ tệp Excel: báo cáo từng dòng (chạy thử), rồi nhập tất cả hoặc chỉ các dòng hợp lệ',
    input: registerImportInput,
    output: importReportSchema,
  }),
};
