import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { taskStatus } from '../../electron/core/tasks/rules';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

// Wednesday 25/11/2026; with 3 working days, due soon runs to Monday 30/11.
const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
let units: Record<string, number>;

beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  units = {};
  for (const [name, abbreviation] of [['Văn phòng Sở', 'VP'], ['Thanh tra Sở', 'TTr'], ['Phòng Quản lý đất đai', 'QLĐĐ']] as const) {
    units[name] = ok(await t.core.call('units.create', { name, abbreviation, kind: 'internal' })).id;
  }
});
afterEach(async () => t.close());

const base = { coordinatingUnitIds: [], focus: false, inSuperiorProgramme: false };

describe('tasks', () => {
  it('creates a one-off task with its source, units and target, and reports progress to completion', async () => {
    const task = ok(
      await t.core.call('tasks.create', {
        ...base,
        content: 'Cấp giấy chứng nhận quyền sử dụng đất',
        sourceText: 'Công văn 1237/UBND-CN ngày 25/5/2021',
        leadUnitId: units['Phòng Quản lý đất đai'],
        coordinatingUnitIds: [units['Văn phòng Sở']!],
        deadline: '2026-12-31',
        targetQuantity: 170,
        targetUnit: 'giấy chứng nhận',
        focus: true,
      }),
    );
    expect(task.occurrences).toEqual([expect.objectContaining({ periodKey: 'once', due: '2026-12-31', status: 'not_due' })]);
    expect(task.source).toBe('Công văn 1237/UBND-CN ngày 25/5/2021');
    expect(task.coordinatingUnits.map((u) => u.name)).toEqual(['Văn phòng Sở']);

    const p = ok(await t.core.call('tasks.reportProgress', { id: task.id, date: '2026-11-20', result: 'Đã cấp 85 giấy', quantity: 85, percent: 50 }));
    expect(p.progress).toEqual([expect.objectContaining({ date: '2026-11-20', quantity: 85, percent: 50 })]);
    const done = ok(await t.core.call('tasks.complete', { id: task.id, date: '2026-11-24', result: 'Đã cấp đủ 170 giấy' }));
    expect(done.occurrences[0]!.status).toBe('done_on_time');
    expect(err(await t.core.call('tasks.complete', { id: task.id, date: '2026-11-24' })).fields[0]!.path).toBe('occurrenceId');
  });

  it('rejects bad input with Vietnamese messages naming the field, and writes nothing', async () => {
    const e = err(await t.core.call('tasks.create', { ...base, content: '  ', deadline: '2026-02-30' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields.map((f) => f.path).sort()).toEqual(['content', 'deadline']);
    expect(e.fields.find((f) => f.path === 'content')!.message).toBe('Nội dung nhiệm vụ không được để trống.');
    const e2 = err(await t.core.call('tasks.create', { ...base, content: 'X', leadUnitId: 999 }));
    expect(e2.fields[0]).toEqual({ path: 'leadUnitId', message: 'Đơn vị chủ trì: không có đơn vị mã 999.' });
    const e3 = err(await t.core.call('tasks.create', { ...base, content: 'X', startDate: '2026-12-01', deadline: '2026-11-01' }));
    expect(e3.fields[0]!.path).toBe('deadline');
    expect(ok(await t.core.call('tasks.list', {})).total).toBe(0);
  });

  it('makes one occurrence per period of a recurring task, each with its own status', async () => {
    const task = ok(
      await t.core.call('tasks.create', {
        ...base,
        content: 'Báo cáo kết quả thực hiện Kế hoạch',
        leadUnitId: units['Văn phòng Sở'],
        startDate: '2025-01-01',
        timeText: 'Định kỳ 6 tháng trước 25/6 và hàng năm trước 31/12',
      }),
    );
    expect(task.recurrence).toBe('6 tháng trước 25/6; Hàng năm trước 31/12');
    expect(task.occurrences.map((o) => `${o.periodKey} ${o.due} ${o.status}`)).toEqual([
      '2025-H1 2025-06-25 overdue',
      '2025 2025-12-31 overdue',
      '2026-H1 2026-06-25 overdue',
      '2026 2026-12-31 not_due',
      '2027-H1 2027-06-25 not_due',
      '2027 2027-12-31 not_due',
    ]);
    const first = task.occurrences[0]!.id;
    const done = ok(await t.core.call('tasks.complete', { id: task.id, occurrenceId: first, date: '2025-06-20' }));
    expect(done.occurrences[0]!.status).toBe('done_on_time');
    // Without occurrenceId, the earliest open period.
    const next = ok(await t.core.call('tasks.complete', { id: task.id, date: '2026-01-05' }));
    expect(next.occurrences[1]!.status).toBe('done_late');
  });

  it('lists overdue and due-soon tasks, by unit and source, with the SQL status equal to the rules', async () => {
    const mk = (content: string, deadline: string | null, unit: string) =>
      t.core.call('tasks.create', { ...base, content, deadline, leadUnitId: units[unit] });
    ok(await mk('Quá hạn hôm qua', '2026-11-24', 'Thanh tra Sở'));
    ok(await mk('Hạn thứ Hai', '2026-11-30', 'Thanh tra Sở'));
    ok(await mk('Hạn thứ Ba', '2026-12-01', 'Văn phòng Sở'));
    ok(await mk('Thường xuyên', null, 'Văn phòng Sở'));
    const paused = ok(await mk('Tạm dừng', '2026-10-01', 'Văn phòng Sở'));
    ok(await t.core.call('tasks.pause', { id: paused.id, reason: 'Chờ ý kiến UBND tỉnh' }));

    const list = ok(await t.core.call('tasks.list', { pageSize: 100 }));
    for (const r of list.items) {
      expect(r.status).toBe(taskStatus({ state: r.content === 'Tạm dừng' ? 'paused' : 'active', due: r.due, completedAt: r.completedAt }, '2026-11-25', '2026-11-30'));
    }
    const names = async (input: Input<'tasks.list'>) => ok(await t.core.call('tasks.list', input)).items.map((r) => r.content);
    expect(await names({ status: 'overdue' })).toEqual(['Quá hạn hôm qua']);
    expect(await names({ status: 'due_soon' })).toEqual(['Hạn thứ Hai']);
    expect(await names({ status: 'paused' })).toEqual(['Tạm dừng']);
    expect(await names({ unitId: units['Thanh tra Sở'] })).toEqual(['Quá hạn hôm qua', 'Hạn thứ Hai']);
    expect(await names({ q: 'thuong xuyen' })).toEqual(['Thường xuyên']);

    const summary = ok(await t.core.call('tasks.summary', {}));
    const tt = summary.rows.find((r) => r.unitName === 'Thanh tra Sở')!;
    expect(tt.total).toBe(2);
    expect(tt.counts).toMatchObject({ overdue: 1, due_soon: 1, not_due: 0 });
    expect(summary.rows.find((r) => r.unitName === 'Văn phòng Sở')!.counts).toMatchObject({ not_due: 2, paused: 1 });

    // A wider due-soon window moves Tuesday's task into it.
    ok(await t.core.call('tasks.updateSettings', { dueSoonDays: 4 }));
    expect(await names({ status: 'due_soon' })).toEqual(['Hạn thứ Hai', 'Hạn thứ Ba']);
  });

  it('records reminders, cancels with a reason and refuses progress on a cancelled task', async () => {
    const task = ok(await t.core.call('tasks.create', { ...base, content: 'Thống kê đất đai năm 2025', deadline: '2026-11-20' }));
    const r = ok(await t.core.call('tasks.remind', { id: task.id, date: '2026-11-23', note: 'Đôn đốc lần 1 qua điện thoại' }));
    expect(r.reminders).toEqual([expect.objectContaining({ date: '2026-11-23', note: 'Đôn đốc lần 1 qua điện thoại' })]);
    const c = ok(await t.core.call('tasks.cancel', { id: task.id, reason: 'Nhiệm vụ đã được giao cho Sở khác' }));
    expect(c.occurrences[0]!.status).toBe('cancelled');
    expect(err(await t.core.call('tasks.reportProgress', { id: task.id, date: '2026-11-24', result: 'x' })).fields[0]!.path).toBe('id');
  });

  it('creates a task from an incoming document and finds it by that source', async () => {
    const doc = ok(
      await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: '1237/UBND-CN', documentDate: '2026-11-18', subject: 'Về việc thống kê đất đai' }),
    );
    const task = ok(await t.core.call('tasks.create', { ...base, content: 'Thống kê đất đai', sourceIncomingId: doc.id, leadUnitId: units['Phòng Quản lý đất đai'] }));
    expect(task.source).toBe('1237/UBND-CN');
    expect(ok(await t.core.call('tasks.list', { sourceIncomingId: doc.id })).items.map((r) => r.taskId)).toEqual([task.id]);
    expect(ok(await t.core.call('tasks.list', { source: 'text' })).total).toBe(0);
  });

  it("makes the follow-up task of an incoming document's handling assignment, once", async () => {
    const doc = ok(
      await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: '1240/UBND-KT', documentDate: '2026-11-18', subject: 'Về việc rà soát quỹ đất' }),
    );
    const unassigned = err(await t.core.call('tasks.createFromIncoming', { incomingId: doc.id }));
    expect(unassigned.fields[0]).toEqual(expect.objectContaining({ path: 'incomingId', message: expect.stringContaining('chưa được giao xử lý') }));
    expect(err(await t.core.call('tasks.createFromIncoming', { incomingId: 999 })).code).toBe('NOT_FOUND');
    ok(
      await t.core.call('incoming.assign', {
        id: doc.id,
        instruction: 'Giao Phòng QLĐĐ chủ trì, Thanh tra Sở phối hợp rà soát, báo cáo trước 10/12',
        leadUnitId: units['Phòng Quản lý đất đai']!,
        coordinatingUnitIds: [units['Thanh tra Sở']!],
        deadline: '2026-12-10',
        transferDate: '2026-11-21',
      }),
    );
    const task = ok(await t.core.call('tasks.createFromIncoming', { incomingId: doc.id, focus: true }));
    expect(task).toEqual(
      expect.objectContaining({
        content: 'Giao Phòng QLĐĐ chủ trì, Thanh tra Sở phối hợp rà soát, báo cáo trước 10/12',
        startDate: '2026-11-21',
        focus: true,
        source: '1240/UBND-KT',
      }),
    );
    expect(task.leadUnit?.name).toBe('Phòng Quản lý đất đai');
    expect(task.coordinatingUnits.map((u) => u.name)).toEqual(['Thanh tra Sở']);
    expect(task.occurrences).toEqual([expect.objectContaining({ due: '2026-12-10', status: 'not_due' })]);
    const again = err(await t.core.call('tasks.createFromIncoming', { incomingId: doc.id }));
    expect(again.code).toBe('CONFLICT');
    expect(ok(await t.core.call('tasks.list', { sourceIncomingId: doc.id })).total).toBe(1);
  });
});

