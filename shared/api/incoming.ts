import { z } from 'zod';
import { method } from './define';
import { incomingStatuses, receivedVias, secrecies, urgencies } from '../documents/fields';
import { bool, id, int, isoDate, oneOf, optionalId, optionalIsoDate, optionalText, text, unitIds } from '../validation';



/** Every field a clerk may fill in when registering; handling may also be set at once. */
const incomingFields = {
  registerId: optionalId('Sổ đăng ký'),
  arrivalDate: isoDate('Ngày đến'),
  senderUnitId: optionalId('Cơ quan gửi'),
  senderName: text('Tác giả (cơ quan gửi)', 300),
  notation: optionalText('Số, ký hiệu', 100),
  documentType: optionalText('Loại văn bản', 10),
  documentDate: optionalIsoDate('Ngày văn bản'),
  subject: text('Trích yếu', 3000),
  signerName: optionalText('Người ký', 200),
  urgency: oneOf('Độ khẩn', urgencies).nullish(),
  secrecy: oneOf('Độ mật', secrecies).nullish(),
  pages: int('Số trang', 1, 100000).nullish(),
  receivedVia: oneOf('Hình thức nhận', receivedVias).nullish(),
  recipientText: optionalText('Đơn vị hoặc người nhận', 300),
  transferDate: optionalIsoDate('Ngày chuyển'),
  note: optionalText('Ghi chú', 3000),
  instruction: optionalText('Ý kiến chỉ đạo', 3000),
  leadUnitId: optionalId('Đơn vị chủ trì'),
  coordinatingUnitIds: unitIds('Đơn vị phối hợp').optional(),
  deadline: optionalIsoDate('Hạn xử lý'),
};

export const incomingRegisterInput = z.object({
  ...incomingFields,
  /** Kept from an imported register; otherwise the next number is allocated. */
  arrivalNumber: int('Số đến', 1, 10_000_000).optional(),
  confirmDuplicate: bool('Xác nhận trùng').optional(),
  /** documents.read's text of a scan: kept for full-text search, not shown. */
  recognisedText: optionalText('Chữ nhận dạng từ bản quét', 200_000),
});
export type IncomingRegisterInput = z.input<typeof incomingRegisterInput>;

const partial = Object.fromEntries(Object.entries(incomingFields).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof incomingFields]: z.ZodOptional<(typeof incomingFields)[K]>;
};
export const incomingUpdateInput = z.object({
  id: id('Mã văn bản'),
  ...partial,
  arrivalNumber: int('Số đến', 1, 10_000_000).optional(),
  /** Required when the arrival number or date changes; kept in the audit log. */
  reason: optionalText('Lý do sửa', 1000),
  confirmDuplicate: bool('Xác nhận trùng').optional(),
});

const unitRef = z.object({ id: z.number(), name: z.string() });

