/**
 * Intake (Văn bản chờ vào sổ): every way a document arrives (the office
 * mailbox over IMAP, a watched scanner or USB folder, a dragged file) lands
 * in one queue; the clerk registers an item or sets it aside with a reason.
 * Also the user's notification settings and the morning digest.
 */
import { z } from 'zod';
import { method } from './define';
import { documentFieldsSchema } from './documents';
import { fileHandleSchema, fileId } from './files';
import { incomingRegisterInput } from './incoming';
import { bool, id, int, oneOf, text } from '../validation';

export const intakeStatuses = ['waiting', 'set_aside', 'registered'] as const;
export type IntakeStatus = (typeof intakeStatuses)[number];
export const intakeStatusLabels: Record<IntakeStatus, string> = { waiting: 'Chờ vào sổ', set_aside: 'Đã để riêng', registered: 'Đã vào sổ' };

export const intakeReadings = ['pending', 'done', 'failed'] as const;

export const intakeOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('mail'), from: z.string(), subject: z.string(), receivedAt: z.string(), folder: z.string() }),
  z.object({ kind: z.literal('folder'), folderLabel: z.string(), fileName: z.string(), modifiedAt: z.string() }),
  z.object({ kind: z.literal('upload'), fileName: z.string(), by: z.string() }),
]);
export type IntakeOrigin = z.infer<typeof intakeOriginSchema>;

export const intakeDuplicateSchema = z.object({
  /** same-file: the same bytes (sha256) are attached to a registered document or held by another item; same-document: same sender, number/notation and date as a registered one. */
  kind: z.enum(['same-file', 'same-document']),
  /** The registered document, when the user may see it. */
  incomingId: z.number().nullable(),
  /** The other item holding the same file. */
  itemId: z.number().nullable(),
  label: z.string(),
});

export const intakeItemSchema = z.object({
  id: z.number(),
  status: z.enum(intakeStatuses),
  origin: intakeOriginSchema,
  files: z.array(z.object({ id: z.number(), name: z.string(), size: z.number(), sha256: z.string() })),
  reading: z.enum(intakeReadings),
  /** What documents.read found in the item's first file; null until read, or when it could not be read. */
  fields: documentFieldsSchema.nullable(),
  /** A mail without attachments: its text. */
  text: z.string().nullable(),
  duplicate: intakeDuplicateSchema.nullable(),
  setAsideReason: z.string().nullable(),
  incomingId: z.number().nullable(),
  createdAt: z.string(),
});
export type IntakeItem = z.infer<typeof intakeItemSchema>;

export const mailboxStates = ['off', 'connecting', 'ok', 'error'] as const;
export const mailboxStateSchema = z.object({
  status: z.enum(mailboxStates),
  lastSyncAt: z.string().nullable(),
  error: z.string().nullable(),
  nextTryAt: z.string().nullable(),
});

const mailboxFields = {
  enabled: bool('Bật nhận thư'),
  host: text('Máy chủ IMAP', 255),
  port: int('Cổng', 1, 65535),
  security: oneOf('Bảo mật', ['tls', 'starttls'] as const),
  username: text('Tên đăng nhập', 255),
  /** IMAP folder names (INBOX, "Công văn đến"): names on the mail server, not paths of this PC. */
  folders: z
    .array(text('Thư mục thư', 200), { error: 'Thư mục thư phải là danh sách tên.' })
    .min(1, 'Chọn ít nhất một thư mục thư (ví dụ INBOX).')
    .max(20, 'Tối đa 20 thư mục thư.'),
  afterFetch: oneOf('Sau khi nhận', ['leave', 'seen'] as const),
};

export const mailboxSchema = z.object({
  enabled: z.boolean(),
  host: z.string(),
  port: z.number(),
  security: z.enum(['tls', 'starttls']),
  username: z.string(),
  hasPassword: z.boolean(),
  /** 'os': encrypted by the operating system (desktop); 'none': the browser shell cannot. */
  passwordProtection: z.enum(['os', 'none']),
  folders: z.array(z.string()),
  afterFetch: z.enum(['leave', 'seen']),
  state: mailboxStateSchema,
});

export const watchFolderSchema = z.object({
  id: z.number(),
  label: z.string(),
  path: z.string(),
  afterTake: z.enum(['move', 'leave']),
  enabled: z.boolean(),
  lastScanAt: z.string().nullable(),
  error: z.string().nullable(),
});

/** A folder of this PC, like the backup folder: an administrator's setting, checked by the core (absolute, existing, a directory, outside the app's data). */
const folderFields = {
  label: text('Tên thư mục', 200),
  path: text('Đường dẫn thư mục', 1000),
  afterTake: oneOf('Sau khi nhận', ['move', 'leave'] as const),
};

export const notificationSettingsSchema = z.object({ newItems: z.boolean(), morning: z.boolean() });

const password = z.string({ error: 'Mật khẩu phải là chuỗi ký tự.' }).max(500, 'Mật khẩu dài quá 500 ký tự.');

