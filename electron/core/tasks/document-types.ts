/**
 * What the task documents print: the meeting-conclusion notice (layout of
 * seed 002), the per-unit reminder list and the task report. Plain data, so
 * the writers can be tested without a database.
 */
import type { AgencyHeader, SignatureBlock } from '../document-blocks/types';

export interface ConclusionTask {
  content: string;
  /** ISO date or null; printed only when the content does not already say it. */
  deadline: string | null;
}

export interface MeetingConclusionDoc {
  agency: AgencyHeader;
  /** The number once issued, else null: "Số:      /TB-STNMT" is left blank to fill by hand. */
  number: number | null;
  /** ISO date of the notice, or null to leave "ngày    tháng    năm" blank. */
  date: string | null;
  /** Second title line, e.g. "Kết luận của Giám đốc Sở … tại cuộc họp giao ban …" */
  title: string;
  /** Opening paragraphs (date of the meeting, who chaired, who attended). */
  intro: string[];
  /** Tasks for all units, numbered "1-", "2-"… under "Nhiệm vụ chung". */
  generalTasks: ConclusionTask[];
  /** Tasks per unit, each group a heading and items numbered "1-" from one. */
  unitGroups: { unitName: string; tasks: ConclusionTask[] }[];
  /** Closing sentence, e.g. "Căn cứ nội dung kết luận nêu trên, đề nghị …/." */
  closing: string;
  /** Lines of "Nơi nhận:" without the leading dash; "Lưu: VT, VP." last. */
  recipients: string[];
  signature: SignatureBlock;
}

export const taskStatusColumns = [
  ['not_due', 'Chưa đến hạn'],
  ['due_soon', 'Sắp đến hạn'],
  ['overdue', 'Quá hạn'],
  ['done_on_time', 'Hoàn thành đúng hạn'],
  ['done_late', 'Hoàn thành quá hạn'],
  ['paused', 'Tạm dừng'],
  ['cancelled', 'Đã hủy'],
] as const;

export type TaskStatusKey = (typeof taskStatusColumns)[number][0];

export interface OverdueLine {
  unitName: string;
  content: string;
  /** "Công văn 1237/UBND-CN ngày 25/5/2021" or the registered document's notation. */
  source: string | null;
  deadline: string;
  /** Working days past the deadline as of the report date. */
  daysOverdue: number;
  lastProgress: string | null;
}

export interface TaskReportDoc {
  agency: AgencyHeader;
  from: string;
  to: string;
  /** The day the figures were computed (statuses depend on it). */
  asOf: string;
  /** One row per unit, in the agency's unit order; "Không giao đơn vị" for tasks without a lead unit. */
  byUnit: { unitName: string; counts: Record<TaskStatusKey, number>; total: number }[];
  overdue: OverdueLine[];
}

export interface ReminderLine {
  content: string;
  source: string | null;
  deadline: string | null;
  /** "Quá hạn 5 ngày làm việc", "Còn 2 ngày làm việc" */
  statusText: string;
  lastProgress: string | null;
}

export interface ReminderListDoc {
  agency: AgencyHeader;
  unitName: string;
  date: string;
  lines: ReminderLine[];
  signature: SignatureBlock;
}
