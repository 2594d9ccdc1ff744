import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../electron/core/docx-text';
import type { Input } from '../../shared/api/index';
import { makeCore, ok, standardAgency, type TestCore, heldPath } from '../support/core';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;

/** The fixture, as plain lists the expected figures are counted from. */
const incoming: [date: string, type: string | null][] = [
  ['2026-01-05', 'CV'], ['2026-03-10', 'QĐ'], ['2026-10-02', 'CV'], ['2026-10-15', 'KH'], ['2026-10-31', 'QĐ'], ['2026-11-03', 'CV'], ['2026-11-20', 'TB'], ['2025-10-10', 'CV'],
];
const outgoing: [date: string | null, type: string][] = [['2026-02-01', 'BC'], ['2026-10-05', 'CV'], ['2026-10-20', 'BC'], ['2026-11-02', 'KH'], [null, 'CV']];

beforeAll(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  const vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  for (const [i, [date, type]] of incoming.entries()) {
    const d = ok(await t.core.call('incoming.register', { arrivalDate: date, senderName: 'UBND tỉnh Lạng Sơn', notation: `${i + 1}/${type ?? 'UBND'}-UBND`, documentType: type, documentDate: date, subject: `Văn bản ${i + 1}` }));
    if (date === '2026-10-02') {
      ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: vp, deadline: '2026-10-10' }));
      ok(await t.core.call('incoming.complete', { id: d.id, completedAt: '2026-10-09' }));
    }
    if (date === '2026-10-15') ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: vp, deadline: '2026-10-20' }));
  }
  for (const [date, type] of outgoing) {
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: type, subject: `Văn bản đi ${type}`, draftingUnitId: vp }));
    if (date) ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: date }));
  }
  const task: Input<'tasks.create'> = { content: 'Cấp giấy chứng nhận quyền sử dụng đất cho tổ chức', leadUnitId: vp, deadline: '2026-12-31', focus: true, targetQuantity: 170, targetUnit: 'giấy chứng nhận' };
  const focus = ok(await t.core.call('tasks.create', task));
  ok(await t.core.call('tasks.reportProgress', { id: focus.id, date: '2026-10-30', result: 'Đã cấp 85 giấy', quantity: 85 }));
  const proc = ok(await t.core.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 }));
  for (const [received, channel] of [['2026-09-28', 'direct'], ['2026-10-05', 'online4'], ['2026-10-06', 'direct'], ['2026-10-07', 'post']] as const) {
    ok(await t.core.call('tthc.register', { procedureId: proc.id, applicantName: 'Công ty A', applicantKind: 'organisation', receivedAt: received, channel }));
  }
});
afterAll(async () => t.close());

const count = <T,>(list: T[], pick: (x: T) => boolean) => list.filter(pick).length;

describe('monthly report', () => {
  it('counts the month and the year to date as the registers say', async () => {
    const f = ok(await t.core.call('reports.monthly', { year: 2026, month: 10 }));
    expect(f.month.incoming).toBe(count(incoming, ([d]) => d.startsWith('2026-10')));
    expect(f.month.outgoing).toBe(count(outgoing, ([d]) => !!d?.startsWith('2026-10')));
    expect(f.yearToDate.incoming).toBe(count(incoming, ([d]) => d >= '2026-01-01' && d <= '2026-10-31'));
    expect(f.yearToDate.outgoing).toBe(count(outgoing, ([d]) => !!d && d >= '2026-01-01' && d <= '2026-10-31'));
    expect(f.month.incomingByType).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'CV', name: 'Công văn', count: 1 }), expect.objectContaining({ type: 'QĐ', count: 1 })]));
    expect(f.month.incomingHandled).toEqual({ onTime: 1, late: 1, pending: 1 });
    expect(f.tasks.focus).toEqual([expect.objectContaining({ targetQuantity: 170, reached: 85 })]);
    expect(f.tthc.month).toEqual(expect.objectContaining({ received: 3, carriedOver: 1, online: 1 }));
    expect(f.tthc.monthDirect).toBe(1);
  });

  it('adds up: the months of a year sum to its year-to-date figures, and the home page counts each month as the report does', async () => {
    let incomingSum = 0;
    let outgoingSum = 0;
    const handled = { onTime: 0, late: 0, pending: 0 };
    const byType = new Map<string | null, number>();
    const home = ok(await t.core.call('reports.dashboard', { year: 2026 }));
    for (let m = 1; m <= 11; m++) {
      const f = ok(await t.core.call('reports.monthly', { year: 2026, month: m }));
      incomingSum += f.month.incoming;
      outgoingSum += f.month.outgoing;
      for (const k of ['onTime', 'late', 'pending'] as const) handled[k] += f.month.incomingHandled[k];
      for (const r of f.month.incomingByType) byType.set(r.type, (byType.get(r.type) ?? 0) + r.count);
      expect(f.yearToDate.incoming).toBe(incomingSum);
      expect(f.yearToDate.outgoing).toBe(outgoingSum);
      expect(f.yearToDate.incomingHandled).toEqual(handled);
      expect(new Map(f.yearToDate.incomingByType.map((r) => [r.type, r.count]))).toEqual(byType);
      expect(f.month.incomingByType.every((r) => r.count > 0)).toBe(true);
      expect(home.months[m - 1]).toEqual(expect.objectContaining({ month: m, incoming: f.month.incoming, outgoing: f.month.outgoing }));
    }
    expect(incomingSum).toBeGreaterThan(3);
  });

  it('writes the report in Word with the figures as sentences, in the order of the department’s report', async () => {
    const r = ok(await t.core.call('exports.monthlyReport', { year: 2026, month: 10}));
    expect(r.name).toBe('Bao-cao-thang-10-2026.docx');
    const text = await docxText(fs.readFileSync(await heldPath(t.core, r)));
    expect(text).toContain('Kết quả thực hiện nhiệm vụ tháng 10 năm 2026 và kế hoạch công tác tháng 11');
    expect(text).toContain('Trong tháng, số lượng văn bản đến là 3 văn bản, văn bản đi là 2 văn bản. Lũy kế từ đầu năm đến nay số lượng văn bản đến là 5 văn bản, số lượng văn bản đi là 3 văn bản.');
    expect(text).toContain('Trong tháng, tiếp nhận mới 3 hồ sơ (trong đó: 1 hồ sơ tiếp nhận trực tiếp, 1 hồ sơ tiếp nhận mức độ 3,4, 1 hồ sơ qua bưu chính); tháng trước chuyển sang 1 hồ sơ');
    expect(text).toContain('Chỉ tiêu 170 giấy chứng nhận; kết quả đến nay 85 giấy chứng nhận, đạt 50%.');
    const order = ['I. Kết quả thực hiện nhiệm vụ trọng tâm', 'II. Kết quả thực hiện các nhiệm vụ chung', 'Công tác văn thư', 'III. Kết quả thực hiện các lĩnh vực chuyên ngành', 'IV. Kế hoạch công tác tháng 11', 'Nơi nhận'].map((s) => text.indexOf(s));
    expect(order.every((p, i) => p >= 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
    if (process.env.EXPORTS_DIR) fs.copyFileSync(await heldPath(t.core, r), path.join(process.env.EXPORTS_DIR, 'bao-cao-thang.docx'));
  });
});