describe('tasks read from a document', () => {
  const seed002 = fs.readFileSync(path.resolve(__dirname, '../../../shared/seeds/002_3a266e0a28503dbb.txt'), 'utf8');

  it('matches unit names without diacritics or case and offers unknown ones for creation', async () => {
    const { tasks } = ok(await t.core.call('tasks.importFromText', { text: seed002 }));
    expect(tasks).toHaveLength(70);
    const ofTT = tasks.filter((x) => x.unitName === 'Thanh tra Sở');
    expect(ofTT.every((x) => x.unitId === units['Thanh tra Sở'])).toBe(true);
    // "Phòng Quản lý đất đai" exists; "Phòng Đo đạc và Khoáng sản" does not.
    expect(tasks.find((x) => x.unitName === 'Phòng Quản lý đất đai')!.unitId).toBe(units['Phòng Quản lý đất đai']);
    const dd = tasks.find((x) => x.unitName === 'Phòng Đo đạc và Khoáng sản')!;
    expect(dd.unitId).toBeNull();
    expect(dd.unknownUnitNames).toEqual(['Phòng Đo đạc và Khoáng sản']);
  });

  it('saves the reviewed list in one transaction, creating the units the user accepted', async () => {
    const { tasks } = ok(await t.core.call('tasks.importFromText', { text: seed002 }));
    const chosen: Input<'tasks.importCommit'>['tasks'] = tasks.slice(0, 6).map((x) => ({
      content: x.content,
      leadUnitId: x.unitId,
      newLeadUnitName: x.unitId === null && x.unitName ? x.unitName : null,
      coordinatingUnitIds: x.coordinatingUnitIds,
      deadline: x.deadline,
      timeText: x.timeText,
    }));
    const bad = [...chosen, { content: '', leadUnitId: null }];
    const e = err(await t.core.call('tasks.importCommit', { sourceText: 'Thông báo kết luận giao ban tháng 6/2021', tasks: bad }));
    expect(e.fields[0]!.path).toBe('tasks.6.content');
    expect(ok(await t.core.call('tasks.list', {})).total).toBe(0);

    const r = ok(await t.core.call('tasks.importCommit', { sourceText: 'Thông báo kết luận giao ban tháng 6/2021', tasks: chosen }));
    expect(r.created).toHaveLength(6);
    const list = ok(await t.core.call('tasks.list', { pageSize: 10 }));
    expect(list.items.every((i) => i.source === 'Thông báo kết luận giao ban tháng 6/2021')).toBe(true);
    const unitsAfter = ok(await t.core.call('units.list', {})).items.map((u) => u.name);
    expect(unitsAfter).toContain('Văn phòng Sở');
    expect(unitsAfter.filter((n) => n === 'Văn phòng Sở')).toHaveLength(1);
    // The notice's general tasks have no unit; none of the six named a missing unit, so none was created.
    expect(r.createdUnits).toEqual([]);
    const withNew = ok(
      await t.core.call('tasks.importCommit', { tasks: [{ content: 'Công bố kết quả dự án', newLeadUnitName: 'Phòng Đo đạc và Khoáng sản' }] }),
    );
    expect(withNew.createdUnits.map((u) => u.name)).toEqual(['Phòng Đo đạc và Khoáng sản']);
    const created = ok(await t.core.call('units.list', {})).items.find((u) => u.name === 'Phòng Đo đạc và Khoáng sản')!;
    expect(created.abbreviation).toBe('ĐĐKS');
  });

  it('counts the same tasks in the summary, the list and the home page, for the period the summary names', async () => {
    const vp = units['Văn phòng Sở']!;
    const mk = (content: string, over: Partial<Input<'tasks.create'>>) => t.core.call('tasks.create', { ...base, content, leadUnitId: vp, ...over });
    ok(await mk('Quá hạn trong năm', { deadline: '2026-03-31' }));
    ok(await mk('Quá hạn từ năm trước', { deadline: '2025-10-31' }));
    ok(await mk('Chưa đến hạn', { deadline: '2026-12-31' }));
    ok(await mk('Không có hạn', {}));
    ok(await mk('Rà soát thường xuyên', { timeText: 'thường xuyên' }));
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const summary = ok(await t.core.call('tasks.summary', year));
    expect(summary).toMatchObject(year);
    const row = summary.rows.find((r) => r.unitId === vp)!;
    // Last year's overdue task is not in this year's count, the undated ones are in every period's.
    expect(row.counts.overdue).toBe(1);
    expect(row.total).toBe(4);
    const listed = ok(await t.core.call('tasks.list', { ...year, unitId: vp, pageSize: 500 }));
    expect(listed.total).toBe(row.total);
    for (const status of ['overdue', 'not_due'] as const)
      expect(ok(await t.core.call('tasks.list', { ...year, unitId: vp, status })).total, status).toBe(row.counts[status]);
    const home = ok(await t.core.call('reports.dashboard', { year: 2026 }));
    expect(home.tasksByUnit.find((u) => u.unitId === vp)!.counts).toEqual(row.counts);
    // Its overdue list is of every year, as the list without a period, which it opens.
    expect(home.overdueTaskTotal).toBe(ok(await t.core.call('tasks.list', { status: 'overdue' })).total);
    expect(home.overdueTasks.map((x) => x.content)).toEqual(['Quá hạn từ năm trước', 'Quá hạn trong năm']);
  });
});
