import { z } from 'zod';
import { method } from './define';
import { taskStates, taskStatuses } from '../tasks/status';
import { bool, id, int, isoDate, oneOf, optionalId, optionalIsoDate, optionalNumber, optionalText, text, unitIds } from '../validation';

const editable = {
  content: text('Nội dung nhiệm vụ', 5000),
  sourceIncomingId: optionalId('Văn bản đến giao nhiệm vụ'),
  sourceOutgoingId: optionalId('Văn bản đi giao nhiệm vụ'),
  /** A citation when the source is not registered: "Công văn 1237/UBND-CN ngày 25/5/2021". */
  sourceText: optionalText('Nguồn giao', 500),
  assignedBy: optionalText('Người giao', 200),
  leadUnitId: optionalId('Đơn vị chủ trì'),
  coordinatingUnitIds: unitIds('Đơn vị phối hợp'),
  person: optionalText('Người thực hiện', 200),
  startDate: optionalIsoDate('Ngày bắt đầu'),
  deadline: optionalIsoDate('Hạn hoàn thành'),
  /** "hàng năm trước 30/11", "thường xuyên": read into a recurrence; overrides the deadline. */
  timeText: optionalText('Thời hạn (định kỳ)', 300),
  focus: bool('Nhiệm vụ trọng tâm'),
  field: optionalText('Nhóm/lĩnh vực', 200),
  targetQuantity: optionalNumber('Chỉ tiêu (số lượng)', 0, 1e12),
  targetUnit: optionalText('Đơn vị tính của chỉ tiêu', 50),
  inSuperiorProgramme: bool('Đăng ký trong chương trình công tác của cấp trên'),
  note: optionalText('Ghi chú', 3000),
};

export const taskCreateInput = z
  .object({
    ...editable,
    coordinatingUnitIds: editable.coordinatingUnitIds.default([]),
    focus: editable.focus.default(false),
    inSuperiorProgramme: editable.inSuperiorProgramme.default(false),
  })
  .refine((v) => !v.sourceIncomingId || !v.sourceOutgoingId, {
    message: 'Nguồn giao: chọn văn bản đến hoặc văn bản đi, không chọn cả hai.',
    path: ['sourceOutgoingId'],
  });
export type TaskCreateInput = z.input<typeof taskCreateInput>;

const partial = Object.fromEntries(Object.entries(editable).map(([k, v]) => [k, v.optional()])) as {
  [K in keyof typeof editable]: z.ZodOptional<(typeof editable)[K]>;
};
export const taskUpdateInput = z.object({ id: id('Mã nhiệm vụ'), ...partial });

const unitRef = z.object({ id: z.number(), name: z.string() }).nullable();

export const taskOccurrenceSchema = z.object({
  id: z.number(),
  periodKey: z.string(),
  periodLabel: z.string().nullable(),
  due: z.string().nullable(),
  completedAt: z.string().nullable(),
  result: z.string().nullable(),
  status: z.enum(taskStatuses),
});

/** One row of a task list: an occurrence with what its task says. */
export const taskRowSchema = z.object({
  taskId: z.number(),
  occurrenceId: z.number(),
  content: z.string(),
  leadUnit: unitRef,
  person: z.string().nullable(),
  source: z.string().nullable(),
  periodLabel: z.string().nullable(),
  due: z.string().nullable(),
  completedAt: z.string().nullable(),
  status: z.enum(taskStatuses),
  focus: z.boolean(),
  field: z.string().nullable(),
  lastPercent: z.number().nullable(),
  lastProgress: z.string().nullable(),
});
export type TaskRow = z.infer<typeof taskRowSchema>;

