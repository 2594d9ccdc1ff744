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

async function documents(ctx: CallContext, from: string, to: string, today: string) {
  const inc = await ctx.stores.reports.incomingByType(from, to, visibleIncoming(ctx.user));
  const out = await ctx.stores.reports.outgoingByType(from, to, visibleOutgoing(ctx.user));
  const handled = await ctx.stores.reports.incomingHandled(from, to, today, visibleIncoming(ctx.user));
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
  return {
    period: { year, month, from, to },
    asOf: today,
    month: await documents(ctx, from, to, today),
    yearToDate: await documents(ctx, yearFrom, to, today),
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
