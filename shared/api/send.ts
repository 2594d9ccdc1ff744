import { z } from 'zod';
import { method } from './define';
import { exportResultSchema, fileId } from './files';
import { bool, id, int, optionalText, text, unitIds } from '../validation';

const email = z.string({ error: 'Địa chỉ thư điện tử phải là chuỗi ký tự.' }).trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Địa chỉ thư điện tử không đúng dạng.');
/** A file to send: an export's or upload's handle, or a document's attachment. */
export const sendFileSchema = z.union([z.object({ fileId: fileId('Tệp gửi kèm') }).strict(), z.object({ attachmentId: id('Tệp đính kèm') }).strict()], {
  error: 'Tệp gửi kèm: cần mã tệp (fileId) hoặc mã tệp đính kèm (attachmentId).',
});
export type SendFileRef = z.infer<typeof sendFileSchema>;
const files = z.array(sendFileSchema).min(1, 'Chọn ít nhất một tệp để gửi.').max(50, 'Tối đa 50 tệp một lần.');

const message = {
  files,
  /** Receiving units: their email addresses from the unit list. */
  toUnitIds: unitIds('Đơn vị nhận').default([]),
  to: z.array(email).max(50).default([]),
  subject: text('Tiêu đề thư', 500),
  body: text('Nội dung thư', 20000),
};

/**
 * 'error': the server did not take the message, it is tried again by itself.
 * 'unknown': it may have taken it (the line dropped or the answer never came
 * after the message went), so only the clerk sends it again or marks it sent.
 */
export const outboxStatuses = ['pending', 'sending', 'sent', 'error', 'unknown', 'cancelled'] as const;
export const outboxStatusLabels: Record<(typeof outboxStatuses)[number], string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  error: 'Lỗi',
  unknown: 'Chưa rõ đã gửi được chưa',
  cancelled: 'Đã hủy',
};

export const outboxItemSchema = z.object({
  id: z.number(),
  to: z.array(z.string()),
  subject: z.string(),
  files: z.array(z.string()),
  status: z.enum(outboxStatuses),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});

export const smtpSettingsSchema = z.object({
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  user: z.string(),
  from: z.string(),
  hasPassword: z.boolean(),
  /** 'os': encrypted by the operating system (desktop); 'none': the browser shell cannot. */
  passwordProtection: z.enum(['os', 'none']),
});

export const sendContracts = {
  'send.package': method({
    summary: 'Đóng gói các tệp đã xuất thành một tệp .zip để gửi',
    mode: 'job',
    input: z.object({ files }),
    output: exportResultSchema,
  }),
  'send.draft': method({
    summary: 'Soạn thư nháp (.eml) gửi cấp trên kèm tệp, mở bằng chương trình thư của máy',
    mode: 'job',
    input: z.object(message),
    /** opened: the desktop opened it in the mail program; the browser shell downloads it instead. */
    output: exportResultSchema.extend({ to: z.array(z.string()), opened: z.boolean() }),
  }),
  'send.queue': method({
    summary: 'Đưa thư vào hộp thư đi: gửi qua SMTP khi có mạng, tự thử lại',
    mode: 'job',
    input: z.object(message),
    output: outboxItemSchema,
  }),
  'send.outbox': method({ summary: 'Hộp thư đi: chờ gửi, đã gửi, lỗi', mode: 'read', input: z.object({}), output: z.object({ items: z.array(outboxItemSchema) }) }),
  'send.process': method({ summary: 'Gửi ngay các thư đến lượt trong hộp thư đi', mode: 'job', input: z.object({}), output: z.object({ sent: z.number(), failed: z.number() }) }),
  'send.retry': method({ summary: 'Gửi lại một thư lỗi hoặc chưa rõ đã gửi được chưa', input: z.object({ id: id('Thư') }), output: outboxItemSchema }),
  'send.markSent': method({ summary: 'Đánh dấu đã gửi một thư chưa rõ đã gửi được chưa (người nhận đã có thư)', input: z.object({ id: id('Thư') }), output: outboxItemSchema }),
  'send.cancel': method({ summary: 'Hủy một thư chưa gửi', input: z.object({ id: id('Thư') }), output: outboxItemSchema }),
  'send.settings': method({ summary: 'Tài khoản gửi thư (SMTP)', mode: 'read', input: z.object({}), output: smtpSettingsSchema }),
  'send.updateSettings': method({
    summary: 'Đặt tài khoản gửi thư: máy chủ, cổng, TLS, tên đăng nhập, mật khẩu',
    input: z.object({
      host: text('Máy chủ SMTP', 255),
      port: int('Cổng', 1, 65535),
      secure: bool('Dùng TLS ngay từ đầu (cổng 465)'),
      user: optionalText('Tên đăng nhập', 255).transform((v) => v ?? ''),
      /** Left out: the stored password is kept. */
      password: z.string().max(500).optional(),
      from: email,
    }),
    output: smtpSettingsSchema,
  }),
};
