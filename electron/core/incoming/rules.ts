/**
 * The handling status of an incoming document, from its dates and today
 * (never stored). Declared once: each status is the conjunction of the
 * conditions below, and the statuses exclude one another, so the TypeScript
 * rule and the SQL filter (incoming/store.ts) are both read off this table.
 * Without a deadline a finished document is simply done.
 */
import type { IncomingStatus } from '../../../shared/documents/fields';

/** The facts a status is made of. */
export type IncomingCondition = 'open' | 'completed' | 'lateToday' | 'notLateToday' | 'assigned' | 'unassigned' | 'noDeadline' | 'completedOnTime' | 'completedLate';

export const incomingStatusRule: Readonly<Record<IncomingStatus, readonly IncomingCondition[]>> = {
  overdue: ['open', 'lateToday'],
  unassigned: ['open', 'notLateToday', 'unassigned'],
  in_progress: ['open', 'notLateToday', 'assigned'],
  done_on_time: ['completed', 'completedOnTime'],
  done_late: ['completed', 'completedLate'],
  done: ['completed', 'noDeadline'],
};

export interface IncomingDates {
  deadline: string | null;
  completedAt: string | null;
  leadUnitId: number | null;
  assignedAt?: string | null;
}

/** Each condition in TypeScript; store.ts says the same in SQL (a unit test holds them together). */
export const incomingConditionHolds: Readonly<Record<IncomingCondition, (d: IncomingDates, today: string) => boolean>> = {
  open: (d) => !d.completedAt,
  completed: (d) => !!d.completedAt,
  lateToday: (d, today) => !!d.deadline && d.deadline < today,
  notLateToday: (d, today) => !d.deadline || d.deadline >= today,
  // Given to a unit, or directed (an instruction or a deadline) without one yet.
  assigned: (d) => d.leadUnitId !== null || !!d.assignedAt,
  unassigned: (d) => d.leadUnitId === null && !d.assignedAt,
  noDeadline: (d) => !d.deadline,
  completedOnTime: (d) => !!d.deadline && !!d.completedAt && d.completedAt <= d.deadline,
  completedLate: (d) => !!d.deadline && !!d.completedAt && d.completedAt > d.deadline,
};

const statuses = Object.keys(incomingStatusRule) as IncomingStatus[];

export function incomingStatus(d: IncomingDates, today: string): IncomingStatus {
  const found = statuses.find((s) => incomingStatusRule[s].every((c) => incomingConditionHolds[c](d, today)));
  // The table covers every combination of dates; reaching here is a bug in it.
  if (!found) throw new Error(`Tình trạng văn bản đến không xác định: ${JSON.stringify(d)}`);
  return found;
}