export const intakeContracts = {
  'intake.list': method({
    summary: 'Văn bản chờ vào sổ: các văn bản đến qua thư điện tử, thư mục máy quét, tệp tải lên; đếm theo tình trạng',
    mode: 'read',
    input: z.object({
      status: oneOf('Tình trạng', intakeStatuses).default('waiting'),
      page: int('Trang', 1, 1_000_000).default(1),
      pageSize: int('Số dòng mỗi trang', 1, 500).default(50),
    }),
    output: z.object({
      items: z.array(intakeItemSchema),
      total: z.number(),
      counts: z.object({ waiting: z.number(), set_aside: z.number(), registered: z.number() }),
    }),
  }),
  'intake.get': method({
    summary: 'Một văn bản chờ vào sổ và các tệp của nó (để xem và đọc)',
    mode: 'read',
    input: z.object({ id: id('Văn bản chờ vào sổ') }),
    output: z.object({ item: intakeItemSchema, files: z.array(fileHandleSchema) }),
  }),
  'intake.addFiles': method({
    summary: 'Đưa tệp (ổ USB, kéo thả) vào danh sách chờ vào sổ',
    input: z.object({
      files: z
        .array(z.object({ fileId: fileId('Tệp văn bản') }), { error: 'Tệp: cần danh sách mã tệp.' })
        .min(1, 'Chọn ít nhất một tệp.')
        .max(50, 'Tối đa 50 tệp một lần.'),
    }),
    output: z.object({ items: z.array(intakeItemSchema) }),
  }),
  'intake.register': method({
    summary: 'Vào sổ văn bản đến từ một văn bản chờ: cấp số đến, đính kèm tệp, ghi nơi đến (một giao dịch)',
    input: z.object({ id: id('Văn bản chờ vào sổ'), document: incomingRegisterInput }),
    output: z.object({ incomingId: z.number() }),
  }),
  'intake.setAside': method({
    summary: 'Để riêng một văn bản chờ (không vào sổ), ghi lý do',
    input: z.object({ id: id('Văn bản chờ vào sổ'), reason: text('Lý do để riêng', 1000) }),
    output: intakeItemSchema,
  }),
  'intake.restore': method({
    summary: 'Đưa văn bản đã để riêng trở lại danh sách chờ vào sổ',
    input: z.object({ id: id('Văn bản chờ vào sổ') }),
    output: intakeItemSchema,
  }),
  'intake.mailbox.get': method({ summary: 'Hộp thư cơ quan (IMAP): tài khoản, thư mục, tình trạng kết nối', mode: 'read', input: z.object({}), output: mailboxSchema }),
  'intake.mailbox.update': method({
    summary: 'Đặt hộp thư cơ quan: máy chủ IMAP, cổng, TLS/STARTTLS, tài khoản, mật khẩu, thư mục, đánh dấu đã đọc',
    input: z.object({ ...mailboxFields, /** Left out: the stored password is kept; empty: removed. */ password: password.optional() }),
    output: mailboxSchema,
  }),
  'intake.mailbox.check': method({ summary: 'Nhận thư ngay từ hộp thư cơ quan', mode: 'job', input: z.object({}), output: mailboxStateSchema }),
  'intake.mailbox.test': method({
    summary: 'Thử kết nối hộp thư với các thông số đang nhập (không nhận thư)',
    mode: 'read',
    input: z.object({ ...mailboxFields, /** Left out: the stored password. */ password: password.optional() }),
    output: z.object({ ok: z.boolean(), message: z.string() }),
  }),
  'intake.folders.list': method({ summary: 'Thư mục theo dõi (máy quét, ổ USB)', mode: 'read', input: z.object({}), output: z.object({ folders: z.array(watchFolderSchema) }) }),
  'intake.folders.add': method({ summary: 'Thêm thư mục theo dõi của máy này (máy quét, ổ USB)', input: z.object(folderFields), output: watchFolderSchema }),
  'intake.folders.update': method({
    summary: 'Sửa thư mục theo dõi: tên, đường dẫn, chuyển tệp đã nhận hay để nguyên, bật/tắt',
    input: z.object({
      id: id('Thư mục theo dõi'),
      label: folderFields.label.optional(),
      path: folderFields.path.optional(),
      afterTake: folderFields.afterTake.optional(),
      enabled: bool('Bật theo dõi').optional(),
    }),
    output: watchFolderSchema,
  }),
  'intake.folders.remove': method({ summary: 'Thôi theo dõi một thư mục (các văn bản đã nhận vẫn giữ)', input: z.object({ id: id('Thư mục theo dõi') }), output: z.object({ id: z.number() }) }),
  'notifications.settings.get': method({ summary: 'Thông báo của tôi: văn bản mới chờ vào sổ, nhắc việc buổi sáng', mode: 'read', input: z.object({}), output: notificationSettingsSchema }),
  'notifications.settings.update': method({
    summary: 'Bật/tắt thông báo của tôi',
    input: z.object({ newItems: bool('Thông báo văn bản mới'), morning: bool('Nhắc việc buổi sáng') }),
    output: notificationSettingsSchema,
  }),
  'notifications.digest': method({
    summary: 'Nhắc việc buổi sáng: nhiệm vụ của tôi sắp đến hạn (3 ngày làm việc) hoặc quá hạn, văn bản đến sắp hết hạn xử lý',
    mode: 'read',
    input: z.object({}),
    output: z.object({
      date: z.string(),
      tasks: z.array(z.object({ id: z.number(), title: z.string(), deadline: z.string().nullable(), overdue: z.boolean() })),
      documents: z.array(z.object({ id: z.number(), label: z.string(), deadline: z.string() })),
    }),
  }),
};
