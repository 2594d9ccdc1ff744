/** Task documents: the report by unit, the meeting-conclusion notice, the reminder list of a unit. */
import { AppError } from '../../../shared/api/errors';
import { workingDaysBetween } from '../../../shared/workdays';
import { taskAccess, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { agencyHeader } from '../document-blocks/agency-header';
import { writeExport } from '../file-store';
import { renderTemplate, templateData } from '../templates/fill';
import type { OverdueLine, ReminderLine } from './document-types';
import { taskSummary } from './handlers';
import { rowSourceLabel, statusClock, workCalendar } from './load';
import { writeMeetingConclusionDocx } from './meeting-conclusion-docx';
import { writeReminderDocx } from './reminder-docx';
import { writeTaskReportDocx, writeTaskReportXlsx } from './report-docs';
import type { TaskFilter, TaskListRow } from './store';

const noFilter = (ctx: CallContext): TaskFilter => ({ access: taskAccess(ctx.user), unitId: null, status: null, source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null });

async function allRows(ctx: CallContext, f: TaskFilter, sort: 'due' | 'unit' = 'due') {
  const clock = await statusClock(ctx);
  const out: TaskListRow[] = [];
  for (let offset = 0; ; offset += 2000) {
    const { rows } = await ctx.stores.tasks.list(f, clock, { offset, limit: 2000, sort, dir: 'asc' });
    out.push(...rows);
    if (rows.length < 2000) return { rows: out, clock };
  }
}

export const taskExportsHandlers: HandlerMap<'exports.taskReport' | 'exports.meetingConclusion' | 'exports.taskReminders'> = {
  async 'exports.taskReport'(ctx, v) {
    const agency = await agencyHeader(ctx);
    const summary = await taskSummary(ctx, v.from, v.to);
    const { rows, clock } = await allRows(ctx, { ...noFilter(ctx), status: 'overdue', from: v.from, to: v.to }, 'unit');
    const cal = await workCalendar(ctx, clock.today);
    const overdue: OverdueLine[] = rows.map((r) => ({
      unitName: r.lead_unit_name ?? 'Chưa giao đơn vị',
      content: r.content,
      source: rowSourceLabel(r),
      deadline: r.due_date ?? '',
      daysOverdue: r.due_date ? workingDaysBetween(r.due_date, clock.today, cal) : 0,
      lastProgress: r.last_progress,
    }));
    const doc = { agency, from: v.from, to: v.to, asOf: clock.today, byUnit: summary.rows.map((r) => ({ unitName: r.unitName, counts: r.counts, total: r.total })), overdue };
    return writeExport(ctx.files, ctx.user, `Bao-cao-nhiem-vu_${v.from}_${v.to}.${v.format}`, async (file) => {
      if (v.format === 'xlsx') await writeTaskReportXlsx(doc, file);
      else if (!renderTemplate(ctx, 'taskReport', templateData(doc), file)) await writeTaskReportDocx(doc, file);
      return summary.rows.length;
    });
  },
  async 'exports.meetingConclusion'(ctx, v) {
    const agency = await agencyHeader(ctx);
    const tasks = await ctx.stores.tasks.ofSourceText(v.sourceText, visibleTask(ctx.user));
    if (tasks.length === 0) throw new AppError('VALIDATION', `Không có nhiệm vụ nào có nguồn giao "${v.sourceText}".`, [{ path: 'sourceText', message: 'Nguồn giao này chưa có nhiệm vụ.' }]);
    const groups = new Map<number, { unitName: string; order: number; tasks: { content: string; deadline: string | null }[] }>();
    for (const t of tasks) {
      if (t.lead_unit_id === null) continue;
      const g = groups.get(t.lead_unit_id) ?? { unitName: t.unit_name ?? '', order: t.sort_order ?? 0, tasks: [] };
      g.tasks.push({ content: t.content, deadline: t.due_date });
      groups.set(t.lead_unit_id, g);
    }
    const notice = {
        agency,
        number: v.number,
        date: v.date,
        title: v.title,
        intro: v.intro,
        generalTasks: tasks.filter((t) => t.lead_unit_id === null).map((t) => ({ content: t.content, deadline: t.due_date })),
        unitGroups: [...groups.values()].sort((a, b) => a.order - b.order).map(({ unitName, tasks: ts }) => ({ unitName, tasks: ts })),
        closing: v.closing ?? 'Căn cứ nội dung kết luận nêu trên, đề nghị các phòng, đơn vị trực thuộc nghiêm túc tổ chức triển khai thực hiện./.',
        recipients: v.recipients.length ? v.recipients : ['Giám đốc, các Phó Giám đốc Sở', 'Các phòng, đơn vị trực thuộc Sở', 'Lưu: VT, VP'],
        signature: { authority: v.authority ?? '', position: v.position, signerName: v.signerName },
      };
    return writeExport(ctx.files, ctx.user, 'Thong-bao-ket-luan.docx', async (file) => {
      if (!renderTemplate(ctx, 'meetingConclusion', templateData(notice), file)) await writeMeetingConclusionDocx(notice, file);
      return tasks.length;
    });
  },
  async 'exports.taskReminders'(ctx, v) {
    const agency = await agencyHeader(ctx);
    const unit = await ctx.stores.tasks.unit(v.unitId);
    if (!unit) throw new AppError('VALIDATION', `Không có đơn vị mã ${v.unitId}.`, [{ path: 'unitId', message: `Đơn vị: không có đơn vị mã ${v.unitId}.` }]);
    const overdue = await allRows(ctx, { ...noFilter(ctx), unitId: v.unitId, status: 'overdue' });
    const soon = await allRows(ctx, { ...noFilter(ctx), unitId: v.unitId, status: 'due_soon' });
    const cal = await workCalendar(ctx, overdue.clock.today);
    const lines: ReminderLine[] = [...overdue.rows, ...soon.rows].map((r) => {
      const days = r.due_date ? workingDaysBetween(overdue.clock.today, r.due_date, cal) : 0;
      return {
        content: r.content,
        source: rowSourceLabel(r),
        deadline: r.due_date,
        statusText: r.status === 'overdue' ? `Quá hạn ${-days} ngày làm việc` : days === 0 ? 'Đến hạn hôm nay' : `Còn ${days} ngày làm việc`,
        lastProgress: r.last_progress,
      };
    });
    const list = { agency, unitName: unit.name, date: overdue.clock.today, lines, signature: { authority: v.authority ?? '', position: v.position, signerName: v.signerName } };
    return writeExport(ctx.files, ctx.user, `Don-doc-nhiem-vu_${unit.name}.docx`, async (file) => {
      if (!renderTemplate(ctx, 'taskReminders', templateData(list), file)) await writeReminderDocx(list, file);
      return lines.length;
    });
  },
};
