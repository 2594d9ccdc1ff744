import { z } from 'zod';
import { method } from './define';
import { id, oneOf, optionalText, text } from '../validation';

/** Largest attachment accepted: scanned documents are big, but not unbounded. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export const attachmentSchema = z.object({
  id: z.number(),
  ownerKind: z.enum(['incoming', 'outgoing']),
  ownerId: z.number(),
  fileName: z.string(),
  size: z.number(),
  mediaType: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

const owner = {
  ownerKind: oneOf('Loại văn bản', ['incoming', 'outgoing'] as const),
  ownerId: id('Mã văn bản'),
};

export const attachmentsContracts = {
  'attachments.add': method({
    summary: 'Đính kèm tệp vào văn bản (nội dung base64, hoặc đường dẫn tệp trên máy ở bản máy tính)',
    input: z
      .object({
        ...owner,
        fileName: text('Tên tệp', 255).refine((v) => !/[\\/:*?"<>|]/.test(v) && ![...v].some((c) => c.charCodeAt(0) < 32), 'Tên tệp không được chứa các ký tự \\ / : * ? " < > | hay ký tự điều khiển.'),
        contentBase64: z.string({ error: 'Nội dung tệp phải là chuỗi base64.' }).max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 8, 'Tệp quá lớn: tối đa 50 MB.').optional(),
        sourcePath: optionalText('Đường dẫn tệp', 4000),
      })
      .refine((v) => !!v.contentBase64 !== !!v.sourcePath, { message: 'Cần nội dung tệp hoặc đường dẫn tệp (một trong hai).', path: ['contentBase64'] }),
    output: attachmentSchema,
  }),
  'attachments.list': method({
    summary: 'Các tệp đính kèm của một văn bản',
    mode: 'read',
    input: z.object(owner),
    output: z.object({ items: z.array(attachmentSchema) }),
  }),
  'attachments.remove': method({
    summary: 'Bỏ tệp đính kèm (tệp vẫn được giữ, khôi phục được)',
    input: z.object({ id: id('Mã tệp') }),
    output: z.object({ id: z.number() }),
  }),
  'attachments.open': method({
    summary: 'Mở tệp bằng chương trình của máy (bản máy tính) hoặc cho địa chỉ tải về (bản trình duyệt)',
    mode: 'read',
    input: z.object({ id: id('Mã tệp') }),
    output: z.object({ opened: z.boolean(), downloadPath: z.string(), fileName: z.string() }),
  }),
};
