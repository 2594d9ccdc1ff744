import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../electron/core/docx-text';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
const clock = () => new Date('2026-11-25T09:00:00+07:00');

async function template(lines: string[]): Promise<string> {
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph({ children: [new TextRun(l)] })) }] });
  return (await Packer.toBuffer(doc)).toString('base64');
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
    const broken = err(await t.core.call('templates.set', { export: 'monthlyReport', contentBase64: await template(['Tháng {thang năm {nam}']) }));
    expect(broken.code).toBe('VALIDATION');
    expect(broken.fields[0]!.message).toMatch(/^Mẫu không dùng được: .*thang/);
    const notWord = err(await t.core.call('templates.set', { export: 'monthlyReport', contentBase64: Buffer.from('không phải Word').toString('base64') }));
    expect(notWord.fields[0]!.message).toContain('không phải tài liệu Word');
    expect(ok(await t.core.call('templates.list', {})).items.find((i) => i.export === 'monthlyReport')!.custom).toBe(false);
  });

  it('fills the placeholders and loops of a template, and goes back to the built-in layout when removed', async () => {
    const set = ok(
      await t.core.call('templates.set', {
        export: 'monthlyReport',
        contentBase64: await template(['{co_quan}', 'BÁO CÁO THÁNG {thang}/{nam}', '{cau_van_thu}', '{#nhiem_vu_trong_tam}', '- {noi_dung}: chỉ tiêu {chi_tieu}', '{/nhiem_vu_trong_tam}', '{chuc_vu}']),
      }),
    );
    expect(set.tags).toEqual(expect.arrayContaining(['thang', 'nam', '#nhiem_vu_trong_tam']));
    const out = path.join(t.dir, 'rieng.docx');
    ok(await t.core.call('exports.monthlyReport', { year: 2026, month: 10, path: out }));
    const text = await docxText(fs.readFileSync(out));
    expect(text).toContain('Sở Tài nguyên và Môi trường');
    expect(text).toContain('BÁO CÁO THÁNG 10/2026');
    expect(text).toContain('Trong tháng, số lượng văn bản đến là 2 văn bản');
    expect(text).toContain('- Cấp giấy chứng nhận cho tổ chức: chỉ tiêu 170 giấy');
    expect(text).not.toContain('{');
    ok(await t.core.call('templates.remove', { export: 'monthlyReport' }));
    ok(await t.core.call('exports.monthlyReport', { year: 2026, month: 10, path: out }));
    expect(await docxText(fs.readFileSync(out))).toContain('I. Kết quả thực hiện nhiệm vụ trọng tâm');
  });
});
