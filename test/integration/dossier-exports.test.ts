import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText } from '../../electron/core/docx-text';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, heldPath } from '../support/core';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
let out: string;
let handoverId: number;
let fileId: number;

const text = async (file: string) => docxText(fs.readFileSync(file));

beforeAll(async () => {
  t = await makeCore({ clock });
  out = tempDir();
  ok(await t.core.call('agency.update', standardAgency));
  const vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  const i = ok(await t.core.call('dossiers.addHeading', { year: 2025, title: 'TỔNG HỢP' }));
  const i1 = ok(await t.core.call('dossiers.addHeading', { year: 2025, parentId: i.id, title: 'Kế hoạch, báo cáo công tác' }));
  const ii = ok(await t.core.call('dossiers.addHeading', { year: 2025, title: 'TÀI CHÍNH, KẾ TOÁN' }));
  const base = { year: 2025, keeperUnitId: vp, keeperPerson: 'Nguyễn Thị Hoa' };
  const a = ok(await t.core.call('dossiers.create', { ...base, headingId: i1.id, code: '01.VP', title: 'Kế hoạch, báo cáo công tác năm 2025 của Sở', retention: 'permanent' }));
  const b = ok(await t.core.call('dossiers.create', { ...base, headingId: ii.id, code: '02.VP', title: 'Hồ sơ quyết toán kinh phí năm 2025', retention: 10 }));
  fileId = a.id;
  ok(
    await t.core.call('dossiers.addDocuments', {
      id: a.id,
      documents: [
        { kind: 'other', notation: '15/KH-STNMT', date: '2025-01-10', title: 'Kế hoạch công tác năm 2025', author: 'Sở Tài nguyên và Môi trường', sheets: 4 },
        { kind: 'other', notation: '320/BC-STNMT', date: '2025-12-15', title: 'Báo cáo tổng kết công tác năm 2025', author: 'Sở Tài nguyên và Môi trường', sheets: 6 },
      ],
    }),
  );
  ok(await t.core.call('dossiers.addDocuments', { id: b.id, documents: [{ kind: 'other', date: '2025-03-01', title: 'Quyết định giao dự toán', sheets: 2 }] }));
  ok(await t.core.call('dossiers.close', { id: a.id, workEndedAt: '2025-12-31', extraSheets: 2 }));
  ok(await t.core.call('dossiers.close', { id: b.id, workEndedAt: '2025-12-31' }));
  handoverId = ok(await t.core.call('dossiers.handOver', { ids: [a.id, b.id], date: '2026-11-20', giverUnitId: vp, giverPerson: 'Nguyễn Thị Hoa', receiver: 'Hoàng Văn Nam' })).handoverId;
});
afterAll(async () => {
  // EXPORTS_DIR=dir keeps the files to open in LibreOffice.
  const keep = process.env.EXPORTS_DIR;
  if (keep) for (const f of fs.readdirSync(out)) fs.copyFileSync(path.join(out, f), path.join(keep, f));
  await t.close();
});

