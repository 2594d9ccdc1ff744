import { z } from 'zod';
import { method } from './define';
import { outgoingStatuses, secrecies, signingAuthorities, urgencies } from '../documents/fields';
import { id, int, isoDate, oneOf, optionalId, optionalIsoDate, optionalText, text } from '../validation';

const recipient = z.object({
  unitId: optionalId('Đơn vị nhận'),
  name: text('Tên nơi nhận', 300),
});

const draftFields = {
  registerId: optionalId('Sổ đăng ký'),
  documentType: text('Loại văn bản', 10),
  subject: text('Trích yếu', 3000),
  draftingUnitId: optionalId('Đơn vị soạn thảo'),
  drafterInitials: optionalText('Chữ viết tắt người soạn thảo', 10),
  signerName: optionalText('Người ký', 200),
  signerPosition: optionalText('Chức vụ người ký', 200),
  signingAuthority: oneOf('Thẩm quyền ký', signingAuthorities).nullish(),
  recipients: z.array(recipient, { error: 'Nơi nhận phải là danh sách.' }).max(200, 'Nơi nhận: tối đa 200.').optional(),
  copies: int('Số lượng bản', 1, 10000).nullish(),
  urgency: oneOf('Độ khẩn', urgencies).nullish(),
  secrecy: oneOf('Độ mật', secrecies).nullish(),
  replyToIncomingIds: z.array(id('Văn bản đến được trả lời')).max(50).optional(),
  note: optionalText('Ghi chú', 3000),
};

export const outgoingCreateDraftInput = z.object(draftFields);
export type OutgoingCreateDraftInput = z.input<typeof outgoingCreateDraftInput>;

const partial = Object.fromEntries(Object.entries(draftFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof draftFields]: z.ZodOptional<(typeof draftFields)[K]>;
};
export const outgoingUpdateInput = z.object({
  id: id('Mã văn bản'),
  ...partial,
  transferDate: optionalIsoDate('Ngày chuyển').optional(),
  /** An issued document's date, corrected within its year (the number stays: a wrong number is cancelled). */
  issueDate: isoDate('Ngày ban hành').optional(),
  /** Required when the issue date changes; kept in the audit log. */
  reason: optionalText('Lý do sửa', 1000),
});

const unitRef = z.object({ id: z.number(), name: z.string() });

export const outgoingSchema = z.object({
  id: z.number(),
  registerId: z.number(),
  registerName: z.string(),
  status: z.enum(outgoingStatuses),
  year: z.number().nullable(),
  number: z.number().nullable(),
  numberText: z.string().nullable(),
  notation: z.string().nullable(),
  issueDate: z.string().nullable(),
  documentType: z.string(),
  documentTypeName: z.string(),
  subject: z.string(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signingAuthority: z.enum(signingAuthorities).nullable(),
  draftingUnit: unitRef.extend({ abbreviation: z.string().nullable() }).nullable(),
  drafterInitials: z.string().nullable(),
  recipients: z.array(z.object({ unitId: z.number().nullable(), name: z.string() })),
  copies: z.number().nullable(),
  urgency: z.enum(urgencies).nullable(),
  secrecy: z.enum(secrecies).nullable(),
  /** "Lưu: VT, NKS(PAD)." — derived from the drafting unit and the drafter. */
  archiveLine: z.string(),
  replyTo: z.array(z.object({ id: z.number(), notation: z.string().nullable(), arrivalNumber: z.number() })),
  transferDate: z.string().nullable(),
  cancelReason: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Outgoing = z.infer<typeof outgoingSchema>;

export const outgoingSortFields = ['issueDate', 'number', 'subject', 'createdAt'] as const;

export const outgoingListInput = z.object({
  from: optionalIsoDate('Từ ngày'),
  to: optionalIsoDate('Đến ngày'),
  registerId: optionalId('Sổ đăng ký'),
  documentType: optionalText('Loại văn bản', 10),
  unitId: optionalId('Đơn vị soạn thảo'),
  status: oneOf('Tình trạng', outgoingStatuses).nullish(),
  urgency: oneOf('Độ khẩn', urgencies).nullish(),
  secrecy: oneOf('Độ mật', secrecies).nullish(),
  q: optionalText('Từ khóa', 300),
  page: int('Trang', 1, 1_000_000).default(1),
  pageSize: int('Số dòng mỗi trang', 1, 500).default(50),
  sort: oneOf('Sắp xếp theo', outgoingSortFields).default('number'),
  dir: oneOf('Chiều sắp xếp', ['asc', 'desc'] as const).default('desc'),
});
export type OutgoingListInput = z.input<typeof outgoingListInput>;

export const outgoingContracts = {
  'outgoing.createDraft': method({
    summary: 'Tạo văn bản đi (chưa có số): loại văn bản theo chữ viết tắt (BC, KH, QĐ…) hoặc CV cho công văn',
    input: outgoingCreateDraftInput,
    output: outgoingSchema,
  }),
  'outgoing.update': method({ summary: 'Sửa văn bản đi (sửa ngày ban hành của văn bản đã cấp số cần ghi lý do)', input: outgoingUpdateInput, output: outgoingSchema }),
  'outgoing.issue': method({
    summary: 'Cấp số và ngày ban hành, ghép số ký hiệu (số/LOẠI-CƠQUAN hoặc số/CƠQUAN-ĐƠNVỊ với công văn)',
    input: z.object({ id: id('Mã văn bản'), issueDate: isoDate('Ngày ban hành') }),
    output: outgoingSchema,
  }),
  'outgoing.cancelNumber': method({
    summary: 'Hủy số đã cấp (số vẫn được giữ trong sổ, không cấp lại)',
    input: z.object({ id: id('Mã văn bản'), reason: text('Lý do hủy số', 1000) }),
    output: outgoingSchema,
  }),
  'outgoing.markSent': method({
    summary: 'Ghi nhận đã chuyển phát văn bản đi',
    input: z.object({ id: id('Mã văn bản'), transferDate: isoDate('Ngày chuyển') }),
    output: outgoingSchema,
  }),
  'outgoing.get': method({ summary: 'Một văn bản đi', mode: 'read', input: z.object({ id: id('Mã văn bản') }), output: outgoingSchema }),
  'outgoing.list': method({
    summary: 'Danh sách văn bản đi: lọc, sắp xếp, phân trang (mặc định năm nay)',
    mode: 'read',
    input: outgoingListInput,
    output: z.object({ items: z.array(outgoingSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
  }),
};
