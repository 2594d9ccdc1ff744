import fs from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../electron/core/docx-text';
import type { HandoverRecordDoc } from '../../electron/core/dossiers/handover-record-docx';
import type { IncomingRegisterRow, OutgoingRegisterRow, RegisterMeta } from '../../electron/core/registers/register-types';
import type { AgencyHeader, SignatureBlock } from '../../electron/core/document-blocks/types';
import type { MeetingConclusionDoc, ReminderListDoc, TaskReportDoc } from '../../electron/core/tasks/document-types';
import { vietnameseKeys } from '../../electron/core/templates/names';
import { templateData } from '../../electron/core/templates/fill';
import { templateExports } from '../../shared/api/templates';
import { err, heldPath, makeCore, ok, standardAgency, upload, type TestCore } from '../support/core';

let t: TestCore;
const clock = () => new Date('2026-11-25T09:00:00+07:00');

/** A Word template with these lines, uploaded: its fileId. */
async function template(lines: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return upload(t.core, 'mau.docx', await Packer.toBuffer(doc));
}

beforeAll(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  for (let i = 1; i <= 2; i++) ok(await t.core.call('incoming.register', { arrivalDate: '2026-10-0' + i, senderName: 'UBND tỉnh', notation: `${i}/UBND`, documentDate: '2026-10-01', subject: 'Văn bản' }));
  ok(await t.core.call('tasks.create', { content: 'Cấp giấy chứng nhận cho tổ chức', focus: true, targetQuantity: 170, targetUnit: 'giấy', deadline: '2026-12-31' }));
});
afterAll(async () => t.close());

describe("an office's own Word template", () => {
  it('rejects a broken template clearly and keeps the built-in layout', async () => {
    const broken = err(await t.core.call('templates.set', { export: 'monthlyReport', fileId: await template(['Tháng {thang năm {nam}']) }));
    expect(broken.code).toBe('VALIDATION');
    expect(broken.fields[0]!.message).toMatch(/^Mẫu không dùng được: .*thang/);
    // docxtemplater's English is not what the clerk reads.
    expect(broken.fields[0]!.message).not.toMatch(/\b(tag|The|is|unclosed|unopened)\b/);
    const loop = err(await t.core.call('templates.set', { export: 'incomingRegister', fileId: await template(['{#dong}', 'Số {so_den}']) }));
    expect(loop.fields[0]!.message).toBe('Mẫu không dùng được: vòng lặp “dong” có {#dong} mà thiếu {/dong}.');
    const notWord = err(await t.core.call('templates.set', { export: 'monthlyReport', fileId: await upload(t.core, 'mau.docx', 'không phải Word') }));
    expect(notWord.fields[0]!.message).toContain('không phải tài liệu Word');
    expect(ok(await t.core.call('templates.list', {})).items.find((i) => i.export === 'monthlyReport')!.custom).toBe(false);
  });

  it('fills the placeholders and loops of a template, and goes back to the built-in layout when removed', async () => {
    const set = ok(
      await t.core.call('templates.set', {
        export: 'monthlyReport',
        fileId: await template(['{co_quan}', 'BÁO CÁO THÁNG {thang}/{nam}', '{cau_van_thu}', '{#nhiem_vu_trong_tam}', '- {noi_dung}: chỉ tiêu {chi_tieu}', '{/nhiem_vu_trong_tam}', '{chuc_vu}']),
      }),
    );
    expect(set.tags).toEqual(expect.arrayContaining(['thang', 'nam', '#nhiem_vu_trong_tam']));
    const own = ok(await t.core.call('exports.monthlyReport', { year: 2026, month: 10 }));
    const text = await docxText(fs.readFileSync(await heldPath(t.core, own)));
    expect(text).toContain('Sở Tài nguyên và Môi trường');
    expect(text).toContain('BÁO CÁO THÁNG 10/2026');
    expect(text).toContain('Trong tháng, số lượng văn bản đến là 2 văn bản');
    expect(text).toContain('- Cấp giấy chứng nhận cho tổ chức: chỉ tiêu 170 giấy');
    expect(text).not.toContain('{');
    ok(await t.core.call('templates.remove', { export: 'monthlyReport' }));
    const builtIn = ok(await t.core.call('exports.monthlyReport', { year: 2026, month: 10 }));
    expect(await docxText(fs.readFileSync(await heldPath(t.core, builtIn)))).toContain('I. Kết quả thực hiện nhiệm vụ trọng tâm');
  });
});

