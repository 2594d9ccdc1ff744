import { z } from 'zod';
import { method } from './define';
import { id, oneOf } from '../validation';
import { fileHandleSchema, fileId } from './files';

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
    summary: 'Đính kèm tệp đã tải lên (mã tệp) vào văn bản',
    input: z.object({ ...owner, fileId: fileId('Tệp đính kèm') }),
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
    summary: 'Mở tệp đính kèm bằng chương trình của máy (bản máy tính), hoặc cho tệp để tải về (bản trình duyệt)',
    mode: 'read',
    input: z.object({ id: id('Mã tệp') }),
    output: z.object({ opened: z.boolean(), file: fileHandleSchema }),
  }),
};
