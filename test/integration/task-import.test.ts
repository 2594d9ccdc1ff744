import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';

const fixture = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/task-documents/01-tb-ket-luan-so-nnptnt-thai-nguyen.txt'), 'utf8');
// Long after the notice of October 2023.
const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;

beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
});
afterEach(async () => t.close());

describe('tasks.importFromText on a document of another office', () => {
  it('answers the tasks with their units, deadline and recurrence, and the source from the header', async () => {
    const r = ok(await t.core.call('tasks.importFromText', { text: fixture }));
    expect(r.source).toEqual({
      issuer: 'Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Nguyên',
      documentType: 'Thông báo',
      notation: '412/TB-SNN',
      documentDate: '2023-10-06',
      subject: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10 năm 2023',
    });
    expect(r.references).toEqual(['128/KH-UBND', '106/2020/NĐ-CP', '1520/QĐ-UBND', '05-NQ/TU', '35/QĐ-SNN']);
    expect(r.tasks).toHaveLength(19);
    const second = r.tasks[1]!;
    expect(second).toMatchObject({ unitName: null, leadUnitNames: [], deadline: null, recurrence: { kind: 'monthly', label: 'Hàng tháng trước ngày 18' } });
    const vp = r.tasks[4]!;
    expect(vp).toMatchObject({ unitName: 'Văn phòng Sở', coordinatingUnitNames: ['Phòng Kế hoạch - Tài chính'], deadline: '2023-10-31', recurrence: null, references: ['106/2020/NĐ-CP'] });
    expect(vp.unitId).not.toBeNull();
    expect(r.tasks[17]!.recurrence?.kind).toBe('half-yearly');
  });

  it('saves tasks whose period has passed as overdue, and only "thường xuyên" ones as continuous', async () => {
    const { tasks } = ok(await t.core.call('tasks.importFromText', { text: fixture }));
    const pick: Input<'tasks.importCommit'>['tasks'] = [tasks[3]!, tasks[5]!, tasks[8]!].map((x) => ({
      content: x.content,
      leadUnitId: x.unitId,
      coordinatingUnitIds: x.coordinatingUnitIds,
      deadline: x.deadline,
      timeText: x.timeText,
    }));
    const saved = ok(await t.core.call('tasks.importCommit', { sourceText: 'Thông báo số 412/TB-SNN ngày 06/10/2023', tasks: pick }));
    expect(saved.created).toHaveLength(3);
    const rows = ok(await t.core.call('tasks.list', { pageSize: 20 })).items;
    const of = (start: string) => rows.filter((row) => row.content.startsWith(start));
    // "hoàn thành trước ngày 25/11/2023": long past, so overdue, not an open "Thường xuyên" task.
    expect(of('Tham mưu xây dựng báo cáo tổng kết').map((row) => [row.due, row.periodLabel, row.status])).toEqual([['2023-11-25', null, 'overdue']]);
    expect(of('Theo dõi, đôn đốc việc thực hiện').map((row) => [row.due, row.periodLabel])).toEqual([[null, 'Thường xuyên']]);
    // No deadline and no recurrence: a one-off task without a date, not a continuous one.
    expect(of('Chỉ đạo thu hoạch lúa Mùa').map((row) => [row.due, row.periodLabel])).toEqual([[null, null]]);
    expect(rows.every((row) => row.source === 'Thông báo số 412/TB-SNN ngày 06/10/2023')).toBe(true);
  });
});
