import { z } from 'zod';
import { method } from './define';
import { exportResultSchema } from './files';
import { tthcStatsSchema } from './tthc';
import { int, optionalText, text } from '../validation';
import { taskStatuses } from '../tasks/status';

const byType = z.array(z.object({ type: z.string().nullable(), name: z.string(), count: z.number() }));
const documents = z.object({
  incoming: z.number(),
  outgoing: z.number(),
  incomingByType: byType,
  outgoingByType: byType,
  /** Of the incoming documents of the period, as of today. */
  incomingHandled: z.object({ onTime: z.number(), late: z.number(), pending: z.number() }),
});

export const monthlyFiguresSchema = z.object({
  period: z.object({ year: z.number(), month: z.number(), from: z.string(), to: z.string() }),
  asOf: z.string(),
  /** The month's figures. */
  month: documents,
  /** From 1 January to the end of the month (lũy kế). */
  yearToDate: documents,
  tasks: z.object({
    byStatus: z.record(z.enum(taskStatuses), z.number()),
    focus: z.array(z.object({ id: z.number(), content: z.string(), unitName: z.string().nullable(), targetQuantity: z.number().nullable(), targetUnit: z.string().nullable(), reached: z.number().nullable(), percent: z.number().nullable() })),
  }),
  tthc: z.object({ month: tthcStatsSchema, yearToDate: tthcStatsSchema, monthDirect: z.number() }),
  workFiles: z.object({ openedInMonth: z.number(), handedOverInMonth: z.number(), handedOverYearToDate: z.number() }),
});
export type MonthlyFigures = z.infer<typeof monthlyFiguresSchema>;

export const dashboardSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  months: z.array(z.object({ month: z.number(), incoming: z.number(), outgoing: z.number(), incomingLastYear: z.number(), outgoingLastYear: z.number() })),
  tasksByUnit: z.array(z.object({ unitId: z.number().nullable(), unitName: z.string(), counts: z.record(z.enum(taskStatuses), z.number()) })),
  overdueTasks: z.array(z.object({ taskId: z.number(), content: z.string(), unitName: z.string().nullable(), due: z.string() })),
  /** Every overdue occurrence, of any year (the task list without a period), of which overdueTasks are the first ten. */
  overdueTaskTotal: z.number(),
  documentsToday: z.array(z.object({ id: z.number(), number: z.string(), notation: z.string().nullable(), subject: z.string(), deadline: z.string() })),
  tthc: z.object({ solvedOnTime: z.number(), solvedLate: z.number(), onTimeRate: z.number().nullable() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const reportSettingsSchema = z.object({ recipients: z.array(z.string()), authority: z.string(), position: z.string(), signerName: z.string() });
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

const period = { year: int('Năm', 2000, 2100), month: int('Tháng', 1, 12) };

export const reportsContracts = {
  'reports.monthly': method({
    summary: 'Số liệu báo cáo tháng và lũy kế từ đầu năm: văn bản đến, đi (theo loại, xử lý đúng hạn/quá hạn), nhiệm vụ, thủ tục hành chính, hồ sơ',
    mode: 'read',
    input: z.object(period),
    output: monthlyFiguresSchema,
  }),
  'reports.dashboard': method({
    summary: 'Trang tổng quan: văn bản đến, đi theo tháng so với năm trước, nhiệm vụ theo đơn vị, việc quá hạn và đến hạn hôm nay, tỷ lệ hồ sơ TTHC đúng hạn',
    mode: 'read',
    input: z.object({ year: int('Năm', 2000, 2100) }),
    output: dashboardSchema,
  }),
  'reports.settings': method({ summary: 'Nơi nhận và người ký của báo cáo tháng', mode: 'read', input: z.object({}), output: reportSettingsSchema }),
  'reports.updateSettings': method({
    summary: 'Đặt nơi nhận và người ký của báo cáo tháng',
    input: z.object({
      recipients: z.array(text('Nơi nhận', 300)).max(30).default([]),
      authority: optionalText('Thẩm quyền ký (KT., TL.)', 100).transform((v) => v ?? ''),
      position: text('Chức vụ người ký', 200),
      signerName: optionalText('Người ký', 200).transform((v) => v ?? ''),
    }),
    output: reportSettingsSchema,
  }),
  'exports.monthlyReport': method({
    summary: 'Báo cáo tháng (Word) theo thể thức Nghị định 30: số liệu tự tính viết thành câu, chỗ trống cho phần nhận xét',
    mode: 'job',
    input: z.object(period),
    output: exportResultSchema,
  }),
};
