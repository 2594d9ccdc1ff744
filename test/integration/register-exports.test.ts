import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingRegisterColumns, outgoingRegisterColumns } from '../../electron/core/registers/register-types';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, heldPath } from '../support/core';

let t: TestCore;
let out: string;
const senders = ['UBND tỉnh Lạng Sơn', 'Sở Nội vụ', 'Bộ Tài nguyên và Môi trường', 'UBND huyện Cao Lộc'];

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2025-06-30T02:00:00Z') });
  out = tempDir('vanthu-exports-');
  ok(await t.core.call('agency.update', standardAgency));
  const vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
  for (let i = 0; i < 30; i++) {
    const day = String(i + 1).padStart(2, '0');
    ok(await t.core.call('incoming.register', {
      arrivalDate: `2025-01-${day}`,
      senderName: senders[i % senders.length]!,
      notation: i % 3 === 0 ? `${100 + i}/STNMT-VP` : `${100 + i}/BC-STNMT`,
      documentDate: '2024-12-30',
      subject: `Về việc quản lý đất đai và bảo vệ môi trường, đợt ${i + 1}`,
      recipientText: 'Văn phòng Sở',
    }));
  }
  // Outside the period: must not be exported.
  ok(await t.core.call('incoming.register', { arrivalDate: '2024-12-31', senderName: 'Sở Tư pháp', notation: '1/TB-STP', documentDate: '2024-12-30', subject: 'Năm trước' }));
  for (let i = 0; i < 5; i++) {
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: i % 2 ? 'BC' : 'CV', subject: `Trích yếu văn bản đi số ${i + 1}`, draftingUnitId: vp.id, drafterInitials: 'PAD', recipients: [{ name: 'UBND tỉnh Lạng Sơn' }], copies: 3 }));
    ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: `2025-03-0${i + 1}` }));
    if (i === 2) ok(await t.core.call('outgoing.cancelNumber', { id: d.id, reason: 'Ban hành nhầm' }));
  }
  ok(await t.core.call('outgoing.createDraft', { documentType: 'KH', subject: 'Dự thảo chưa cấp số' }));
});
afterAll(() => t.close());

/** A cell as the sheet shows it: date cells through their dd/mm/yyyy format, numbers through theirs. */
function shown(c: ExcelJS.Cell): string {
  if (c.value instanceof Date) return c.numFmt === 'dd/mm/yyyy' ? c.value.toISOString().slice(0, 10).split('-').reverse().join('/') : `DATE WITHOUT FORMAT ${c.numFmt}`;
  if (typeof c.value === 'number' && c.numFmt === '00') return String(c.value).padStart(2, '0');
  return c.text;
}

async function readXlsx(file: string, sheet = 0) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[sheet]!;
  const rows: string[][] = [];
  ws.eachRow((r) => rows.push(Array.from({ length: 10 }, (_, i) => shown(r.getCell(i + 1)))));
  return { wb, ws, rows };
}