export const taskSchema = z.object({
  id: z.number(),
  content: z.string(),
  sourceIncoming: z.object({ id: z.number(), notation: z.string().nullable(), arrivalNumber: z.number(), subject: z.string() }).nullable(),
  sourceOutgoing: z.object({ id: z.number(), notation: z.string().nullable(), subject: z.string() }).nullable(),
  sourceText: z.string().nullable(),
  /** How the source reads in lists and reports. */
  source: z.string().nullable(),
  assignedBy: z.string().nullable(),
  leadUnit: unitRef,
  coordinatingUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  person: z.string().nullable(),
  startDate: z.string().nullable(),
  timeText: z.string().nullable(),
  /** "Hàng năm trước 30/11" when the task recurs, else null. */
  recurrence: z.string().nullable(),
  focus: z.boolean(),
  field: z.string().nullable(),
  targetQuantity: z.number().nullable(),
  targetUnit: z.string().nullable(),
  inSuperiorProgramme: z.boolean(),
  state: z.enum(taskStates),
  stateReason: z.string().nullable(),
  note: z.string().nullable(),
  occurrences: z.array(taskOccurrenceSchema),
  progress: z.array(
    z.object({ id: z.number(), occurrenceId: z.number(), date: z.string(), result: z.string(), quantity: z.number().nullable(), percent: z.number().nullable() }),
  ),
  reminders: z.array(z.object({ id: z.number(), occurrenceId: z.number(), date: z.string(), note: z.string().nullable() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof taskSchema>;

export const taskSourceKinds = ['incoming', 'outgoing', 'text', 'none'] as const;
export const taskSortFields = ['due', 'content', 'unit'] as const;

export const taskListInput = z.object({
  unitId: optionalId('Đơn vị chủ trì'),
  status: oneOf('Tình trạng', taskStatuses).nullish(),
  source: oneOf('Nguồn giao', taskSourceKinds).nullish(),
  sourceIncomingId: optionalId('Văn bản đến giao nhiệm vụ'),
  focus: bool('Nhiệm vụ trọng tâm').nullish(),
  from: optionalIsoDate('Hạn từ ngày'),
  to: optionalIsoDate('Hạn đến ngày'),
  q: optionalText('Từ khóa', 300),
  page: int('Trang', 1, 1_000_000).default(1),
  pageSize: int('Số dòng mỗi trang', 1, 500).default(50),
  sort: oneOf('Sắp xếp theo', taskSortFields).default('due'),
  dir: oneOf('Chiều sắp xếp', ['asc', 'desc'] as const).default('asc'),
});
export type TaskListInput = z.input<typeof taskListInput>;

const occurrencePick = {
  id: id('Mã nhiệm vụ'),
  /** Which period of a recurring task; the earliest open one when left out. */
  occurrenceId: optionalId('Kỳ thực hiện'),
};

export const taskSummarySchema = z.object({
  asOf: z.string(),
  /** The period counted: occurrences due in it, and those without a due date (thường xuyên). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  dueSoonDays: z.number(),
  rows: z.array(z.object({ unitId: z.number().nullable(), unitName: z.string(), counts: z.record(z.enum(taskStatuses), z.number()), total: z.number() })),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const tasksContracts = {
  'tasks.create': method({ summary: 'Giao nhiệm vụ: nội dung, nguồn giao, đơn vị chủ trì, phối hợp, hạn hoặc định kỳ, chỉ tiêu', input: taskCreateInput, output: taskSchema }),
  'tasks.createFromIncoming': method({
    summary: 'Tạo nhiệm vụ theo dõi từ việc giao xử lý một văn bản đến (ý kiến chỉ đạo, đơn vị chủ trì, phối hợp, hạn)',
    input: z.object({ incomingId: id('Văn bản đến'), focus: bool('Nhiệm vụ trọng tâm').default(false) }),
    output: taskSchema,
  }),
  'tasks.update': method({ summary: 'Sửa nhiệm vụ', input: taskUpdateInput, output: taskSchema }),
  'tasks.get': method({ summary: 'Một nhiệm vụ với các kỳ, tiến độ và đôn đốc', mode: 'read', input: z.object({ id: id('Mã nhiệm vụ') }), output: taskSchema }),
  'tasks.list': method({
    summary: 'Danh sách nhiệm vụ (mỗi kỳ một dòng): lọc theo đơn vị, tình trạng, nguồn, hạn, từ khóa',
    mode: 'read',
    input: taskListInput,
    output: z.object({ items: z.array(taskRowSchema), total: z.number(), page: z.number(), pageSize: z.number(), asOf: z.string() }),
  }),
  'tasks.summary': method({
    summary: 'Tổng hợp theo đơn vị: số nhiệm vụ theo tình trạng (hạn trong kỳ)',
    mode: 'read',
    input: z.object({ from: optionalIsoDate('Từ ngày'), to: optionalIsoDate('Đến ngày') }),
    output: taskSummarySchema,
  }),
  'tasks.reportProgress': method({
    summary: 'Báo cáo tiến độ: ngày, kết quả, số lượng đạt, phần trăm',
    input: z.object({
      ...occurrencePick,
      date: isoDate('Ngày báo cáo'),
      result: text('Kết quả thực hiện', 3000),
      quantity: optionalNumber('Số lượng đạt', 0, 1e12),
      percent: optionalNumber('Tỷ lệ hoàn thành (%)', 0, 100),
    }),
    output: taskSchema,
  }),
  'tasks.complete': method({
    summary: 'Ghi nhận hoàn thành một kỳ của nhiệm vụ',
    input: z.object({ ...occurrencePick, date: isoDate('Ngày hoàn thành'), result: optionalText('Kết quả', 3000) }),
    output: taskSchema,
  }),
  'tasks.remind': method({
    summary: 'Ghi nhận đôn đốc (ngày, nội dung)',
    input: z.object({ ...occurrencePick, date: isoDate('Ngày đôn đốc'), note: optionalText('Nội dung đôn đốc', 2000) }),
    output: taskSchema,
  }),
  'tasks.pause': method({ summary: 'Tạm dừng nhiệm vụ', input: z.object({ id: id('Mã nhiệm vụ'), reason: optionalText('Lý do', 1000) }), output: taskSchema }),
  'tasks.resume': method({ summary: 'Tiếp tục nhiệm vụ đã tạm dừng', input: z.object({ id: id('Mã nhiệm vụ') }), output: taskSchema }),
  'tasks.cancel': method({ summary: 'Hủy nhiệm vụ (giữ lại trong sổ, ghi lý do)', input: z.object({ id: id('Mã nhiệm vụ'), reason: text('Lý do hủy', 1000) }), output: taskSchema }),
  'tasks.sources': method({
    summary: 'Các nguồn giao đã ghi (thông báo kết luận, kế hoạch…) với số nhiệm vụ',
    mode: 'read',
    input: z.object({}),
    output: z.object({ items: z.array(z.object({ sourceText: z.string(), tasks: z.number() })) }),
  }),
  'tasks.settings': method({ summary: 'Cài đặt theo dõi nhiệm vụ', mode: 'read', input: z.object({}), output: z.object({ dueSoonDays: z.number() }) }),
  'tasks.updateSettings': method({
    summary: 'Số ngày làm việc trước hạn thì coi là sắp đến hạn',
    input: z.object({ dueSoonDays: int('Số ngày làm việc báo sắp đến hạn', 0, 60) }),
    output: z.object({ dueSoonDays: z.number() }),
  }),
};
