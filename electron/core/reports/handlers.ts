/**
 * The monthly report's figures, computed from the registers, tasks, TTHC and
 * work files, for the month and from 1 January (lũy kế). Written into the
 * report as sentences by exports/monthly-report-docx.ts.
 */
import { getSetting, putSetting } from '../../../db/settings';
import { sql } from 'kysely';
import { writeAudit } from '../../../db/audit';
import { summaryRows } from '../tasks/store';
import type { MonthlyFigures, ReportSettings } from '../../../shared/api/reports';
import { taskStatuses, type TaskStatus } from '../../../shared/tasks/status';
import { taskAccess, visibleIncoming, visibleOutgoing, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { typeName } from '../documents';
import { statusClock } from '../tasks/load';
import { tthcStats } from '../tthc-stats';
import { agencyHeader } from '../exports/agency-header';
import { writeExport } from '../file-store';
import { monthlyTemplateData, writeMonthlyReportDocx } from './monthly-report-docx';
import { renderTemplate } from '../templates';

const SETTINGS_KEY = 'reports';

export function monthRange(year: number, month: number): { from: string; to: string; yearFrom: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const m = String(month).padStart(2, '0');
  return { from: `${year}-${m}-01`, to: `${year}-${m}-${String(last).padStart(2, '0')}`, yearFrom: `${year}-01-01` };
}

async function documents(ctx: CallContext, from: string, to: string, today: string) {
  const inc = await ctx.db
    .selectFrom('incoming as i')
    .select(['i.document_type as type', sql<number>`count(*)`.as('n')])
    .where('i.deleted_at', 'is', null)
    .where(visibleIncoming(ctx.user))
    .where('i.arrival_date', '>=', from)
    .where('i.arrival_date', '<=', to)
    .groupBy('i.document_type')
    .execute();
  // Issued in the period; a cancelled number was issued too and stays in the register.
  const out = await ctx.db
    .selectFrom('outgoing as o')
    .select(['o.document_type as type', sql<number>`count(*)`.as('n')])
    .where('o.deleted_at', 'is', null)
    .where(visibleOutgoing(ctx.user))
    .where('o.issue_date', '>=', from)
    .where('o.issue_date', '<=', to)
    .groupBy('o.document_type')
    .execute();
  const handled = await ctx.db
    .selectFrom('incoming as i')
    .select([
      sql<number>`coalesce(sum(case when i.completed_at is not null and (i.deadline is null or i.completed_at <= i.deadline) then 1 else 0 end), 0)`.as('onTime'),
      sql<number>`coalesce(sum(case when (i.completed_at is not null and i.deadline is not null and i.completed_at > i.deadline) or (i.completed_at is null and i.deadline < ${today}) then 1 else 0 end), 0)`.as('late'),
      sql<number>`coalesce(sum(case when i.completed_at is null and (i.deadline is null or i.deadline >= ${today}) then 1 else 0 end), 0)`.as('pending'),
    ])
    .where('i.deleted_at', 'is', null)
    .where(visibleIncoming(ctx.user))
    .where('i.arrival_date', '>=', from)
    .where('i.arrival_date', '<=', to)
    .executeTakeFirstOrThrow();
  const types = (rows: { type: string | null; n: number }[]) =>
    rows.map((r) => ({ type: r.type, name: typeName(r.type) ?? 'Không ghi loại', count: Number(r.n) })).sort((a, b) => b.count - a.count);
  const sum = (rows: { n: number }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
  return {
    incoming: sum(inc),
    outgoing: sum(out),
    incomingByType: types(inc),
    outgoingByType: types(out),
    incomingHandled: { onTime: Number(handled.onTime), late: Number(handled.late), pending: Number(handled.pending) },
  };
}

async function focusTasks(ctx: CallContext): Promise<MonthlyFigures['tasks']['focus']> {
  const rows = await ctx.db
    .selectFrom('tasks as t')
    .leftJoin('units as u', 'u.id', 't.lead_unit_id')
    .select(['t.id', 't.content', 'u.name as unit_name', 't.target_quantity', 't.target_unit'])
    .select([
      sql<number | null>`(select p.quantity from task_progress p join task_occurrences o on o.id = p.occurrence_id where o.task_id = t.id order by p.report_date desc, p.id desc limit 1)`.as('reached'),
      sql<number | null>`(select p.percent from task_progress p join task_occurrences o on o.id = p.occurrence_id where o.task_id = t.id order by p.report_date desc, p.id desc limit 1)`.as('percent'),
    ])
    .where('t.deleted_at', 'is', null)
    .where(visibleTask(ctx.user))
    .where('t.focus', '=', 1)
    .where('t.state', '!=', 'cancelled')
    .orderBy('t.id')
    .limit(50)
    .execute();
  return rows.map((r) => ({ id: r.id, content: r.content, unitName: r.unit_name, targetQuantity: r.target_quantity, targetUnit: r.target_unit, reached: r.reached, percent: r.percent }));
}

export async function monthlyFigures(ctx: CallContext, year: number, month: number): Promise<MonthlyFigures> {
  const { from, to, yearFrom } = monthRange(year, month);
  const today = ctx.today();
  const clock = await statusClock(ctx);
  const byStatus = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const r of await summaryRows(ctx.db, { from, to }, clock, taskAccess(ctx.user))) byStatus[r.status] += r.n;
  const direct = await ctx.db
    .selectFrom('tthc_dossiers')
    .select(sql<number>`count(*)`.as('n'))
    .where('deleted_at', 'is', null)
    .where('received_at', '>=', from)
    .where('received_at', '<=', to)
    .where('channel', '=', 'direct')
    .executeTakeFirstOrThrow();
  const countFiles = async (column: 'created_at' | 'h.date', a: string, b: string) => {
    const q =
      column === 'created_at'
        ? ctx.db.selectFrom('dossiers').select(sql<number>`count(*)`.as('n')).where('deleted_at', 'is', null).where('created_at', '>=', a).where('created_at', '<=', `${b}T99`)
        : ctx.db.selectFrom('dossiers as f').innerJoin('dossier_handovers as h', 'h.id', 'f.handover_id').select(sql<number>`count(*)`.as('n')).where('f.deleted_at', 'is', null).where('h.date', '>=', a).where('h.date', '<=', b);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return {
    period: { year, month, from, to },
    asOf: today,
    month: await documents(ctx, from, to, today),
    yearToDate: await documents(ctx, yearFrom, to, today),
    tasks: { byStatus, focus: await focusTasks(ctx) },
    tthc: { month: await tthcStats(ctx, from, to), yearToDate: await tthcStats(ctx, yearFrom, to), monthDirect: Number(direct.n) },
    workFiles: { openedInMonth: await countFiles('created_at', from, to), handedOverInMonth: await countFiles('h.date', from, to), handedOverYearToDate: await countFiles('h.date', yearFrom, to) },
  };
}

export async function reportSettings(ctx: Pick<CallContext, 'db'>): Promise<ReportSettings> {
  const v = (await getSetting<Partial<ReportSettings>>(ctx.db, SETTINGS_KEY)) ?? {};
  return {
    recipients: v.recipients ?? ['UBND tỉnh (b/c)', 'Giám đốc, các PGĐ Sở', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT, VP'],
    authority: v.authority ?? 'KT. GIÁM ĐỐC',
    position: v.position ?? 'PHÓ GIÁM ĐỐC',
    signerName: v.signerName ?? '',
  };
}

export const reportsHandlers: HandlerMap<'reports.monthly' | 'reports.settings' | 'reports.updateSettings' | 'exports.monthlyReport'> = {
  async 'exports.monthlyReport'(ctx, v) {
    const figures = await monthlyFigures(ctx, v.year, v.month);
    const agency = await agencyHeader(ctx);
    const settings = await reportSettings(ctx);
    return writeExport(ctx.files, ctx.user, `Bao-cao-thang-${v.month}-${v.year}.docx`, async (file) => {
      if (!renderTemplate(ctx, 'monthlyReport', monthlyTemplateData(figures, agency, settings, ctx.today()), file)) await writeMonthlyReportDocx(figures, agency, settings, ctx.today(), file);
      return figures.month.incoming + figures.month.outgoing;
    });
  },
  'reports.monthly': (ctx, v) => monthlyFigures(ctx, v.year, v.month),
  'reports.settings': (ctx) => reportSettings(ctx),
  async 'reports.updateSettings'(ctx, v) {
    const before = await reportSettings(ctx);
    await putSetting(ctx.db, SETTINGS_KEY, v);
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before, after: v });
    return v;
  },
};