describe('work-file documents', () => {
  it('prints the yearly list with its headings and the count by retention, in Word and Excel', async () => {
    const r = ok(await t.core.call('exports.dossierPlan', { year: 2025, format: 'docx', decision: 'Quyết định số 12/QĐ-STNMT ngày 10/01/2025' }));
    expect(r).toMatchObject({ name: 'Danh-muc-ho-so_2025.docx', rows: 2 });
    const doc = await text(await heldPath(t.core, r));
    expect(doc).toContain('DANH MỤC HỒ SƠ CỦA SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG NĂM 2025');
    const order = ['I. TỔNG HỢP', '1. Kế hoạch, báo cáo công tác', '01.VP', 'Vĩnh viễn', 'II. TÀI CHÍNH, KẾ TOÁN', '02.VP', '10 năm'].map((s) => doc.indexOf(s));
    expect(order.every((p, i) => p >= 0 && (i === 0 || p > order[i - 1]!))).toBe(true);
    expect(doc).toContain('2 hồ sơ, bao gồm: 1 hồ sơ bảo quản vĩnh viễn; 1 hồ sơ bảo quản có thời hạn');

    const x = ok(await t.core.call('exports.dossierPlan', { year: 2025, format: 'xlsx'}));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await heldPath(t.core, x));
    const values = wb.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'string');
    expect(values).toEqual(expect.arrayContaining(['Số và ký hiệu hồ sơ', 'I. TỔNG HỢP', '01.VP', 'Hồ sơ quyết toán kinh phí năm 2025', 'Văn phòng Sở - Nguyễn Thị Hoa']));
    expect(err(await t.core.call('exports.dossierPlan', { year: 2024, format: 'docx'})).fields[0]!.path).toBe('year');
  });

  it('prints the index of a file with sheet numbers running on', async () => {
    const r = ok(await t.core.call('exports.dossierIndex', { id: fileId, format: 'docx'}));
    const doc = await text(await heldPath(t.core, r));
    expect(doc).toContain('MỤC LỤC VĂN BẢN');
    expect(doc).toMatch(/15\/KH-STNMT[\s\S]*10\/01\/2025[\s\S]*1-4[\s\S]*320\/BC-STNMT[\s\S]*5-10/);
    expect(doc).toContain('Hồ sơ gồm 2 văn bản, 12 tờ.');
  });

  it('prints the hand-over record with both sides, the counts and the index of files', async () => {
    const r = ok(await t.core.call('exports.handoverRecord', { handoverId}));
    expect(r.rows).toBe(2);
    const doc = await text(await heldPath(t.core, r));
    expect(doc).toContain('Về việc giao nhận hồ sơ, tài liệu');
    expect(doc).toContain('BÊN GIAO: Văn phòng Sở');
    expect(doc).toContain('Ông (bà): Hoàng Văn Nam');
    expect(doc).toContain('3. Số lượng tài liệu: 2 hồ sơ, 14 tờ.');
    expect(doc).toContain('từ ngày 10/01/2025 đến ngày 15/12/2025');
    expect(doc).toMatch(/MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU[\s\S]*01\.VP[\s\S]*02\.VP/);
    const idx = ok(await t.core.call('exports.handoverIndex', { handoverId, format: 'xlsx'}));
    expect(idx.rows).toBe(2);
    expect(err(await t.core.call('exports.handoverRecord', { handoverId: 99})).code).toBe('NOT_FOUND');
  });

  it('prints the apology slip of a late TTHC dossier with the dossier, the applicant and the new date', async () => {
    const proc = ok(await t.core.call('tthc.addProcedure', { name: 'Cấp giấy phép khai thác nước dưới đất', field: 'Tài nguyên nước', processingDays: 20 }));
    const d = ok(await t.core.call('tthc.register', { procedureId: proc.id, applicantName: 'Hợp tác xã Đồng Tâm', applicantKind: 'organisation', receivedAt: '2026-10-01', channel: 'online4' }));
    expect(err(await t.core.call('exports.apologySlip', { id: d.id, position: 'Giám đốc', signerName: 'Lê Văn Bình'})).fields[0]!.path).toBe('id');
    ok(await t.core.call('tthc.postpone', { id: d.id, newDueDate: '2026-12-08', reason: 'Hồ sơ cần lấy ý kiến của UBND huyện Cao Lộc về vị trí giếng khai thác.' }));
    const r = ok(await t.core.call('exports.apologySlip', { id: d.id, authority: 'KT. GIÁM ĐỐC', position: 'Phó Giám đốc', signerName: 'Lê Văn Bình'}));
    const doc = await text(await heldPath(t.core, r));
    expect(doc).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(doc).toContain('Kính gửi: Hợp tác xã Đồng Tâm');
    expect(doc).toContain(`Mã số hồ sơ: ${d.code}.`);
    expect(doc).toContain('Cấp giấy phép khai thác nước dưới đất');
    expect(doc).toContain('sẽ trả kết quả giải quyết hồ sơ vào ngày 08/12/2026');
  });

});
