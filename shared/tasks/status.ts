/**
 * A task occurrence's statuses and the task's states, as every side names
 * them. The rule giving the status is the core's (electron/core/tasks/rules.ts):
 * declared once, read in SQL and in TypeScript.
 */

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
