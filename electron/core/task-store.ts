/** Loading a task with its occurrences, and keeping occurrences in step with its deadline or recurrence. */
import { getSetting, putSetting } from '../../db/settings';
import { writeAudit } from '../../db/audit';
import type { StatusClock, TaskListRow } from './tasks/store';
import { fieldError } from '../../shared/api/errors';
import type { Task } from '../../shared/api/tasks';
import { formatDocNumber } from '../../shared/documents/notation';
import { describeRecurrence, occurrenceHorizon, occurrencesBetween, parseRecurrence, type Recurrence } from '../../shared/tasks/recurrence';
import { dueSoonUntil, taskStatus } from '../../shared/tasks/status';
import type { WorkCalendar } from '../../shared/workdays';
import { HIDDEN_SOURCE, taskAccess } from './access';
import { loadCalendar } from './calendar/handlers';
import type { CallContext } from './context';

const DUE_SOON_KEY = 'tasks.dueSoonDays';
export const DEFAULT_DUE_SOON_DAYS = 3;

export async function dueSoonDays(ctx: CallContext): Promise<number> {
  const n = await getSetting<number>(ctx.db, DUE_SOON_KEY);
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_DUE_SOON_DAYS;
}

export async function setDueSoonDays(ctx: CallContext, n: number): Promise<void> {
  await putSetting(ctx.db, DUE_SOON_KEY, n);
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

/** The source of a listed task (db/tasks' row), hidden when it is a document the caller may not see. */
export function rowSourceLabel(r: TaskListRow): string | null {
  return sourceLabel({ incomingNotation: r.source_incoming_notation, incomingNumber: r.source_incoming_number, outgoingNotation: r.source_outgoing_notation, text: r.source_text, hidden: !!r.source_hidden });
}

export async function loadTask(ctx: CallContext, id: number): Promise<Task> {
  const access = taskAccess(ctx.user);
  const t = await ctx.db
    .selectFrom('tasks as t')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    // A source the caller may not see joins as nothing: neither its notation nor its subject is read.
    .leftJoin('incoming as si', (j) => j.onRef('si.id', '=', 't.source_incoming_id').on(access.incomingSource))
    .leftJoin('outgoing as so', (j) => j.onRef('so.id', '=', 't.source_outgoing_id').on(access.outgoingSource))
    .selectAll('t')
    .select(['u.name as unit_name', 'si.id as si_id', 'si.notation as si_notation', 'si.arrival_number as si_number', 'si.subject as si_subject'])
    .select(['so.id as so_id', 'so.notation as so_notation', 'so.subject as so_subject'])
    .where('t.id', '=', id)
    .where('t.deleted_at', 'is', null)
    .where(access.row)
    .executeTakeFirst();
  if (!t) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy nhiệm vụ mã ${id}.`);
  const hidden = (t.source_incoming_id !== null && t.si_id === null) || (t.source_outgoing_id !== null && t.so_id === null);
  const [coordinators, occurrences] = await Promise.all([
    ctx.db.selectFrom('task_coordinators as c').innerJoin('units as u', 'u.id', 'c.unit_id').select(['u.id', 'u.name']).where('c.task_id', '=', id).orderBy('u.sort_order').execute(),
    ctx.db.selectFrom('task_occurrences').selectAll().where('task_id', '=', id).orderBy('due_date').orderBy('id').execute(),
  ]);
  const occIds = occurrences.map((o) => o.id);
  const [progress, reminders] = occIds.length
    ? await Promise.all([
        ctx.db.selectFrom('task_progress').selectAll().where('occurrence_id', 'in', occIds).orderBy('report_date').orderBy('id').execute(),
        ctx.db.selectFrom('task_reminders').selectAll().where('occurrence_id', 'in', occIds).orderBy('reminder_date').orderBy('id').execute(),
      ])
    : [[], []];
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
    createdAt: t.created_at,
    updatedAt: t.updated_at,
  };
}

interface Planned {
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

/**
 * Brings a task's occurrences to the plan: new periods are added, planned
 * ones re-dated, and open periods no longer planned removed unless someone
 * already reported on them (what was entered is never dropped).
 */
export async function syncOccurrences(ctx: CallContext, taskId: number, planned: Planned[]): Promise<void> {
  const existing = await ctx.db.selectFrom('task_occurrences').selectAll().where('task_id', '=', taskId).execute();
  const keep = new Set(planned.map((p) => p.periodKey));
  for (const p of planned) {
    const e = existing.find((x) => x.period_key === p.periodKey);
    if (!e) {
      await ctx.db.insertInto('task_occurrences').values({ task_id: taskId, period_key: p.periodKey, period_label: p.periodLabel, due_date: p.due, completed_at: null, result: null, created_at: ctx.now() }).execute();
    } else if (e.due_date !== p.due) {
      await ctx.db.updateTable('task_occurrences').set({ due_date: p.due, period_label: p.periodLabel }).where('id', '=', e.id).execute();
    }
  }
  for (const e of existing) {
    if (keep.has(e.period_key) || e.completed_at !== null) continue;
    const used = await ctx.db.selectFrom('task_progress').select('id').where('occurrence_id', '=', e.id).executeTakeFirst();
    const reminded = await ctx.db.selectFrom('task_reminders').select('id').where('occurrence_id', '=', e.id).executeTakeFirst();
    if (!used && !reminded) await ctx.db.deleteFrom('task_occurrences').where('id', '=', e.id).execute();
  }
}

/** The occurrence a progress report or completion is about: the one named, else the earliest open one. */
export async function pickOccurrence(ctx: CallContext, taskId: number, occurrenceId: number | null): Promise<number> {
  let q = ctx.db.selectFrom('task_occurrences').select(['id', 'completed_at']).where('task_id', '=', taskId);
  if (occurrenceId !== null) q = q.where('id', '=', occurrenceId);
  else q = q.where('completed_at', 'is', null).orderBy('due_date').orderBy('id');
  const r = await q.executeTakeFirst();
  if (!r) {
    throw occurrenceId !== null
      ? fieldError('VALIDATION', 'occurrenceId', `Kỳ thực hiện mã ${occurrenceId} không thuộc nhiệm vụ này.`)
      : fieldError('VALIDATION', 'occurrenceId', 'Nhiệm vụ không còn kỳ nào chưa hoàn thành.');
  }
  return r.id;
}

export async function auditTask(ctx: CallContext, id: number, before: Task | null, after: Task): Promise<void> {
  await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'tasks', entityId: id, before, after });
}
