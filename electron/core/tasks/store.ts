/**
 * The tasks' SQL: the list, the summary and every read and write of a task,
 * its coordinators, occurrences, progress and reminders. Status is computed
 * here in SQL from the declaration in rules.ts.
 */
import { sql, type Expression, type Insertable, type Kysely, type RawBuilder, type SqlBool, type Updateable } from 'kysely';
import type { DB, TaskProgressTable, TaskRemindersTable, TasksTable, UnitsTable } from '../../../db/schema';
import { compiledIdInsert, compiledOnce } from '../../../db/compiled';
import { storedAt } from '../../../db/instant';
import { escapeLike } from '../../../db/like';
import { unitsStore } from '../units/store';
import type { TaskStatus } from '../../../shared/tasks/status';
import type { StoreHandle } from '../stores';
import { impliedByStatus, otherwiseStatus, statusCases, type Condition, type DateTerm, type StatusClock } from './rules';

const COLUMNS = { due: sql.ref('o.due_date'), completedAt: sql.ref('o.completed_at') } as const;

function dateSql(t: DateTerm, c: StatusClock) {
  return t === 'due' || t === 'completedAt' ? COLUMNS[t] : sql`${c[t]}`;
}

/** A condition of rules.ts over occurrence o of task t. */
function conditionSql(cond: Condition, c: StatusClock): RawBuilder<SqlBool> {
  // The rule's constants are written as literals, so a statement differs only by the clock's dates, which are bound.
  if ('state' in cond) return sql<SqlBool>`t.state = ${sql.lit(cond.state)}`;
  if ('isNull' in cond) return sql<SqlBool>`${COLUMNS[cond.isNull]} is null`;
  if ('notNull' in cond) return sql<SqlBool>`${COLUMNS[cond.notNull]} is not null`;
  if ('any' in cond) return sql<SqlBool>`(${sql.join(cond.any.map((x) => conditionSql(x, c)), sql` or `)})`;
  if ('all' in cond) return sql<SqlBool>`(${sql.join(cond.all.map((x) => conditionSql(x, c)), sql` and `)})`;
  return sql<SqlBool>`${dateSql(cond.date, c)} ${sql.raw(cond.is)} ${dateSql(cond.than, c)}`;
}

/** The status rule of rules.ts for occurrence o of task t. */
export function statusSql(c: StatusClock): RawBuilder<TaskStatus> {
  const cases = statusCases.map((k) => sql`when ${conditionSql(k.when, c)} then ${sql.lit(k.status)}`);
  return sql<TaskStatus>`case ${sql.join(cases, sql` `)} else ${sql.lit(otherwiseStatus)} end`;
}

/** The caller's access rule: the tasks over alias `t`, their source documents over `si` and `so`. */
export interface TaskAccess {
  row: Expression<SqlBool>;
  incomingSource: Expression<SqlBool>;
  outgoingSource: Expression<SqlBool>;
}

export interface TaskFilter {
  access: TaskAccess;
  unitId: number | null;
  status: TaskStatus | null;
  source: 'incoming' | 'outgoing' | 'text' | 'none' | null;
  sourceIncomingId: number | null;
  focus: boolean | null;
  from: string | null;
  to: string | null;
  qFold: string | null;
}

/**
 * The one period rule of the list, the summary and the home page: occurrences
 * due in [from, to], and those without a due date (thường xuyên), which are
 * current in every period. Shared so that their counts agree.
 */
function dueInPeriod(range: { from: string | null; to: string | null }) {
  const parts = [
    ...(range.from ? [sql<SqlBool>`o.due_date >= ${range.from}`] : []),
    ...(range.to ? [sql<SqlBool>`o.due_date <= ${range.to}`] : []),
  ];
  return parts.length ? sql<SqlBool>`(o.due_date is null or (${sql.join(parts, sql` and `)}))` : sql<SqlBool>`1 = 1`;
}

function impliedSql(status: TaskStatus, c: StatusClock): RawBuilder<SqlBool> | null {
  const implied = impliedByStatus[status];
  return implied ? conditionSql(implied, c) : null;
}

