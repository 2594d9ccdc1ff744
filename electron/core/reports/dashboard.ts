/** The home page's figures: registers by month against last year, tasks by unit, what is overdue or due today, TTHC on time. */
import type { Dashboard } from '../../../shared/api/reports';
import { formatDocNumber } from '../../../shared/documents/notation';
import { taskStatuses, type TaskStatus } from '../../../shared/tasks/status';
import { taskAccess, visibleIncoming, visibleOutgoing } from '../access';
import type { HandlerMap } from '../context';
import { taskSummary } from '../tasks/handlers';
import { statusClock } from '../tasks/load';
import { tthcStats } from '../tthc/handlers';

export const dashboardHandlers: HandlerMap<'reports.dashboard'> = {
  async 'reports.dashboard'(ctx, v) {
    const { reports } = ctx.stores;
    const [inc, out, incLast, outLast] = await Promise.all([
      reports.byMonth(v.year, 'incoming', visibleIncoming(ctx.user, 'i')),
      reports.byMonth(v.year, 'outgoing', visibleOutgoing(ctx.user, 'o')),
      reports.byMonth(v.year - 1, 'incoming', visibleIncoming(ctx.user, 'i')),
      reports.byMonth(v.year - 1, 'outgoing', visibleOutgoing(ctx.user, 'o')),
    ]);
    // The chart counts the year as the task summary does; the overdue list every year, since a task
    // overdue since last year still needs action (its total is the list's without a period).
    const summary = await taskSummary(ctx, `${v.year}-01-01`, `${v.year}-12-31`);
    const clock = await statusClock(ctx);
    const overdue = await ctx.stores.tasks.list({ access: taskAccess(ctx.user), unitId: null, status: 'overdue', source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null }, clock, { offset: 0, limit: 10, sort: 'due', dir: 'asc' });
    const today = ctx.today();
    const docs = await reports.documentsDue(today, visibleIncoming(ctx.user));
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
