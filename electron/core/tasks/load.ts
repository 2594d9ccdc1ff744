/** Loading a task with its occurrences, and keeping occurrences in step with its deadline or recurrence. */
import { readAt } from '../../../db/instant';
import { fieldError } from '../../../shared/api/errors';
import type { Task } from '../../../shared/api/tasks';
import type { WorkCalendar } from '../../../shared/workdays';
import { taskAccess } from '../access';
import { loadCalendar } from '../calendar/handlers';
import type { CallContext } from '../context';
import { describeRecurrence, type Recurrence } from '../../../shared/tasks/recurrence';
import { dueSoonUntil, sourceLabel, taskStatus, type Planned, type StatusClock } from './rules';
import type { TaskListRow } from './store';

const DUE_SOON_KEY = 'tasks.dueSoonDays';
export const DEFAULT_DUE_SOON_DAYS = 3;

export async function dueSoonDays(ctx: CallContext): Promise<number> {
  const n = await ctx.stores.settings.get<number>(DUE_SOON_KEY);
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_DUE_SOON_DAYS;
}

export async function setDueSoonDays(ctx: CallContext, n: number): Promise<void> {
  await ctx.stores.settings.put(DUE_SOON_KEY, n);
}

export function workCalendar(ctx: CallContext, today: string): Promise<WorkCalendar> {
  const y = Number(today.slice(0, 4));
  return loadCalendar(ctx, y, y + 1);
}

export async function statusClock(ctx: CallContext): Promise<StatusClock & { days: number }> {
  const today = ctx.today();
  const days = await dueSoonDays(ctx);
  return { today, soonUntil: dueSoonUntil(today, days, await workCalendar(ctx, today)), days };
}

/** The source of a listed task, hidden when it is a document the caller may not see. */
export function rowSourceLabel(r: TaskListRow): string | null {
  return sourceLabel({ incomingNotation: r.source_incoming_notation, incomingNumber: r.source_incoming_number, outgoingNotation: r.source_outgoing_notation, text: r.source_text, hidden: !!r.source_hidden });
}

export async function loadTask(ctx: CallContext, id: number): Promise<Task> {
  const access = taskAccess(ctx.user);
  const t = await ctx.stores.tasks.get(id, access);
  if (!t) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy nhiệm vụ mã ${id}.`);
  const hidden = (t.source_incoming_id !== null && t.si_id === null) || (t.source_outgoing_id !== null && t.so_id === null);
  const [coordinators, occurrences] = await Promise.all([
    ctx.stores.tasks.coordinators(id),
    ctx.stores.tasks.occurrences(id),
  ]);
  const [progress, reminders] = occurrences.length ? await Promise.all([ctx.stores.tasks.progress(id), ctx.stores.tasks.reminders(id)]) : [[], []];
  const clock = await statusClock(ctx);
  const recurrence = t.recurrence_json ? (JSON.parse(t.recurrence_json) as Recurrence) : null;
  return {
    id: t.id,
    content: t.content,
    sourceIncoming: t.si_id !== null && t.source_incoming_id !== null ? { id: t.source_incoming_id, notation: t.si_notation, arrivalNumber: t.si_number ?? 0, subject: t.si_subject ?? '' } : null,
    sourceOutgoing: t.so_id !== null && t.source_outgoing_id !== null ? { id: t.source_outgoing_id, notation: t.so_notation, subject: t.so_subject ?? '' } : null,
    sourceText: t.source_text,
    source: sourceLabel({ incomingNotation: t.si_notation, incomingNumber: t.si_number, outgoingNotation: t.so_notation, text: t.source_text, hidden }),
    assignedBy: t.assigned_by,
    leadUnit: t.lead_unit_id !== null ? { id: t.lead_unit_id, name: t.unit_name ?? '' } : null,
    coordinatingUnits: coordinators,
    person: t.person,
    startDate: t.start_date,
    timeText: t.time_text,
    recurrence: recurrence ? describeRecurrence(recurrence) : null,
    focus: t.focus === 1,
    field: t.field,
    targetQuantity: t.target_quantity,
    targetUnit: t.target_unit,
    inSuperiorProgramme: t.in_superior_programme === 1,
    state: t.state,
    stateReason: t.state_reason,
    note: t.note,
    occurrences: occurrences.map((o) => ({
      id: o.id,
      periodKey: o.period_key,
      periodLabel: o.period_label,
      due: o.due_date,
      completedAt: o.completed_at,
      result: o.result,
      status: taskStatus({ state: t.state, due: o.due_date, completedAt: o.completed_at }, clock.today, clock.soonUntil),
    })),
    progress: progress.map((p) => ({ id: p.id, occurrenceId: p.occurrence_id, date: p.report_date, result: p.result, quantity: p.quantity, percent: p.percent })),
    reminders: reminders.map((r) => ({ id: r.id, occurrenceId: r.occurrence_id, date: r.reminder_date, note: r.note })),
    createdAt: readAt(t.created_at),
    updatedAt: readAt(t.updated_at),
  };
}

/**
 * Brings a task's occurrences to the plan: new periods are added, planned
 * ones re-dated, and open periods no longer planned removed unless someone
 * already reported on them (what was entered is never dropped).
 */
export async function syncOccurrences(ctx: CallContext, taskId: number, planned: Planned[]): Promise<void> {
  const existing = await ctx.stores.tasks.occurrences(taskId);
  const keep = new Set(planned.map((p) => p.periodKey));
  for (const p of planned) {
    const e = existing.find((x) => x.period_key === p.periodKey);
    if (!e) {
      await ctx.stores.tasks.insertOccurrence(taskId, p, ctx.now());
    } else if (e.due_date !== p.due) {
      await ctx.stores.tasks.redateOccurrence(e.id, p.due, p.periodLabel);
    }
  }
  for (const e of existing) {
    if (keep.has(e.period_key) || e.completed_at !== null) continue;
    await ctx.stores.tasks.removeOccurrenceIfUnused(e.id);
  }
}

/** The occurrence a progress report or completion is about: the one named, else the earliest open one. */
export async function pickOccurrence(ctx: CallContext, taskId: number, occurrenceId: number | null): Promise<number> {
  const r = await ctx.stores.tasks.pickOccurrence(taskId, occurrenceId);
  if (!r) {
    throw occurrenceId !== null
      ? fieldError('VALIDATION', 'occurrenceId', `Kỳ thực hiện mã ${occurrenceId} không thuộc nhiệm vụ này.`)
      : fieldError('VALIDATION', 'occurrenceId', 'Nhiệm vụ không còn kỳ nào chưa hoàn thành.');
  }
  return r.id;
}

export async function auditTask(ctx: CallContext, id: number, before: Task | null, after: Task): Promise<void> {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'tasks', entityId: id, before, after });
}
