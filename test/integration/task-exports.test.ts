import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { err, heldPath, makeCore, ok, standardAgency, upload, type TestCore } from '../support/core';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
const seed002 = fs.readFileSync(path.resolve(__dirname, '../../../shared/seeds/002_3a266e0a28503dbb.txt'), 'utf8');
const SOURCE = 'Thông báo kết luận giao ban tháng 6/2021';
let t: TestCore;
const unitNames = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Đo đạc và Khoáng sản', 'Phòng Quản lý đất đai', 'Phòng Kế hoạch - Tài nguyên nước', 'Chi cục Bảo vệ môi trường', 'Văn phòng Đăng ký đất đai', 'Trung tâm Quan trắc và Dữ liệu', 'Trung tâm Kỹ thuật Tài nguyên và Môi trường', 'Ban Quản lý dự án VILG'];

async function documentXml(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return xml.replace(/<[^>]+>/g, (tag) => (tag.startsWith('</w:p>') ? '\n' : ''));
}

beforeAll(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', { ...standardAgency, parentName: 'UBND tỉnh Cao Bằng', place: 'Cao Bằng' }));
  for (const [i, name] of unitNames.entries()) ok(await t.core.call('units.create', { name, abbreviation: `DV${i + 1}`, kind: 'internal', order: i + 1 }));
  const { tasks } = ok(await t.core.call('tasks.importFromText', { text: seed002 }));
  ok(
    await t.core.call('tasks.importCommit', {
      sourceText: SOURCE,
      tasks: tasks.map((x) => ({ content: x.content, leadUnitId: x.unitId, coordinatingUnitIds: x.coordinatingUnitIds, deadline: x.deadline, timeText: x.timeText })),
    }),
  );
});
afterAll(async () => t.close());