describe('templates for every Word export', () => {
  it('lists every Word export and fills the register and the yearly list of files from their own data', async () => {
    const kinds = ok(await t.core.call('templates.list', {})).items.map((i) => i.export);
    expect(kinds).toEqual(expect.arrayContaining(['monthlyReport', 'apologySlip', 'meetingConclusion', 'taskReminders', 'taskReport', 'incomingRegister', 'outgoingRegister', 'dossierPlan', 'dossierIndex', 'handoverIndex', 'handoverRecord']));

    ok(await t.core.call('templates.set', { export: 'incomingRegister', fileId: await template(['{co_quan} — {ten_so} từ {tu_ngay} đến {den_ngay}', '{#dong}', 'Số {so_den} ngày {ngay_den}: {trich_yeu}', '{/dong}']) }));
    const reg = ok(await t.core.call('exports.incomingRegister', { from: '2026-10-01', to: '2026-10-31', format: 'docx' }));
    const regText = await docxText(fs.readFileSync(await heldPath(t.core, reg)));
    expect(regText).toContain('Sở Tài nguyên và Môi trường — Sổ văn bản đến từ 01/10/2026 đến 31/10/2026');
    expect(regText).toContain('Số 1 ngày 01/10/2026: Văn bản');
    expect(regText).toContain('Số 2 ngày 02/10/2026: Văn bản');

    const h = ok(await t.core.call('dossiers.addHeading', { year: 2026, title: 'TỔNG HỢP' }));
    ok(await t.core.call('dossiers.create', { year: 2026, headingId: h.id, code: '01.VP', title: 'Kế hoạch công tác', retention: 'permanent' }));
    ok(await t.core.call('templates.set', { export: 'dossierPlan', fileId: await template(['{tieu_de}', '{#dong}', '{de_muc}{cot1} {cot2} ({cot3})', '{/dong}']) }));
    const plan = ok(await t.core.call('exports.dossierPlan', { year: 2026, format: 'docx' }));
    const planText = await docxText(fs.readFileSync(await heldPath(t.core, plan)));
    expect(planText).toContain('DANH MỤC HỒ SƠ CỦA SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG NĂM 2026');
    expect(planText).toContain('I. TỔNG HỢP');
    expect(planText).toContain('01.VP Kế hoạch công tác (Vĩnh viễn)');
  });
});

describe('placeholders in one language', () => {
  const english = Object.entries(vietnameseKeys).filter(([k, v]) => k !== v).map(([k]) => k);
  const keysOf = (v: unknown): string[] =>
    Array.isArray(v) ? v.flatMap(keysOf) : v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];

  it('names every key of every export model in Vietnamese', () => {
    const agency: AgencyHeader = { name: 'Sở', parentName: 'UBND tỉnh', abbreviation: 'STNMT', place: 'Lạng Sơn' };
    const signature: SignatureBlock = { authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', signerName: 'A' };
    const task = { content: 'Việc', deadline: '2026-12-31' };
    const counts = { not_due: 1, due_soon: 0, overdue: 2, done_on_time: 0, done_late: 0, paused: 0, cancelled: 0 };
    const meta: RegisterMeta = { agencyName: 'Sở', parentName: 'UBND', registerName: 'Sổ văn bản đến', from: '2026-01-01', to: '2026-12-31', books: [{ year: 2026, from: '2026-01-01', to: '2026-12-31', first: 1, last: 2, count: 2 }] };
    const incoming: IncomingRegisterRow = { year: 2026, arrivalDate: '2026-01-02', arrivalNumber: 1, senderName: 'UBND', notation: '1/UBND', documentDate: '2026-01-01', documentTypeName: null, subject: 'S', recipientText: null, transferDate: null, note: null };
    const outgoing: OutgoingRegisterRow = { year: 2026, notation: '1/BC', number: 1, issueDate: '2026-01-02', documentTypeName: 'Báo cáo', subject: 'S', signerName: 'A', recipientsText: 'B', keptBy: 'VT', copies: 2, transferDate: null, note: null, status: 'issued' };
    const notice: MeetingConclusionDoc = { agency, number: 1, date: '2026-01-02', title: 'T', intro: ['a'], generalTasks: [task], unitGroups: [{ unitName: 'VP', tasks: [task] }], closing: 'c', recipients: ['r'], signature };
    const report: TaskReportDoc = { agency, from: '2026-01-01', to: '2026-12-31', asOf: '2026-06-01', byUnit: [{ unitName: 'VP', counts, total: 3 }], overdue: [{ unitName: 'VP', content: 'c', source: null, deadline: '2026-01-01', daysOverdue: 3, lastProgress: null }] };
    const reminders: ReminderListDoc = { agency, unitName: 'VP', date: '2026-01-02', lines: [{ content: 'c', source: 's', deadline: null, statusText: 'Quá hạn', lastProgress: null }], signature };
    const handover: Omit<HandoverRecordDoc, 'index'> = { agency, date: '2026-01-02', giverUnit: 'VP', giverPerson: 'A', giverPosition: 'CV', receiver: 'B', receiverPosition: 'LT', fileCount: 1, sheets: 2, from: null, to: null, years: '2026', note: null };
    const vietnamese = new Set([...Object.values(vietnameseKeys), 'gia_tri']);
    for (const model of [meta, [incoming], [outgoing], notice, report, reminders, handover]) {
      const keys = keysOf(templateData(model));
      expect(keys.filter((k) => !vietnamese.has(k))).toEqual([]);
    }
  });

  it('lists Vietnamese placeholders for every Word export (Cài đặt → Mẫu văn bản)', () => {
    for (const [kind, e] of Object.entries(templateExports)) {
      const names = e.placeholders.flatMap((p) => p.split(/[\s,:#…]+/)).filter(Boolean);
      expect(names.filter((n) => english.includes(n)), kind).toEqual([]);
    }
  });
});
