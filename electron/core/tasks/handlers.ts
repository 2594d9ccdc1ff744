/** Tasks: assignment, occurrences per period, progress, completion, reminders, per-unit summary. */
import { storedAt } from '../../../db/instant';
import { AppError, fieldError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/index';
import type { Task, TaskRow, TaskSummary } from '../../../shared/api/tasks';
import { taskStatuses, type TaskStatus } from '../../../shared/tasks/status';
import { foldVietnamese } from '../../../shared/text';
import { taskAccess, visibleIncoming, visibleOutgoing, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits } from '../registers/documents';
import { loadIncoming } from '../incoming/handlers';
import { auditTask, dueSoonDays, loadTask, pickOccurrence, rowSourceLabel, setDueSoonDays, statusClock, syncOccurrences } from './load';
import { plannedOccurrences, readRecurrence } from './rules';
import type { TaskListRow } from './store';

type Editable = Partial<ParsedInput<'tasks.create'>>;

async function checkSources(ctx: CallContext, v: Editable) {
  if (v.sourceIncomingId) {
    if (!(await ctx.stores.tasks.incomingVisible(v.sourceIncomingId, visibleIncoming(ctx.user)))) throw fieldError('VALIDATION', 'sourceIncomingId', `Văn bản đến giao nhiệm vụ: không có văn bản mã ${v.sourceIncomingId}.`);
  }
  if (v.sourceOutgoingId) {
    if (!(await ctx.stores.tasks.outgoingVisible(v.sourceOutgoingId, visibleOutgoing(ctx.user)))) throw fieldError('VALIDATION', 'sourceOutgoingId', `Văn bản đi giao nhiệm vụ: không có văn bản mã ${v.sourceOutgoingId}.`);
  }
  if (v.leadUnitId) await checkUnits(ctx, [v.leadUnitId], 'leadUnitId', 'Đơn vị chủ trì');
  if (v.coordinatingUnitIds?.length) await checkUnits(ctx, v.coordinatingUnitIds, 'coordinatingUnitIds', 'Đơn vị phối hợp');
}

function checkDates(startDate: string | null, deadline: string | null) {
  if (startDate && deadline && deadline < startDate) throw fieldError('VALIDATION', 'deadline', 'Hạn hoàn thành phải sau hoặc bằng Ngày bắt đầu.');
}

/** A time text that is not a recurrence (e.g. "Trước 30/6/2022") is kept as text beside the deadline. */
function occurrencePlan(ctx: CallContext, deadline: string | null, timeText: string | null, startDate: string | null) {
  const recurrence = readRecurrence(timeText);
  return { recurrence, planned: plannedOccurrences(deadline, recurrence, startDate ?? ctx.today(), ctx.today()) };
}

export async function createTask(ctx: CallContext, v: ParsedInput<'tasks.create'>): Promise<Task> {
  await checkSources(ctx, v);
  checkDates(v.startDate, v.deadline);
  const { recurrence, planned } = occurrencePlan(ctx, v.deadline, v.timeText, v.startDate);
  const now = ctx.now();
  const id = await ctx.stores.tasks.insert({
    content: v.content,
    content_fold: foldVietnamese(v.content),
    source_incoming_id: v.sourceIncomingId,
    source_outgoing_id: v.sourceOutgoingId,
    source_text: v.sourceText,
    assigned_by: v.assignedBy,
    lead_unit_id: v.leadUnitId,
    person: v.person,
    start_date: v.startDate,
    time_text: v.timeText,
    recurrence_json: recurrence ? JSON.stringify(recurrence) : null,
    focus: v.focus ? 1 : 0,
    field: v.field,
    target_quantity: v.targetQuantity,
    target_unit: v.targetUnit,
    in_superior_programme: v.inSuperiorProgramme ? 1 : 0,
    state: 'active',
    state_reason: null,
    note: v.note,
    created_at: storedAt(now),
    updated_at: storedAt(now),
  });
  await ctx.stores.tasks.setCoordinators(id, v.coordinatingUnitIds.filter((u) => u !== v.leadUnitId));
  await syncOccurrences(ctx, id, planned);
  const task = await loadTask(ctx, id);
  await auditTask(ctx, id, null, task);
  return task;
}

async function setState(ctx: CallContext, id: number, state: Task['state'], reason: string | null, allowed: Task['state'][], message: string) {
  const before = await loadTask(ctx, id);
  if (!allowed.includes(before.state)) throw fieldError('VALIDATION', 'id', message);
  await ctx.stores.tasks.update(id, { state, state_reason: reason, updated_at: storedAt(ctx.now()) });
  const after = await loadTask(ctx, id);
  await auditTask(ctx, id, before, after);
  return after;
}

function mustBeActive(t: Task) {
  if (t.state === 'cancelled') throw fieldError('VALIDATION', 'id', 'Nhiệm vụ đã hủy, không ghi nhận thêm được.');
}

/**
 * A record on one occurrence of an active task (progress, completion, reminder): a date after
 * today refused first, then the occurrence picked, written, and the task audited before and after.
 */
async function onOccurrence(
  ctx: CallContext,
  v: { id: number; occurrenceId: number | null },
  notAfterToday: { date: string; message: string } | null,
  write: (before: Task, occurrenceId: number) => Promise<void>,
): Promise<Task> {
  const before = await loadTask(ctx, v.id);
  mustBeActive(before);
  if (notAfterToday && notAfterToday.date > ctx.today()) throw fieldError('VALIDATION', 'date', notAfterToday.message);
  const occ = await pickOccurrence(ctx, v.id, v.occurrenceId);
  await write(before, occ);
  const after = await loadTask(ctx, v.id);
  await auditTask(ctx, v.id, before, after);
  return after;
}

function toRow(r: TaskListRow): TaskRow {
  return {
    taskId: r.task_id,
    occurrenceId: r.occurrence_id,
    content: r.content,
    leadUnit: r.lead_unit_id !== null ? { id: r.lead_unit_id, name: r.lead_unit_name ?? '' } : null,
    person: r.person,
    source: rowSourceLabel(r),
    periodLabel: r.period_label,
    due: r.due_date,
    completedAt: r.completed_at,
    status: r.status,
    focus: r.focus === 1,
    field: r.field,
    lastPercent: r.last_percent,
    lastProgress: r.last_progress,
  };
}

const NO_UNIT = 'Chưa giao đơn vị';

export async function taskSummary(ctx: CallContext, from: string | null, to: string | null): Promise<TaskSummary> {
  const clock = await statusClock(ctx);
  const rows = await ctx.stores.tasks.summary({ from, to }, clock, taskAccess(ctx.user));
  const zero = () => Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const byUnit = new Map<number | null, TaskSummary['rows'][number] & { order: number }>();
  for (const r of rows) {
    const row = byUnit.get(r.unit_id) ?? { unitId: r.unit_id, unitName: r.unit_name ?? NO_UNIT, counts: zero(), total: 0, order: r.sort_order ?? Number.MAX_SAFE_INTEGER };
    row.counts[r.status] += r.n;
    row.total += r.n;
    byUnit.set(r.unit_id, row);
  }
  const sorted = [...byUnit.values()].sort((a, b) => a.order - b.order || a.unitName.localeCompare(b.unitName, 'vi'));
  return { asOf: clock.today, from, to, dueSoonDays: clock.days, rows: sorted.map(({ order: _order, ...r }) => r) };
}

export const tasksHandlers: HandlerMap<
  | 'tasks.create'
  | 'tasks.createFromIncoming'
  | 'tasks.update'
  | 'tasks.get'
  | 'tasks.list'
  | 'tasks.summary'
  | 'tasks.reportProgress'
  | 'tasks.complete'
  | 'tasks.remind'
  | 'tasks.pause'
  | 'tasks.resume'
  | 'tasks.cancel'
  | 'tasks.sources'
  | 'tasks.settings'
  | 'tasks.updateSettings'
> = {
  'tasks.create': createTask,
  async 'tasks.createFromIncoming'(ctx, v) {
    const doc = await loadIncoming(ctx, v.incomingId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === 'NOT_FOUND' ? fieldError('NOT_FOUND', 'incomingId', `Văn bản đến: không có văn bản mã ${v.incomingId}.`) : e;
    });
    if (!doc.leadUnit) throw fieldError('VALIDATION', 'incomingId', 'Văn bản đến chưa được giao xử lý: hãy giao đơn vị chủ trì trước khi tạo nhiệm vụ.');
    const existing = await ctx.stores.tasks.followingIncoming(doc.id);
    if (existing) throw fieldError('CONFLICT', 'incomingId', `Văn bản đến số ${doc.arrivalNumberText} đã có nhiệm vụ theo dõi (mã ${existing.id}).`);
    return createTask(ctx, {
      content: doc.instruction ?? doc.subject,
      sourceIncomingId: doc.id,
      sourceOutgoingId: null,
      sourceText: null,
      assignedBy: null,
      leadUnitId: doc.leadUnit.id,
      coordinatingUnitIds: doc.coordinatingUnits.map((u) => u.id),
      person: null,
      startDate: doc.transferDate ?? doc.arrivalDate,
      deadline: doc.deadline,
      timeText: null,
      focus: v.focus,
      field: null,
      targetQuantity: null,
      targetUnit: null,
      inSuperiorProgramme: false,
      note: null,
    });
  },
  async 'tasks.update'(ctx, v) {
    const before = await loadTask(ctx, v.id);
    await checkSources(ctx, v);
    const startDate = v.startDate !== undefined ? v.startDate : before.startDate;
    const onceDue = before.occurrences.find((o) => o.periodKey === 'once')?.due ?? null;
    const deadline = v.deadline !== undefined ? v.deadline : onceDue;
    const timeText = v.timeText !== undefined ? v.timeText : before.timeText;
    checkDates(startDate, deadline);
    const { recurrence, planned } = occurrencePlan(ctx, deadline, timeText, startDate ?? before.createdAt.slice(0, 10));
    const set: Record<string, unknown> = { updated_at: storedAt(ctx.now()), time_text: timeText, recurrence_json: recurrence ? JSON.stringify(recurrence) : null };
    const columns: [keyof typeof v, string][] = [
      ['sourceIncomingId', 'source_incoming_id'], ['sourceOutgoingId', 'source_outgoing_id'], ['sourceText', 'source_text'],
      ['assignedBy', 'assigned_by'], ['leadUnitId', 'lead_unit_id'], ['person', 'person'], ['startDate', 'start_date'],
      ['field', 'field'], ['targetQuantity', 'target_quantity'], ['targetUnit', 'target_unit'], ['note', 'note'],
    ];
    for (const [k, col] of columns) if (v[k] !== undefined) set[col] = v[k];
    if (v.content !== undefined) Object.assign(set, { content: v.content, content_fold: foldVietnamese(v.content) });
    if (v.focus !== undefined) set.focus = v.focus ? 1 : 0;
    if (v.inSuperiorProgramme !== undefined) set.in_superior_programme = v.inSuperiorProgramme ? 1 : 0;
    await ctx.stores.tasks.update(v.id, set);
    if (v.coordinatingUnitIds !== undefined) await ctx.stores.tasks.setCoordinators(v.id, v.coordinatingUnitIds);
    await syncOccurrences(ctx, v.id, planned);
    const after = await loadTask(ctx, v.id);
    await auditTask(ctx, v.id, before, after);
    return after;
  },
  async 'tasks.get'(ctx, v) {
    return loadTask(ctx, v.id);
  },
  async 'tasks.list'(ctx, v) {
    const clock = await statusClock(ctx);
    const filter = {
      access: taskAccess(ctx.user),
      unitId: v.unitId,
      status: v.status ?? null,
      source: v.source ?? null,
      sourceIncomingId: v.sourceIncomingId,
      focus: v.focus ?? null,
      from: v.from,
      to: v.to,
      qFold: v.q ? foldVietnamese(v.q) : null,
    };
    const page = { offset: (v.page - 1) * v.pageSize, limit: v.pageSize, sort: v.sort, dir: v.dir };
    const { rows, total } = await ctx.stores.tasks.list(filter, clock, page);
    return { items: rows.map(toRow), total, page: v.page, pageSize: v.pageSize, asOf: clock.today };
  },
  async 'tasks.summary'(ctx, v) {
    return taskSummary(ctx, v.from, v.to);
  },
  'tasks.reportProgress': (ctx, v) =>
    onOccurrence(ctx, v, { date: v.date, message: 'Ngày báo cáo không được sau hôm nay.' }, async (before, occ) => {
      await ctx.stores.tasks.addProgress({ occurrence_id: occ, report_date: v.date, result: v.result, quantity: v.quantity, percent: v.percent, created_at: storedAt(ctx.now()) });
      if (v.percent === 100 && !before.occurrences.find((o) => o.id === occ)?.completedAt) await ctx.stores.tasks.complete(occ, v.date, v.result);
    }),
  'tasks.complete': (ctx, v) =>
    onOccurrence(ctx, v, { date: v.date, message: 'Ngày hoàn thành không được sau hôm nay.' }, async (before, occ) => {
      if (before.occurrences.find((o) => o.id === occ)?.completedAt) throw fieldError('VALIDATION', 'occurrenceId', 'Kỳ này đã ghi nhận hoàn thành.');
      await ctx.stores.tasks.complete(occ, v.date, v.result);
    }),
  'tasks.remind': (ctx, v) =>
    onOccurrence(ctx, v, null, async (_before, occ) => {
      await ctx.stores.tasks.addReminder({ occurrence_id: occ, reminder_date: v.date, note: v.note, created_at: ctx.now() });
    }),
  async 'tasks.pause'(ctx, v) {
    return setState(ctx, v.id, 'paused', v.reason, ['active'], 'Chỉ tạm dừng được nhiệm vụ đang thực hiện.');
  },
  async 'tasks.resume'(ctx, v) {
    return setState(ctx, v.id, 'active', null, ['paused'], 'Nhiệm vụ không ở trạng thái tạm dừng.');
  },
  async 'tasks.cancel'(ctx, v) {
    return setState(ctx, v.id, 'cancelled', v.reason, ['active', 'paused'], 'Nhiệm vụ đã hủy trước đó.');
  },
  async 'tasks.sources'(ctx) {
    const rows = await ctx.stores.tasks.sources(visibleTask(ctx.user));
    return { items: rows.map((r) => ({ sourceText: r.source_text ?? '', tasks: Number(r.n) })) };
  },
  async 'tasks.settings'(ctx) {
    return { dueSoonDays: (await statusClock(ctx)).days };
  },
  async 'tasks.updateSettings'(ctx, v) {
    const before = { dueSoonDays: await dueSoonDays(ctx) };
    await setDueSoonDays(ctx, v.dueSoonDays);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before, after: { dueSoonDays: v.dueSoonDays } });
    return { dueSoonDays: v.dueSoonDays };
  },
};