describe('task documents', () => {
  it('prints the meeting conclusion as a THÔNG BÁO: general tasks, then each unit with items numbered from 1-', async () => {
    const r = ok(
      await t.core.call('exports.meetingConclusion', {
        sourceText: SOURCE,
        title: 'Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 5, nhiệm vụ tháng 6 năm 2021',
        authority: 'TL. GIÁM ĐỐC',
        position: 'Chánh Văn phòng',
        signerName: 'Lê Lục Hoàn',
      }),
    );
    expect(r.rows).toBe(70);
    const text = await documentXml(await heldPath(t.core, r));
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Số:        /TB-STNMT');
    expect(text).toContain('Cao Bằng, ngày      tháng      năm');
    const headings = [...text.matchAll(/^2\.2\.(\d+)\. (.+)$/gm)].map((m) => m[2]);
    expect(headings).toEqual(unitNames);
    // The notice's own headings: 1. the assessment, 2. the tasks, 2.1 general, 2.2 specific, 2.2.x per unit.
    expect(text).toMatch(/^1\. Đánh giá kết quả thực hiện nhiệm vụ\n/m);
    expect(text).toMatch(/^2\. Nhiệm vụ trọng tâm thời gian tới\nĐể hoàn thành tốt/m);
    expect(text).toMatch(/^2\.1\. Nhiệm vụ chung\n1- Yêu cầu các phòng/m);
    expect(text).toMatch(/^2\.2\. Nhiệm vụ cụ thể\n2\.2\.1\. /m);
    // Items restart at 1- under each unit; Thanh tra Sở has seven.
    const tt = text.slice(text.indexOf('2.2.2. Thanh tra Sở'), text.indexOf('2.2.3. Phòng Đo đạc'));
    expect([...tt.matchAll(/^(\d+)- /gm)].map((m) => m[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    // The deadline is already in the text: not repeated.
    expect(tt).toContain('Tổng cục Môi trường trước 25/6/2021.\n');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('CHÁNH VĂN PHÒNG');
    expect(text).toContain('Lê Lục Hoàn');
  });

  it('writes the task report xlsx with one row per unit and correct counts, and overdue dates as dates', async () => {
    const r = ok(await t.core.call('exports.taskReport', { from: '2021-01-01', to: '2021-12-31', format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await heldPath(t.core, r));
    const ws = wb.getWorksheet('Theo đơn vị')!;
    const rows: (string | number)[][] = [];
    ws.eachRow((row, n) => {
      if (n > 6) rows.push((row.values as (string | number)[]).slice(1));
    });
    // Ten units with tasks dated in 2021 (the four dated ones), then the total; open-ended tasks always count.
    const summary = ok(await t.core.call('tasks.summary', { from: '2021-01-01', to: '2021-12-31' }));
    expect(rows).toHaveLength(summary.rows.length + 1);
    expect(rows.map((r) => r[1])).toEqual([...summary.rows.map((r) => r.unitName), 'Tổng cộng']);
    const tt = rows.find((r) => r[1] === 'Thanh tra Sở')!;
    // 7 tasks: 2 with 2021 deadlines (overdue by 2026), 5 open-ended (not due).
    expect(tt.slice(2, 5)).toEqual([7, 5, 0]);
    expect(tt[5]).toBe(2);
    expect(rows[rows.length - 1]![2]).toBe(70);
    const overdue = wb.getWorksheet('Quá hạn')!;
    expect(overdue.getCell('E7').value).toBeInstanceOf(Date);
    // Six of seed 002's tasks have a deadline ("trong tháng 6 năm 2021", "Quý II/2021" included), all overdue by now.
    expect(overdue.rowCount).toBe(6 + 6);
  });

  it('writes the task report docx and a unit reminder list', async () => {
    const report = ok(await t.core.call('exports.taskReport', { from: '2021-01-01', to: '2021-12-31', format: 'docx' }));
    const text = await documentXml(await heldPath(t.core, report));
    expect(text).toContain('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ');
    expect(text).toContain('Từ ngày 01/01/2021 đến ngày 31/12/2021');
    const units = ok(await t.core.call('units.list', { kind: 'internal' })).items;
    const tt = units.find((u) => u.name === 'Thanh tra Sở')!;
    const r = ok(await t.core.call('exports.taskReminders', { unitId: tt.id, position: 'Chánh Văn phòng', signerName: 'Lê Lục Hoàn'}));
    expect(r.rows).toBe(2);
    const rem = await documentXml(await heldPath(t.core, r));
    expect(rem).toContain('DANH SÁCH NHIỆM VỤ CẦN ĐÔN ĐỐC');
    expect(rem).toContain('Đơn vị: Thanh tra Sở');
    expect(rem).toMatch(/Quá hạn \d+ ngày làm việc/);
    expect(err(await t.core.call('exports.meetingConclusion', { sourceText: 'Không có', title: 'x', position: 'x', signerName: 'x'})).fields[0]!.path).toBe('sourceText');
  });

  it('reads the text of a .docx for the task reader, numbered paragraphs as items', async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'n', levels: [{ level: 0, format: 'decimal', text: '%1.' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Thanh tra Sở', heading: 'Heading3' }),
            new Paragraph({ text: 'Kiểm tra hoạt động khai thác cát trước 30/12/2026.', numbering: { reference: 'n', level: 0 } }),
            new Paragraph({ text: 'Báo cáo kết quả thanh tra.', numbering: { reference: 'n', level: 0 } }),
          ],
        },
      ],
    });
    const fileId = await upload(t.core, 'ket-luan.docx', await Packer.toBuffer(doc));
    const { text } = ok(await t.core.call('tasks.readDocument', { fileId }));
    const { tasks } = ok(await t.core.call('tasks.importFromText', { text }));
    expect(tasks.map((x) => [x.unitName, x.deadline])).toEqual([
      ['Thanh tra Sở', '2026-12-30'],
      ['Thanh tra Sở', null],
    ]);
    expect(err(await t.core.call('tasks.readDocument', { fileId: await upload(t.core, 'x.docx', 'not a zip') })).message).toContain('.docx');
    expect(err(await t.core.call('tasks.readDocument', { fileId: await upload(t.core, 'x.pdf', 'AA') })).fields[0]!.path).toBe('fileId');
  });
});
