/** Task queries. Status is computed here in SQL with the same rules as shared/tasks/status.ts. */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { TaskStatus } from '../shared/tasks/status';
import type { DB } from './schema';
import { escapeLike } from './units';

export interface StatusClock {
  today: string;
  /** Last day counted as due soon (today + N working days). */
  soonUntil: string;
}

/** taskStatus() of shared/tasks/status.ts, for occurrence o of task t. */
export function statusSql(c: StatusClock): RawBuilder<TaskStatus> {
  return sql<TaskStatus>`case
    when t.state = 'cancelled' then 'cancelled'
    when o.completed_at is not null then
      case when o.due_date is null or o.completed_at <= o.due_date then 'done_on_time' else 'done_late' end
    when t.state = 'paused' then 'paused'
    when o.due_date is null then 'not_due'
    when o.due_date < ${c.today} then 'overdue'
    when o.due_date <= ${c.soonUntil} then 'due_soon'
    else 'not_due' end`;
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

/**
 * What a status implies about the occurrence in columns an index holds: said
 * beside the status rule, so the open ones due before today (overdue, over
 * every year on the home page) are sought in their index instead of reading
 * every occurrence ever.
 */
function impliedByStatus(status: TaskStatus, c: StatusClock): RawBuilder<SqlBool> | null {
  if (status === 'overdue') return sql<SqlBool>`o.completed_at is null and o.due_date < ${c.today}`;
  if (status === 'due_soon') return sql<SqlBool>`o.completed_at is null and o.due_date >= ${c.today} and o.due_date <= ${c.soonUntil}`;
  return null;
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
    const implied = impliedByStatus(f.status, c);
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
  const rows = await base(db, f, c)
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
    // Open-ended tasks ("thường xuyên") after those with a deadline.
    .orderBy(sql`${sql.ref(SORTS[page.sort])} is null`)
    .orderBy(sql.ref(SORTS[page.sort]), page.dir)
    .orderBy('o.id', page.dir)
    .limit(page.limit)
    .offset(page.offset)
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