function base(db: Kysely<DB>, f: TaskFilter, c: StatusClock) {
  let q = db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .where('t.deleted_at', 'is', null)
    .where(f.access.row);
  if (f.unitId !== null) q = q.where('t.lead_unit_id', '=', f.unitId);
  if (f.sourceIncomingId !== null) q = q.where('t.source_incoming_id', '=', f.sourceIncomingId);
  if (f.source === 'incoming') q = q.where('t.source_incoming_id', 'is not', null);
  if (f.source === 'outgoing') q = q.where('t.source_outgoing_id', 'is not', null);
  if (f.source === 'text') q = q.where('t.source_text', 'is not', null).where('t.source_incoming_id', 'is', null).where('t.source_outgoing_id', 'is', null);
  if (f.source === 'none') q = q.where('t.source_text', 'is', null).where('t.source_incoming_id', 'is', null).where('t.source_outgoing_id', 'is', null);
  if (f.focus !== null) q = q.where('t.focus', '=', f.focus ? 1 : 0);
  q = q.where(dueInPeriod(f));
  if (f.qFold) q = q.where(sql<boolean>`t.content_fold like ${`%${escapeLike(f.qFold)}%`} escape '\\'`);
  if (f.status !== null) {
    const implied = impliedSql(f.status, c);
    if (implied) q = q.where(implied);
    q = q.where(sql<boolean>`(${statusSql(c)}) = ${f.status}`);
  }
  return q;
}

export interface TaskListRow {
  task_id: number;
  occurrence_id: number;
  content: string;
  lead_unit_id: number | null;
  lead_unit_name: string | null;
  person: string | null;
  source_text: string | null;
  source_incoming_notation: string | null;
  source_incoming_number: number | null;
  source_outgoing_notation: string | null;
  /** 1 when the source is a document the caller may not see. */
  source_hidden: number;
  period_label: string | null;
  due_date: string | null;
  completed_at: string | null;
  status: TaskStatus;
  focus: number;
  field: string | null;
  last_percent: number | null;
  last_progress: string | null;
}

const SORTS = { due: 'o.due_date', content: 't.content_fold', unit: 'u.name_fold' } as const;

export async function listTaskRows(
  db: Kysely<DB>,
  f: TaskFilter,
  c: StatusClock,
  page: { offset: number; limit: number; sort: keyof typeof SORTS; dir: 'asc' | 'desc' },
): Promise<{ rows: TaskListRow[]; total: number }> {
  const total = await base(db, f, c).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const lastProgress = (col: 'result' | 'percent') =>
    sql`(select p.${sql.ref(col)} from task_progress p where p.occurrence_id = o.id order by p.report_date desc, p.id desc limit 1)`;
  // Open-ended tasks ("thường xuyên") after those with a deadline.
  const openEndedLast = sql`${sql.ref(SORTS[page.sort])} is null`;
  // The page's occurrences are picked first, so only its rows join their sources and
  // look up their latest progress: the home page's overdue list did that for every
  // overdue occurrence of ten years before keeping ten.
  const ids = base(db, f, c).select('o.id').orderBy(openEndedLast).orderBy(sql.ref(SORTS[page.sort]), page.dir).orderBy('o.id', page.dir).limit(page.limit).offset(page.offset);
  const rows = await base(db, f, c)
    .where('o.id', 'in', ids)
    .leftJoin('incoming as si', 'si.id', 't.source_incoming_id')
    .leftJoin('outgoing as so', 'so.id', 't.source_outgoing_id')
    .select([
      't.id as task_id',
      'o.id as occurrence_id',
      't.content',
      't.lead_unit_id',
      'u.name as lead_unit_name',
      't.person',
      't.source_text',
      sql<string | null>`case when ${f.access.incomingSource} then si.notation end`.as('source_incoming_notation'),
      sql<number | null>`case when ${f.access.incomingSource} then si.arrival_number end`.as('source_incoming_number'),
      sql<string | null>`case when ${f.access.outgoingSource} then so.notation end`.as('source_outgoing_notation'),
      sql<number>`(t.source_incoming_id is not null and not ${f.access.incomingSource}) or (t.source_outgoing_id is not null and not ${f.access.outgoingSource})`.as('source_hidden'),
      'o.period_label',
      'o.due_date',
      'o.completed_at',
      statusSql(c).as('status'),
      't.focus',
      't.field',
      lastProgress('percent').as('last_percent'),
      lastProgress('result').as('last_progress'),
    ])
    .orderBy(openEndedLast)
    .orderBy(sql.ref(SORTS[page.sort]), page.dir)
    .orderBy('o.id', page.dir)
    .execute();
  return { rows: rows as TaskListRow[], total: Number(total.n) };
}