export const incomingSchema = z.object({
  id: z.number(),
  registerId: z.number(),
  registerName: z.string(),
  year: z.number(),
  arrivalNumber: z.number(),
  arrivalNumberText: z.string(),
  arrivalDate: z.string(),
  senderUnitId: z.number().nullable(),
  senderName: z.string(),
  notation: z.string().nullable(),
  documentNumber: z.number().nullable(),
  documentType: z.string().nullable(),
  documentTypeName: z.string().nullable(),
  documentDate: z.string().nullable(),
  subject: z.string(),
  signerName: z.string().nullable(),
  urgency: z.enum(urgencies).nullable(),
  secrecy: z.enum(secrecies).nullable(),
  pages: z.number().nullable(),
  receivedVia: z.enum(receivedVias).nullable(),
  recipientText: z.string().nullable(),
  transferDate: z.string().nullable(),
  note: z.string().nullable(),
  instruction: z.string().nullable(),
  leadUnit: unitRef.nullable(),
  coordinatingUnits: z.array(unitRef),
  deadline: z.string().nullable(),
  completedAt: z.string().nullable(),
  replyOutgoingId: z.number().nullable(),
  replyNotation: z.string().nullable(),
  status: z.enum(incomingStatuses),
  overdue: z.boolean(),
  /** Where it came from when registered from the intake queue ("Thư điện tử từ … lúc …", "Thư mục máy quét: …"); null otherwise. */
  origin: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incoming = z.infer<typeof incomingSchema>;

export const incomingSortFields = ['arrivalDate', 'arrivalNumber', 'documentDate', 'senderName', 'subject', 'deadline'] as const;

export const incomingListInput = z.object({
  from: optionalIsoDate('Từ ngày'),
  to: optionalIsoDate('Đến ngày'),
  registerId: optionalId('Sổ đăng ký'),
  sender: optionalText('Cơ quan gửi', 300),
  documentType: optionalText('Loại văn bản', 10),
  unitId: optionalId('Đơn vị xử lý'),
  status: oneOf('Tình trạng', incomingStatuses).nullish(),
  urgency: oneOf('Độ khẩn', urgencies).nullish(),
  secrecy: oneOf('Độ mật', secrecies).nullish(),
  q: optionalText('Từ khóa', 300),
  page: int('Trang', 1, 1_000_000).default(1),
  pageSize: int('Số dòng mỗi trang', 1, 500).default(50),
  sort: oneOf('Sắp xếp theo', incomingSortFields).default('arrivalNumber'),
  dir: oneOf('Chiều sắp xếp', ['asc', 'desc'] as const).default('desc'),
});
export type IncomingListInput = z.input<typeof incomingListInput>;

export const incomingContracts = {
  'incoming.register': method({
    summary: 'Vào sổ văn bản đến: cấp số đến, cảnh báo trùng (cùng cơ quan gửi, số ký hiệu, ngày văn bản)',
    input: incomingRegisterInput,
    output: incomingSchema,
  }),
  'incoming.update': method({ summary: 'Sửa văn bản đến đã vào sổ (sửa số đến, ngày đến cần ghi lý do)', input: incomingUpdateInput, output: incomingSchema }),
  'incoming.get': method({ summary: 'Một văn bản đến', mode: 'read', input: z.object({ id: id('Mã văn bản') }), output: incomingSchema }),
  'incoming.list': method({
    summary: 'Danh sách văn bản đến: lọc theo kỳ, sổ, cơ quan gửi, loại, đơn vị, tình trạng, độ khẩn, độ mật, từ khóa; sắp xếp, phân trang (mặc định năm nay)',
    mode: 'read',
    input: incomingListInput,
    output: z.object({
      items: z.array(incomingSchema),
      total: z.number(),
      /** False when free text matched more than SEARCH_COUNT_CAP documents of the filter: `total` is the cap, more follow ("hơn 1.000"). */
      totalExact: z.boolean(),
      page: z.number(),
      pageSize: z.number(),
    }),
  }),
  'incoming.assign': method({
    summary: 'Giao xử lý: ý kiến chỉ đạo, đơn vị chủ trì, đơn vị phối hợp, hạn xử lý',
    input: z.object({
      id: id('Mã văn bản'),
      instruction: optionalText('Ý kiến chỉ đạo', 3000),
      leadUnitId: id('Đơn vị chủ trì'),
      coordinatingUnitIds: unitIds('Đơn vị phối hợp').default([]),
      deadline: optionalIsoDate('Hạn xử lý'),
      transferDate: optionalIsoDate('Ngày chuyển'),
    }),
    output: incomingSchema,
  }),
  'incoming.complete': method({
    summary: 'Ghi nhận hoàn thành xử lý văn bản đến (ngày, văn bản trả lời)',
    input: z.object({ id: id('Mã văn bản'), completedAt: isoDate('Ngày hoàn thành'), replyOutgoingId: optionalId('Văn bản trả lời') }),
    output: incomingSchema,
  }),
  'incoming.checkDuplicate': method({
    summary: 'Kiểm tra trước khi vào sổ: đã có văn bản cùng cơ quan gửi, số, ký hiệu và ngày chưa',
    mode: 'read',
    input: z.object({
      senderName: incomingFields.senderName,
      notation: text('Số, ký hiệu', 100),
      documentDate: isoDate('Ngày văn bản'),
      /** The document being corrected, which is no duplicate of itself. */
      exceptId: optionalId('Văn bản đang sửa'),
    }),
    output: z.object({
      duplicate: z.boolean(),
      /** What the form shows; a document the user may not see is neither named nor numbered. */
      message: z.string().nullable(),
      existingId: z.number().nullable(),
    }),
  }),
  'incoming.senders': method({
    summary: 'Gợi ý cơ quan gửi: cơ quan bên ngoài và các tên đã dùng',
    mode: 'read',
    input: z.object({ q: optionalText('Từ khóa', 200), limit: int('Số gợi ý', 1, 50).default(10) }),
    output: z.object({ items: z.array(z.object({ name: z.string(), unitId: z.number().nullable(), uses: z.number() })) }),
  }),
};
