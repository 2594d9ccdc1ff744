import { z } from 'zod';
import { method } from './define';
import { bool, int, oneOf, optionalText, text } from '../validation';

export const importFields = {
  incoming: ['arrivalDate', 'arrivalNumber', 'senderName', 'notation', 'documentDate', 'subject', 'recipientText', 'transferDate', 'note'],
  outgoing: ['notation', 'documentDate', 'subject', 'signerName', 'recipientsText', 'keptBy', 'copies', 'transferDate', 'note'],
} as const;

export const importRowSchema = z.object({
  row: z.number(),
  ok: z.boolean(),
  errors: z.array(z.string()),
  /** Arrival number or notation, to recognise the row in the report. */
  label: z.string(),
});

export const registerImportInput = z
  .object({
    kind: oneOf('Loại sổ', ['incoming', 'outgoing'] as const),
    /** A file on this machine (desktop), or the file's content (browser). */
    path: optionalText('Đường dẫn tệp', 4000),
    contentBase64: z.string({ error: 'Nội dung tệp phải là chuỗi base64.' }).max(70_000_000, 'Tệp quá lớn: tối đa 50 MB.').optional(),
    fileName: text('Tên tệp', 255).optional(),
    dryRun: bool('Chạy thử').default(true),
    /** Import the valid rows even when some are wrong (default: all or nothing). */
    validOnly: bool('Chỉ nhập các dòng hợp lệ').default(false),
    /** Field → 1-based column number, when the automatic header detection is not right. */
    mapping: z.record(z.string(), int('Cột', 1, 200)).optional(),
  })
  .refine((v) => !!v.path !== !!v.contentBase64, { message: 'Cần đường dẫn tệp hoặc nội dung tệp (một trong hai).', path: ['path'] });

export const importsContracts = {
  'imports.registerXlsx': method({
    summary: 'Nhập sổ văn bản đến hoặc đi từ tệp Excel: báo cáo từng dòng (chạy thử), rồi nhập tất cả hoặc chỉ các dòng hợp lệ',
    input: registerImportInput,
    output: z.object({
      dryRun: z.boolean(),
      sheetName: z.string(),
      headerRow: z.number(),
      columns: z.array(z.object({ field: z.string(), column: z.number(), header: z.string() })),
      headers: z.array(z.object({ column: z.number(), text: z.string() })),
      valid: z.number(),
      invalid: z.number(),
      imported: z.number(),
      rows: z.array(importRowSchema),
    }),
  }),
};
