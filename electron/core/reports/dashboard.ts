/** The home page's figures: registers by month against last year, tasks by unit, what is overdue or due today, TTHC on time. */
import { sql } from 'kysely';
import { listTaskRows } from '../tasks/store';
import type { Dashboard } from '../../../shared/api/reports';
import { taskStatuses, type TaskStatus } from '../../../shared/tasks/status';
import { formatDocNumber } from '../../../shared/documents/notation';
import { taskAccess, visibleIncoming, visibleOutgoing } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { statusClock } from '../tasks/load';
import { taskSummary } from '../tasks/handlers';
import { tthcStats } from '../tthc-stats';

async function byMonth(ctx: CallContext, year: number, table: 'incoming' | 'outgoing'): Promise<number[]> {
  const col = table === 'incoming' ? 'arrival_date' : 'issue_date';
  const alias = table === 'incoming' ? 'i' : 'o';
  const visible = table === 'incoming' ? visibleIncoming(ctx.user, alias) : visibleOutgoing(ctx.user, alias);
  const rows = await sql<{ m: string; n: number }>`select substr(${sql.ref(col)}, 6, 2) as m, count(*) as n from ${sql.table(table)} as ${sql.raw(alias)}
    where deleted_at is null and ${visible} and ${sql.ref(col)} between ${`${year}-01-01`} and ${`${year}-12-31`} group by m`.execute(ctx.db);
  const out = Array.from({ length: 12 }, () => 0);
  for (const r of rows.rows) out[Number(r.m) - 1] = Number(r.n);
  return out;
}

export const dashboardHandlers: HandlerMap<'reports.dashboard'> = {
  async 'reports.dashboard'(ctx, v) {
    const [inc, out, incLast, outLast] = await Promise.all([byMonth(ctx, v.year, 'incoming'), byMonth(ctx, v.year, 'outgoing'), byMonth(ctx, v.year - 1, 'incoming'), byMonth(ctx, v.year - 1, 'outgoing')]);
    // The chart counts the year as the task summary does; the overdue list every year, since a task
    // overdue since last year still needs action (its total is the list's without a period).
    const summary = await taskSummary(ctx, `${v.year}-01-01`, `${v.year}-12-31`);
    const clock = await statusClock(ctx);
    const overdue = await listTaskRows(ctx.db, { access: taskAccess(ctx.user), unitId: null, status: 'overdue', source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null }, clock, { offset: 0, limit: 10, sort: 'due', dir: 'asc' });
    const today = ctx.today();
    const docs = await ctx.db
      .selectFrom('incoming as i')
      .select(['i.id', 'i.arrival_number', 'i.notation', 'i.subject', 'i.deadline'])
      .where('i.deleted_at', 'is', null)
      .where('i.completed_at', 'is', null)
      .where('i.deadline', '<=', today)
      .where(visibleIncoming(ctx.user))
      .orderBy('i.deadline')
      .limit(10)
      .execute();
    const t = await tthcStats(ctx, `${v.year}-01-01`, `${v.year}-12-31`);
    const solved = t.solvedOnTime + t.solvedLate;
    const zero = () => Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
    const result: Dashboard = {
      year: v.year,
      asOf: today,
      months: inc.map((n, i) => ({ month: i + 1, incoming: n, outgoing: out[i]!, incomingLastYear: incLast[i]!, outgoingLastYear: outLast[i]! })),
      tasksByUnit: summary.rows.map((r) => ({ unitId: r.unitId, unitName: r.unitName, counts: { ...zero(), ...r.counts } })),
      overdueTaskTotal: overdue.total,
      overdueTasks: overdue.rows.map((r) => ({ taskId: r.task_id, content: r.content, unitName: r.lead_unit_name, due: r.due_date ?? '' })),
      documentsToday: docs.map((d) => ({ id: d.id, number: formatDocNumber(d.arrival_number), notation: d.notation, subject: d.subject, deadline: d.deadline ?? '' })),
      tthc: { solvedOnTime: t.solvedOnTime, solvedLate: t.solvedLate, onTimeRate: solved ? Math.round((t.solvedOnTime / solved) * 1000) / 10 : null },
    };
    return result;
  },
};