describe('register exports', () => {
  it('incoming xlsx: the decree columns in order, one row per document of the period, dd/mm/yyyy, A4 landscape', async () => {
    const r = ok(await t.core.call('exports.incomingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'xlsx'}));
    expect(r).toMatchObject({ name: 'So-van-ban-den_2025-01-01_2025-12-31.xlsx', rows: 30 });
    const { ws, rows } = await readXlsx(await heldPath(t.core, r));
    const h = rows.findIndex((row) => row[0] === 'Ngày đến');
    expect(rows[h]).toEqual([...incomingRegisterColumns]);
    expect(rows.slice(0, h).map((row) => row[0])).toContain('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG');
    const data = rows.slice(h + 1);
    expect(data).toHaveLength(30);
    expect(data[0]).toEqual(['01/01/2025', '01', 'UBND tỉnh Lạng Sơn', '100/STNMT-VP', '30/12/2024', 'Về việc quản lý đất đai và bảo vệ môi trường, đợt 1', 'Văn phòng Sở', '', '', '']);
    expect(data[1]).toEqual(['02/01/2025', '02', 'Sở Nội vụ', '101/BC-STNMT', '30/12/2024', 'Báo cáo: Về việc quản lý đất đai và bảo vệ môi trường, đợt 2', 'Văn phòng Sở', '', '', '']);
    expect(data.map((d) => d[1])).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(rows.some((row) => row[0] === 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN')).toBe(true);
    expect(rows.some((row) => row[0] === 'Từ ngày 01/01/2025 đến ngày 31/12/2025')).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    const headerAt = Array.from({ length: 20 }, (_, i) => i + 1).find((n) => ws.getRow(n).getCell(1).value === 'Ngày đến')!;
    expect(ws.pageSetup.printTitlesRow).toBe(`${headerAt}:${headerAt}`);
    expect(ws.pageSetup.margins).toMatchObject({ top: 0.79, bottom: 0.79, left: 1.18, right: 0.59 });
    expect(ws.getRow(headerAt + 1).getCell(3).font?.name).toBe('Times New Roman');
    // Typed cells: the arrival date a date, the arrival number a number shown with its leading zero.
    const first = ws.getRow(headerAt + 1);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(first.getCell(2).value).toBe(1);
    expect(first.getCell(2).numFmt).toBe('00');
    expect(first.getCell(5).type).toBe(ExcelJS.ValueType.Date);
    // Row heights: every row carries one, and the two-line subject is taller than a one-line header cell.
    for (let i = headerAt + 1; i <= headerAt + 30; i++) expect(ws.getRow(i).height).toBeGreaterThan(0);
  });

  it('outgoing xlsx: issued and cancelled numbers in order, drafts left out', async () => {
    const r = ok(await t.core.call('exports.outgoingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'xlsx'}));
    expect(r.rows).toBe(5);
    const { rows } = await readXlsx(await heldPath(t.core, r));
    const h = rows.findIndex((row) => row[0] === 'Số, ký hiệu văn bản');
    expect(rows[h]).toEqual([...outgoingRegisterColumns]);
    const data = rows.slice(h + 1);
    expect(data.map((d) => d[0])).toEqual(['01/STNMT-VP', '02/BC-STNMT', '03/STNMT-VP', '04/BC-STNMT', '05/STNMT-VP']);
    expect(data[2]![9]).toBe('Hủy số');
    expect(data[1]).toEqual(['02/BC-STNMT', '02/03/2025', 'Báo cáo: Trích yếu văn bản đi số 2', '', 'UBND tỉnh Lạng Sơn', 'VT, VP(PAD)', '3', '', '', '']);
    const { ws } = await readXlsx(await heldPath(t.core, r));
    const row = ws.getRow(10);
    expect(row.getCell(1).value).toBe('02/BC-STNMT');
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(7).value).toBe(3);
    // The outgoing book's own alignment: notation, date, archive line and copies centred; subject and recipients left.
    expect([1, 2, 3, 5, 6, 7].map((c) => row.getCell(c).alignment?.horizontal)).toEqual(['center', 'center', 'left', 'left', 'center', 'center']);
  });

  it('docx: landscape A4, the header row repeated on each page, Times New Roman, every subject', async () => {
    const r = ok(await t.core.call('exports.incomingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'docx'}));
    expect(r.rows).toBe(30);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await heldPath(t.core, r)))).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:orient="landscape"');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Times New Roman');
    let at = 0;
    for (const c of incomingRegisterColumns) {
      const i = xml.indexOf(`>${c}<`, at);
      expect(i).toBeGreaterThan(at);
      at = i;
    }
    for (let i = 1; i <= 30; i++) expect(xml).toContain(`đợt ${i}<`);
    expect(xml).not.toContain('Năm trước');
    // The book's cover, then page numbers from the table's page on (none on the cover).
    expect(xml.indexOf('>SỔ ĐĂNG KÝ VĂN BẢN ĐẾN<')).toBeLessThan(xml.indexOf('>Ngày đến<'));
    for (const line of ['>Năm: 2025<', '>Từ ngày 01/01/2025 đến ngày 31/12/2025<', '>Từ số 01 đến số 30<', '>Quyển số: 01<']) expect(xml).toContain(line);
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:pgNumType w:start="1"/);
    const o = ok(await t.core.call('exports.outgoingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'docx'}));
    expect(o.rows).toBe(5);
  });

  it('bad input: period reversed, unknown format — nothing written; a path sent along is never written to', async () => {
    expect(err(await t.core.call('exports.incomingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'pdf'})).fields[0]?.path).toBe('format');
    const e = err(await t.core.call('exports.incomingRegister', { from: '2025-12-31', to: '2025-01-01', format: 'xlsx'}));
    expect(e.fields).toEqual([{ path: 'to', message: 'Đến ngày phải sau hoặc bằng Từ ngày.' }]);
    // An old client (or an attacker) naming a file: the core answers a handle and leaves that file alone.
    const victim = path.join(out, 'x.xlsx');
    fs.writeFileSync(victim, 'giữ nguyên');
    const r = ok(await t.core.call('exports.incomingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'xlsx', path: victim } as never));
    expect(fs.readFileSync(victim, 'utf8')).toBe('giữ nguyên');
    expect(await heldPath(t.core, r)).not.toBe(victim);
  });

  it('a cell that looks like a formula stays text', async () => {
    ok(await t.core.call('incoming.register', { arrivalDate: '2025-06-01', senderName: '=HYPERLINK("http://x")', notation: '9/TB-X', documentDate: '2025-06-01', subject: '+cmd|calc' }));
    const r = ok(await t.core.call('exports.incomingRegister', { from: '2025-06-01', to: '2025-06-01', format: 'xlsx'}));
    const { ws } = await readXlsx(await heldPath(t.core, r));
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(last.getCell(3).value).toBe('=HYPERLINK("http://x")');
  });
});
