/** Task documents: the report by unit, the meeting-conclusion notice, the reminder list of a unit. */
import { listTaskRows, type TaskFilter } from '../tasks/store';
import { AppError } from '../../../shared/api/errors';
import { workingDaysBetween } from '../../../shared/workdays';
import { taskAccess, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { rowSourceLabel, statusClock, workCalendar } from '../task-store';
import { taskSummary } from '../tasks';
import { agencyHeader } from './agency-header';
import { writeExport } from '../file-store';
import { renderTemplate, templateData } from '../templates';
import { writeMeetingConclusionDocx } from './meeting-conclusion-docx';
import { writeReminderDocx } from './reminder-docx';
import { writeTaskReportDocx, writeTaskReportXlsx } from './task-report';
import type { OverdueLine, ReminderLine } from './task-types';

const noFilter = (ctx: CallContext): TaskFilter => ({ access: taskAccess(ctx.user), unitId: null, status: null, source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null });

async function allRows(ctx: CallContext, f: TaskFilter, sort: 'due' | 'unit' = 'due') {
  const clock = await statusClock(ctx);
  const out: Awaited<ReturnType<typeof listTaskRows>>['rows'] = [];
  for (let offset = 0; ; offset += 2000) {
    const { rows } = await listTaskRows(ctx.db, f, clock, { offset, limit: 2000, sort, dir: 'asc' });
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
    const tasks = await ctx.db
      .selectFrom('tasks as t')
      .leftJoin('units as u', 'u.id', 't.lead_unit_id')
      .leftJoin('task_occurrences as o', (j) => j.onRef('o.task_id', '=', 't.id').on('o.period_key', '=', 'once'))
      .select(['t.id', 't.content', 't.lead_unit_id', 'u.name as unit_name', 'u.sort_order', 'o.due_date'])
      .where('t.source_text', '=', v.sourceText)
      .where('t.deleted_at', 'is', null)
      .where(visibleTask(ctx.user))
      .where('t.state', '!=', 'cancelled')
      .orderBy('t.id')
      .execute();
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
    const unit = await ctx.db.selectFrom('units').select(['id', 'name']).where('id', '=', v.unitId).executeTakeFirst();
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