/** Counts per lead unit and status of the occurrences due in [from, to] (open-ended ones always count). */
export async function summaryRows(
  db: Kysely<DB>,
  range: { from: string | null; to: string | null },
  c: StatusClock,
  access: TaskAccess,
): Promise<{ unit_id: number | null; unit_name: string | null; sort_order: number | null; status: TaskStatus; n: number }[]> {
  let q = db
    .selectFrom('task_occurrences as o')
    .innerJoin('tasks as t', 't.id', 'o.task_id')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .where('t.deleted_at', 'is', null)
    .where(access.row);
  q = q.where(dueInPeriod(range));
  const rows = await q
    .select(['t.lead_unit_id as unit_id', 'u.name as unit_name', 'u.sort_order', statusSql(c).as('status'), sql<number>`count(*)`.as('n')])
    .groupBy(['t.lead_unit_id', 'u.name', 'u.sort_order', sql`status`])
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

type Visible = Expression<SqlBool>;

// A task is read whole before and after every change to it: its parts' queries are built once.
const coordinatorsOf = compiledOnce(1, (db, id: number) =>
  db.selectFrom('task_coordinators as c').innerJoin('units as u', 'u.id', 'c.unit_id').select(['u.id', 'u.name']).where('c.task_id', '=', id).orderBy('u.sort_order'),
);
const occurrencesOf = compiledOnce(1, (db, id: number) => db.selectFrom('task_occurrences').selectAll().where('task_id', '=', id).orderBy('due_date').orderBy('id'));
const progressOf = compiledOnce(1, (db, id: number) =>
  db.selectFrom('task_progress as p').innerJoin('task_occurrences as o', 'o.id', 'p.occurrence_id').selectAll('p').where('o.task_id', '=', id).orderBy('p.report_date').orderBy('p.id'),
);
const remindersOf = compiledOnce(1, (db, id: number) =>
  db.selectFrom('task_reminders as r').innerJoin('task_occurrences as o', 'o.id', 'r.occurrence_id').selectAll('r').where('o.task_id', '=', id).orderBy('r.reminder_date').orderBy('r.id'),
);
const insertTask = compiledIdInsert((db, row: Insertable<TasksTable>) => db.insertInto('tasks').values(row));

export function tasksStore(h: StoreHandle) {
  const { db } = h;
  return {
    list: (f: TaskFilter, c: StatusClock, page: Parameters<typeof listTaskRows>[3]) => listTaskRows(db, f, c, page),
    summary: (range: { from: string | null; to: string | null }, c: StatusClock, access: TaskAccess) => summaryRows(db, range, c, access),

    /** The task with its lead unit and the sources the caller may see (a hidden source joins as nothing). */
    get: (id: number, access: TaskAccess) =>
      db
        .selectFrom('tasks as t')
        .leftJoin('units as u', 'u.id', 't.lead_unit_id')
        .leftJoin('incoming as si', (j) => j.onRef('si.id', '=', 't.source_incoming_id').on(access.incomingSource))
        .leftJoin('outgoing as so', (j) => j.onRef('so.id', '=', 't.source_outgoing_id').on(access.outgoingSource))
        .selectAll('t')
        .select(['u.name as unit_name', 'si.id as si_id', 'si.notation as si_notation', 'si.arrival_number as si_number', 'si.subject as si_subject'])
        .select(['so.id as so_id', 'so.notation as so_notation', 'so.subject as so_subject'])
        .where('t.id', '=', id)
        .where('t.deleted_at', 'is', null)
        .where(access.row)
        .executeTakeFirst(),
    coordinators: (id: number) => coordinatorsOf(db, id),
    occurrences: (id: number) => occurrencesOf(db, id),
    /** The progress reports of all the task's occurrences. */
    progress: (id: number) => progressOf(db, id),
    reminders: (id: number) => remindersOf(db, id),

    insert: (row: Insertable<TasksTable>) => insertTask(db, row),
    update: async (id: number, set: Updateable<TasksTable>) => void (await db.updateTable('tasks').set(set).where('id', '=', id).execute()),
    async setCoordinators(taskId: number, ids: readonly number[]) {
      await db.deleteFrom('task_coordinators').where('task_id', '=', taskId).execute();
      const unique = [...new Set(ids)];
      if (unique.length) await db.insertInto('task_coordinators').values(unique.map((unit_id) => ({ task_id: taskId, unit_id }))).execute();
    },
    /** The live task following a registered incoming document, if any. */
    followingIncoming: (incomingId: number) => db.selectFrom('tasks').select('id').where('source_incoming_id', '=', incomingId).where('deleted_at', 'is', null).executeTakeFirst(),
    incomingVisible: async (id: number, visible: Visible) => !!(await db.selectFrom('incoming as i').select('i.id').where('i.id', '=', id).where('i.deleted_at', 'is', null).where(visible).executeTakeFirst()),
    outgoingVisible: async (id: number, visible: Visible) => !!(await db.selectFrom('outgoing as o').select('o.id').where('o.id', '=', id).where('o.deleted_at', 'is', null).where(visible).executeTakeFirst()),

    async insertOccurrence(taskId: number, p: { periodKey: string; periodLabel: string | null; due: string | null }, at: string) {
      await db.insertInto('task_occurrences').values({ task_id: taskId, period_key: p.periodKey, period_label: p.periodLabel, due_date: p.due, completed_at: null, result: null, created_at: storedAt(at) }).execute();
    },
    redateOccurrence: async (id: number, due: string | null, periodLabel: string | null) => void (await db.updateTable('task_occurrences').set({ due_date: due, period_label: periodLabel }).where('id', '=', id).execute()),
    /** Removes an open occurrence unless someone already reported on it or was reminded of it. */
    async removeOccurrenceIfUnused(id: number) {
      const used = await db.selectFrom('task_progress').select('id').where('occurrence_id', '=', id).executeTakeFirst();
      const reminded = await db.selectFrom('task_reminders').select('id').where('occurrence_id', '=', id).executeTakeFirst();
      if (!used && !reminded) await db.deleteFrom('task_occurrences').where('id', '=', id).execute();
    },
    /** The occurrence named, else the earliest open one. */
    pickOccurrence(taskId: number, occurrenceId: number | null) {
      let q = db.selectFrom('task_occurrences').select(['id', 'completed_at']).where('task_id', '=', taskId);
      if (occurrenceId !== null) q = q.where('id', '=', occurrenceId);
      else q = q.where('completed_at', 'is', null).orderBy('due_date').orderBy('id');
      return q.executeTakeFirst();
    },
    complete: async (occurrenceId: number, date: string, result: string | null) => void (await db.updateTable('task_occurrences').set({ completed_at: date, result }).where('id', '=', occurrenceId).execute()),
    addProgress: async (row: Insertable<TaskProgressTable>) => void (await db.insertInto('task_progress').values(row).execute()),
    addReminder: async (row: Insertable<TaskRemindersTable>) => void (await db.insertInto('task_reminders').values(row).execute()),

    /** Source texts with their task counts, the latest used first. */
    sources: (visible: Visible) =>
      db
        .selectFrom('tasks as t')
        .select(['t.source_text', sql<number>`count(*)`.as('n'), sql<number>`max(t.created_at)`.as('latest')])
        .where('t.deleted_at', 'is', null)
        .where('t.source_text', 'is not', null)
        .where(visible)
        .groupBy('t.source_text')
        .orderBy('latest', 'desc')
        .limit(200)
        .execute(),
    /** The live tasks of one source text, for the meeting-conclusion notice. */
    ofSourceText: (sourceText: string, visible: Visible) =>
      db
        .selectFrom('tasks as t')
        .leftJoin('units as u', 'u.id', 't.lead_unit_id')
        .leftJoin('task_occurrences as o', (j) => j.onRef('o.task_id', '=', 't.id').on('o.period_key', '=', 'once'))
        .select(['t.id', 't.content', 't.lead_unit_id', 'u.name as unit_name', 'u.sort_order', 'o.due_date'])
        .where('t.source_text', '=', sourceText)
        .where('t.deleted_at', 'is', null)
        .where(visible)
        .where('t.state', '!=', 'cancelled')
        .orderBy('t.id')
        .execute(),

    // Units as the task reader and the reminder list need them.
    unit: (id: number) => db.selectFrom('units').select(['id', 'name']).where('id', '=', id).executeTakeFirst(),
    internalUnits: () => unitsStore(h).list({ kind: 'internal' }),
    unitAbbreviations: async () => (await db.selectFrom('units').select('abbreviation').where('abbreviation', 'is not', null).execute()).map((u) => u.abbreviation ?? ''),
    insertUnit: (row: Omit<UnitsTable, 'id'>) => unitsStore(h).insert(row),
  };
}
