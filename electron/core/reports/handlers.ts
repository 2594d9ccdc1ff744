/**
 * The monthly report's figures, computed from the registers, tasks, TTHC and
 * work files, for the month and from 1 January (lũy kế). Written into the
 * report as sentences by monthly-report-docx.ts.
 */
import type { MonthlyFigures, ReportSettings } from '../../../shared/api/reports';
import { taskStatuses, type TaskStatus } from '../../../shared/tasks/status';
import { taskAccess, visibleIncoming, visibleOutgoing, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { typeName } from '../registers/rules';
import { agencyHeader } from '../document-blocks/agency-header';
import { writeExport } from '../file-store';
import { statusClock } from '../tasks/load';
import { renderTemplate } from '../templates/fill';
import { tthcStats } from '../tthc/handlers';
import { monthlyTemplateData, writeMonthlyReportDocx } from './monthly-report-docx';

const SETTINGS_KEY = 'reports';

export function monthRange(year: number, month: number): { from: string; to: string; yearFrom: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const m = String(month).padStart(2, '0');
  return { from: `${year}-${m}-01`, to: `${year}-${m}-${String(last).padStart(2, '0')}`, yearFrom: `${year}-01-01` };
}

type Counted = { type: string | null; n: number };
const types = (rows: Counted[]) => rows.filter((r) => Number(r.n) > 0).map((r) => ({ type: r.type, name: typeName(r.type) ?? 'Không ghi loại', count: Number(r.n) })).sort((a, b) => b.count - a.count);
const sum = <R>(rows: R[], f: (r: R) => number) => rows.reduce((s, r) => s + Number(f(r)), 0);

function documentFigures(inc: Counted[], out: Counted[], handled: { onTime: number; late: number; pending: number }[]): MonthlyFigures['month'] {
  return {
    incoming: sum(inc, (r) => r.n),
    outgoing: sum(out, (r) => r.n),
    incomingByType: types(inc),
    outgoingByType: types(out),
    incomingHandled: { onTime: sum(handled, (r) => r.onTime), late: sum(handled, (r) => r.late), pending: sum(handled, (r) => r.pending) },
  };
}

/** The registers' figures of the month and of the year to date. */
async function documents(ctx: CallContext, from: string, to: string, yearFrom: string, today: string): Promise<{ month: MonthlyFigures['month']; yearToDate: MonthlyFigures['yearToDate'] }> {
  const inc = await ctx.stores.reports.incomingFigures(yearFrom, from, to, today, visibleIncoming(ctx.user));
  const outMonth = await ctx.stores.reports.outgoingByType(from, to, visibleOutgoing(ctx.user));
  const outYear = await ctx.stores.reports.outgoingByType(yearFrom, to, visibleOutgoing(ctx.user));
  const month = inc.map((r) => ({ type: r.type, n: r.partN, onTime: r.partOnTime, late: r.partLate, pending: r.partPending }));
  return { month: documentFigures(month, outMonth, month), yearToDate: documentFigures(inc, outYear, inc) };
}

async function focusTasks(ctx: CallContext): Promise<MonthlyFigures['tasks']['focus']> {
  const rows = await ctx.stores.reports.focusTasks(visibleTask(ctx.user));
  return rows.map((r) => ({ id: r.id, content: r.content, unitName: r.unit_name, targetQuantity: r.target_quantity, targetUnit: r.target_unit, reached: r.reached, percent: r.percent }));
}

export async function monthlyFigures(ctx: CallContext, year: number, month: number): Promise<MonthlyFigures> {
  const { from, to, yearFrom } = monthRange(year, month);
  const today = ctx.today();
  const clock = await statusClock(ctx);
  const byStatus = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const r of await ctx.stores.tasks.summary({ from, to }, clock, taskAccess(ctx.user))) byStatus[r.status] += r.n;
  const countFiles = ctx.stores.reports.countFiles;
  const docs = await documents(ctx, from, to, yearFrom, today);
  return {
    period: { year, month, from, to },
    asOf: today,
    month: docs.month,
    yearToDate: docs.yearToDate,
    tasks: { byStatus, focus: await focusTasks(ctx) },
    tthc: { month: await tthcStats(ctx, from, to), yearToDate: await tthcStats(ctx, yearFrom, to), monthDirect: await ctx.stores.reports.tthcReceivedDirect(from, to) },
    workFiles: { openedInMonth: await countFiles('created_at', from, to), handedOverInMonth: await countFiles('h.date', from, to), handedOverYearToDate: await countFiles('h.date', yearFrom, to) },
  };
}

export async function reportSettings(ctx: Pick<CallContext, 'stores'>): Promise<ReportSettings> {
  const v = (await ctx.stores.settings.get<Partial<ReportSettings>>(SETTINGS_KEY)) ?? {};
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
    await ctx.stores.settings.put(SETTINGS_KEY, v);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before, after: v });
    return v;
  },
};
