import { z } from 'zod';
import { method } from './define';
import { id, int, isoDate, oneOf, optionalId, optionalIsoDate, optionalText, text } from '../validation';

export const tthcChannels = ['direct', 'online3', 'online4', 'post'] as const;
export const tthcChannelLabels: Record<(typeof tthcChannels)[number], string> = {
  direct: 'Trực tiếp',
  online3: 'Trực tuyến mức độ 3',
  online4: 'Trực tuyến mức độ 4',
  post: 'Bưu chính công ích',
};
export const applicantKinds = ['person', 'organisation'] as const;
export const tthcStatuses = ['in_progress', 'in_progress_late', 'solved_on_time', 'solved_late', 'withdrawn'] as const;
export type TthcStatus = (typeof tthcStatuses)[number];
export const tthcStatusLabels: Record<TthcStatus, string> = {
  in_progress: 'Đang giải quyết (trong hạn)',
  in_progress_late: 'Đang giải quyết (quá hạn)',
  solved_on_time: 'Đã giải quyết đúng hạn',
  solved_late: 'Đã giải quyết quá hạn',
  withdrawn: 'Đã rút hồ sơ',
};

export const procedureSchema = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  field: z.string(),
  processingDays: z.number(),
  fee: z.string().nullable(),
});
export type Procedure = z.infer<typeof procedureSchema>;

const procedureInput = {
  code: optionalText('Mã thủ tục', 50),
  name: text('Tên thủ tục', 1000),
  field: text('Lĩnh vực', 200),
  processingDays: int('Thời hạn giải quyết (ngày làm việc)', 1, 365),
  fee: optionalText('Phí, lệ phí', 500),
};

const dossierFields = {
  procedureId: id('Thủ tục'),
  applicantName: text('Tổ chức, cá nhân nộp hồ sơ', 300),
  applicantKind: oneOf('Loại người nộp', applicantKinds),
  applicantAddress: optionalText('Địa chỉ', 500),
  applicantPhone: optionalText('Số điện thoại', 30),
  receivedAt: isoDate('Ngày tiếp nhận'),
  channel: oneOf('Hình thức nộp', tthcChannels),
  handlingUnitId: optionalId('Đơn vị giải quyết'),
  note: optionalText('Ghi chú', 2000),
};

export const tthcRegisterInput = z.object({
  /** Left empty, the code is made from the date and a running number, as the one-stop system does. */
  code: optionalText('Mã hồ sơ', 60),
  ...dossierFields,
});

export const tthcDossierSchema = z.object({
  id: z.number(),
  code: z.string(),
  procedure: procedureSchema,
  applicantName: z.string(),
  applicantKind: z.enum(applicantKinds),
  applicantAddress: z.string().nullable(),
  applicantPhone: z.string().nullable(),
  receivedAt: z.string(),
  channel: z.enum(tthcChannels),
  handlingUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  dueDate: z.string(),
  resultDate: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  newDueDate: z.string().nullable(),
  delayReason: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(tthcStatuses),
});
export type TthcDossier = z.infer<typeof tthcDossierSchema>;

export const tthcStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  received: z.number(),
  carriedOver: z.number(),
  solvedOnTime: z.number(),
  solvedLate: z.number(),
  inProgressOnTime: z.number(),
  inProgressLate: z.number(),
  withdrawn: z.number(),
  online: z.number(),
});
export type TthcStats = z.infer<typeof tthcStatsSchema>;

const period = { from: isoDate('Từ ngày'), to: isoDate('Đến ngày') };
const periodOrder = { message: 'Đến ngày phải sau hoặc bằng Từ ngày.', path: ['to'] };

export const tthcListInput = z.object({
  from: optionalIsoDate('Nhận từ ngày'),
  to: optionalIsoDate('Nhận đến ngày'),
  status: oneOf('Tình trạng', tthcStatuses).nullish(),
  procedureId: optionalId('Thủ tục'),
  unitId: optionalId('Đơn vị giải quyết'),
  q: optionalText('Từ khóa', 200),
  page: int('Trang', 1, 1_000_000).default(1),
  pageSize: int('Số dòng mỗi trang', 1, 500).default(50),
});

export const tthcContracts = {
  'tthc.procedures': method({ summary: 'Danh mục thủ tục hành chính', mode: 'read', input: z.object({}), output: z.object({ items: z.array(procedureSchema) }) }),
  'tthc.addProcedure': method({ summary: 'Thêm thủ tục vào danh mục (tên, lĩnh vực, thời hạn giải quyết, phí)', input: z.object(procedureInput), output: procedureSchema }),
  'tthc.register': method({
    summary: 'Tiếp nhận hồ sơ thủ tục hành chính; hạn trả kết quả tính theo ngày làm việc',
    input: tthcRegisterInput,
    output: tthcDossierSchema,
  }),
  'tthc.update': method({
    summary: 'Sửa thông tin hồ sơ thủ tục hành chính',
    input: z.object(dossierFields).partial().extend({ id: id('Mã hồ sơ') }),
    output: tthcDossierSchema,
  }),
  'tthc.get': method({ summary: 'Một hồ sơ thủ tục hành chính', mode: 'read', input: z.object({ id: id('Mã hồ sơ') }), output: tthcDossierSchema }),
  'tthc.list': method({
    summary: 'Danh sách hồ sơ thủ tục hành chính: lọc theo ngày nhận, tình trạng, thủ tục, đơn vị, từ khóa',
    mode: 'read',
    input: tthcListInput,
    output: z.object({ items: z.array(tthcDossierSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
  }),
  'tthc.complete': method({ summary: 'Trả kết quả hồ sơ', input: z.object({ id: id('Mã hồ sơ'), resultDate: isoDate('Ngày trả kết quả') }), output: tthcDossierSchema }),
  'tthc.withdraw': method({
    summary: 'Ghi nhận tổ chức, cá nhân rút hồ sơ',
    input: z.object({ id: id('Mã hồ sơ'), date: isoDate('Ngày rút hồ sơ'), reason: optionalText('Lý do', 1000) }),
    output: tthcDossierSchema,
  }),
  'tthc.postpone': method({
    summary: 'Hẹn lại ngày trả kết quả cho hồ sơ quá hạn (kèm phiếu xin lỗi)',
    input: z.object({ id: id('Mã hồ sơ'), newDueDate: isoDate('Ngày hẹn trả mới'), reason: text('Lý do chậm trả', 1000) }),
    output: tthcDossierSchema,
  }),
  'tthc.stats': method({
    summary: 'Số liệu kỳ báo cáo: tiếp nhận mới, kỳ trước chuyển sang, đã giải quyết đúng hạn/quá hạn, đang giải quyết trong hạn/quá hạn, trực tuyến',
    mode: 'read',
    input: z.object(period).refine((v) => v.from <= v.to, periodOrder),
    output: tthcStatsSchema,
  }),
};
