/**
 * A task occurrence's status, computed from its dates and today, never
 * stored: what is "due soon" today is "overdue" next week. The database list
 * applies the same rules in SQL (db/tasks.ts), tested against this function.
 */
import { addWorkingDays, type WorkCalendar } from '../workdays';

export const taskStatuses = ['not_due', 'due_soon', 'overdue', 'done_on_time', 'done_late', 'paused', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_due: 'Chưa đến hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  paused: 'Tạm dừng',
  cancelled: 'Đã hủy',
};

export const taskStates = ['active', 'paused', 'cancelled'] as const;
export type TaskState = (typeof taskStates)[number];

export interface StatusFacts {
  state: TaskState;
  /** null: "thường xuyên", no deadline. */
  due: string | null;
  /** ISO date the work was done, or null. */
  completedAt: string | null;
}

/** The last day that still counts as "due soon": today plus the configured working days. */
export function dueSoonUntil(today: string, workingDays: number, cal: WorkCalendar): string {
  return addWorkingDays(today, workingDays, cal);
}

export function taskStatus(f: StatusFacts, today: string, soonUntil: string): TaskStatus {
  if (f.state === 'cancelled') return 'cancelled';
  if (f.completedAt !== null) return f.due === null || f.completedAt <= f.due ? 'done_on_time' : 'done_late';
  if (f.state === 'paused') return 'paused';
  if (f.due === null) return 'not_due';
  if (f.due < today) return 'overdue';
  if (f.due <= soonUntil) return 'due_soon';
  return 'not_due';
}
