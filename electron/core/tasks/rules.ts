/**
 * A task occurrence's status, computed from its dates and today, never
 * stored: what is "due soon" today is "overdue" next week. The rule is
 * declared once here as data; the store turns the same declaration into the
 * SQL CASE that lists, counts and filters by status, and `taskStatus` reads it
 * in TypeScript, so the two cannot drift apart (test/unit/tasks-status-sql.test.ts).
 */
import { formatDocNumber } from '../../../shared/documents/notation';
import { occurrenceHorizon, occurrencesBetween, parseRecurrence, type Recurrence } from '../../../shared/tasks/recurrence';
import type { TaskState, TaskStatus } from '../../../shared/tasks/status';
import { addWorkingDays, type WorkCalendar } from '../../../shared/workdays';
import { HIDDEN_SOURCE } from '../access';

export interface StatusFacts {
  state: TaskState;
  /** null: "thường xuyên", no deadline. */
  due: string | null;
  /** ISO date the work was done, or null. */
  completedAt: string | null;
}

export interface StatusClock {
  today: string;
  /** Last day counted as due soon (today + N working days). */
  soonUntil: string;
}

export type DateFact = 'due' | 'completedAt';
/** A date compared: an occurrence's own date or one of the clock's. */
export type DateTerm = DateFact | keyof StatusClock;

/** The conditions the rule is made of; small enough to say both in SQL and in TypeScript. */
export type Condition =
  | { state: TaskState }
  | { isNull: DateFact }
  | { notNull: DateFact }
  | { date: DateTerm; is: '<' | '<=' | '>='; than: DateTerm }
  | { any: readonly Condition[] }
  | { all: readonly Condition[] };

/** The status rule: the first case whose condition holds gives the status; none holds: not due. */
export const statusCases: readonly { when: Condition; status: TaskStatus }[] = [
  { when: { state: 'cancelled' }, status: 'cancelled' },
  { when: { all: [{ notNull: 'completedAt' }, { any: [{ isNull: 'due' }, { date: 'completedAt', is: '<=', than: 'due' }] }] }, status: 'done_on_time' },
  { when: { notNull: 'completedAt' }, status: 'done_late' },
  { when: { state: 'paused' }, status: 'paused' },
  { when: { isNull: 'due' }, status: 'not_due' },
  { when: { date: 'due', is: '<', than: 'today' }, status: 'overdue' },
  { when: { date: 'due', is: '<=', than: 'soonUntil' }, status: 'due_soon' },
];
export const otherwiseStatus: TaskStatus = 'not_due';

/**
 * What a status implies about the occurrence in columns an index holds: said
 * beside the rule, so the open ones due before today (overdue, over every
 * year on the home page) are sought in their index instead of reading every
 * occurrence ever. Each must hold whenever the rule gives that status.
 */
export const impliedByStatus: Partial<Record<TaskStatus, Condition>> = {
  overdue: { all: [{ isNull: 'completedAt' }, { date: 'due', is: '<', than: 'today' }] },
  due_soon: { all: [{ isNull: 'completedAt' }, { date: 'due', is: '>=', than: 'today' }, { date: 'due', is: '<=', than: 'soonUntil' }] },
};

function term(t: DateTerm, f: StatusFacts, c: StatusClock): string | null {
  return t === 'due' ? f.due : t === 'completedAt' ? f.completedAt : c[t];
}

/** The condition read in TypeScript; a comparison with a missing date is false, as in SQL. */
export function holds(cond: Condition, f: StatusFacts, c: StatusClock): boolean {
  if ('state' in cond) return f.state === cond.state;
  if ('isNull' in cond) return f[cond.isNull] === null;
  if ('notNull' in cond) return f[cond.notNull] !== null;
  if ('any' in cond) return cond.any.some((x) => holds(x, f, c));
  if ('all' in cond) return cond.all.every((x) => holds(x, f, c));
  const [a, b] = [term(cond.date, f, c), term(cond.than, f, c)];
  if (a === null || b === null) return false;
  return cond.is === '<' ? a < b : cond.is === '<=' ? a <= b : a >= b;
}

export function taskStatus(f: StatusFacts, today: string, soonUntil: string): TaskStatus {
  const clock = { today, soonUntil };
  return statusCases.find((k) => holds(k.when, f, clock))?.status ?? otherwiseStatus;
}

/** The last day that still counts as "due soon": today plus the configured working days. */
export function dueSoonUntil(today: string, workingDays: number, cal: WorkCalendar): string {
  return addWorkingDays(today, workingDays, cal);
}

export interface Planned {
  periodKey: string;
  periodLabel: string | null;
  due: string | null;
}

/** The occurrences a deadline or a time text asks for, from the start date to the horizon. */
export function plannedOccurrences(deadline: string | null, recurrence: Recurrence | null, start: string, today: string): Planned[] {
  if (!recurrence) return [{ periodKey: 'once', periodLabel: null, due: deadline }];
  const periodic = occurrencesBetween(recurrence, start, occurrenceHorizon(today > start ? today : start));
  if (periodic.length > 0 || !recurrence.continuous) return periodic;
  return [{ periodKey: 'continuous', periodLabel: 'Thường xuyên', due: null }];
}

export function readRecurrence(timeText: string | null): Recurrence | null {
  return parseRecurrence(timeText);
}

export function sourceLabel(s: {
  incomingNotation: string | null;
  incomingNumber: number | null;
  outgoingNotation: string | null;
  text: string | null;
  hidden: boolean;
}): string | null {
  if (s.hidden) return HIDDEN_SOURCE;
  if (s.incomingNumber !== null) return s.incomingNotation ?? `Văn bản đến số ${formatDocNumber(s.incomingNumber)}`;
  if (s.outgoingNotation !== null) return s.outgoingNotation;
  return s.text;
}
