/**
 * Registers as books (one per calendar year, each with its cover), the
 * follow-up book and the handling slip, read back from the files.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_ROWS, writeBookDocx } from '../../electron/core/registers/register-docx';
import { followUpRegisterColumns, incomingBook, type IncomingRegisterRow } from '../../electron/core/registers/register-types';
import { err, heldDir, heldPath, makeCore, ok, standardAgency, tempDir, type TestCore } from '../support/core';

let t: TestCore;
let assigned = 0;
let plain = 0;
const long = 'Về việc tăng cường công tác quản lý nhà nước về đất đai, tài nguyên nước, khoáng sản và bảo vệ môi trường trên địa bàn các huyện, thành phố trong tỉnh năm 2025';

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-03-10T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  const lead = ok(await t.core.call('units.create', { name: 'Phòng Quản lý môi trường', abbreviation: 'QLMT', kind: 'internal' }));
  const vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
  for (const [date, subject] of [['2025-12-30', long], ['2025-12-31', 'Ngắn'], ['2026-01-02', 'Đầu năm mới'], ['2026-01-05', 'Thứ hai năm mới']] as const) {
    const d = ok(await t.core.call('incoming.register', { arrivalDate: date, senderName: 'UBND tỉnh Lạng Sơn', notation: `${date.slice(8)}/KH-UBND`, documentDate: date, documentType: 'KH', subject }));
    if (date === '2025-12-30') {
      assigned = d.id;
      ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: lead.id, coordinatingUnitIds: [vp.id], deadline: '2026-01-15', instruction: 'Giao Phòng Quản lý môi trường chủ trì tham mưu.' }));
    } else if (date === '2026-01-05') ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: vp.id, deadline: '2026-04-30' }));
    else plain = d.id;
  }
});
afterAll(() => t.close());

const period = { from: '2025-12-01', to: '2026-01-31' };

async function documentXml(r: { fileId: string }) {
  return (await JSZip.loadAsync(fs.readFileSync(await heldPath(t.core, r)))).file('word/document.xml')!.async('string');
}

async function workbook(r: { fileId: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await heldPath(t.core, r));
  return wb;
}

const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);

describe('registers are books', () => {
  it('Word: one book per calendar year, each with its cover, its own numbers and page numbers from 1', async () => {
    const xml = await documentXml(ok(await t.core.call('exports.incomingRegister', { ...period, format: 'docx' })));
    const words = texts(xml);
    expect(words.filter((w) => w === 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN')).toHaveLength(2);
    expect(words.filter((w) => w === 'Quyển số: 01')).toHaveLength(2);
    const y2025 = words.indexOf('Năm: 2025');
    const y2026 = words.indexOf('Năm: 2026');
    expect(y2025).toBeGreaterThan(-1);
    expect(y2026).toBeGreaterThan(y2025);
    // Each book's cover gives its own dates and numbers: numbers start again at 01 in January.
    expect(words.slice(y2025, y2026)).toEqual(expect.arrayContaining(['Từ ngày 01/12/2025 đến ngày 31/12/2025', 'Từ số 01 đến số 02']));
    expect(words.slice(y2026)).toEqual(expect.arrayContaining(['Từ ngày 01/01/2026 đến ngày 31/01/2026', 'Từ số 01 đến số 02']));
    // The 2025 documents are in the first book, the 2026 ones after the second cover.
    expect(words.indexOf('Kế hoạch: Ngắn')).toBeLessThan(y2026);
    expect(words.indexOf('Kế hoạch: Đầu năm mới')).toBeGreaterThan(y2026);
    expect(xml.match(/<w:sectPr/g)).toHaveLength(2);
    expect(xml.match(/<w:titlePg\/>/g)).toHaveLength(2);
    expect(xml.match(/<w:pgNumType w:start="1"/g)).toHaveLength(2);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });

  it('Word: a year of many rows is cut into tables of at most TABLE_ROWS rows, each opening with the header row, the book kept whole', async () => {
    const n = TABLE_ROWS * 2 + 50;
    async function* rows(): AsyncGenerator<IncomingRegisterRow> {
      for (let i = 1; i <= n; i++)
        yield { year: 2025, arrivalDate: '2025-03-02', arrivalNumber: i, senderName: 'Sở Nội vụ', notation: `${i}/BC-SNV`, documentDate: '2025-03-01', documentTypeName: null, subject: `Dòng số ${i}`, recipientText: null, transferDate: null, note: null };
    }
    const book = { year: 2025, from: '2025-01-01', to: '2025-12-31', first: 1, last: n, count: n };
    const file = path.join(tempDir('vanthu-bang-'), 'so.docx');
    const meta = { agencyName: 'Sở Tài nguyên và Môi trường', parentName: '', registerName: 'Sổ văn bản đến', from: book.from, to: book.to, books: [book] };
    expect(await writeBookDocx(file, meta, incomingBook, rows())).toEqual({ rows: n });
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    const tables = xml.split('<w:tbl>').slice(1).map((tb) => tb.slice(0, tb.indexOf('</w:tbl>')));
    expect(tables.map((tb) => tb.match(/<w:tr>/g)?.length)).toEqual([TABLE_ROWS + 1, TABLE_ROWS + 1, 51]);
    for (const tb of tables) expect(tb.indexOf('<w:tblHeader/>')).toBeLessThan(tb.indexOf('Dòng số'));
    // Word and LibreOffice merge tables that touch: a paragraph stands between each two.
    expect(xml.match(/<\/w:tbl><w:p>/g)).toHaveLength(tables.length - 1);
    expect(texts(xml).filter((w) => w.startsWith('Dòng số'))).toEqual(Array.from({ length: n }, (_, i) => `Dòng số ${i + 1}`));
    expect(xml.match(/<w:sectPr/g)).toHaveLength(1);
  });

  it('Excel: one sheet per year, dates as date cells, numbers from 01 again, rows as tall as their text', async () => {
    const wb = await workbook(ok(await t.core.call('exports.incomingRegister', { ...period, format: 'xlsx' })));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sổ đến 2025', 'Sổ đến 2026']);
    const [y25, y26] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    const headerAt = Number(y25.pageSetup.printTitlesRow?.split(':')[0]);
    expect(y25.getRow(headerAt).getCell(1).value).toBe('Ngày đến');
    const longRow = y25.getRow(headerAt + 1);
    const shortRow = y25.getRow(headerAt + 2);
    expect(longRow.getCell(1).value).toEqual(new Date(Date.UTC(2025, 11, 30)));
    expect(longRow.getCell(1).numFmt).toBe('dd/mm/yyyy');
    expect([longRow.getCell(2).value, shortRow.getCell(2).value]).toEqual([1, 2]);
    expect(y26.getRow(headerAt + 1).getCell(2).value).toBe(1);
    expect(y26.getRow(headerAt + 1).getCell(2).numFmt).toBe('00');
    expect(shortRow.height).toBeGreaterThan(0);
    // The long subject wraps over several lines: its row is made taller so it never overprints the next.
    expect(longRow.height).toBeGreaterThan(shortRow.height * 2);
    expect(y25.pageSetup.margins).toMatchObject({ left: 1.18, right: 0.59 });
  });

  it('a cancelled Word book leaves no file behind', async () => {
    const store = heldDir(t);
    const books = () => fs.readdirSync(store).flatMap((d) => fs.readdirSync(path.join(store, d))).filter((f) => f.endsWith('.docx'));
    const before = books().length;
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress') void t.core.call('jobs.cancel', { method: 'exports.incomingRegister' });
    });
    const e = err(await t.core.call('exports.incomingRegister', { ...period, format: 'docx' }));
    off();
    expect(e.code).toBe('CANCELLED');
    await new Promise((r) => setTimeout(r, 100));
    expect(books().length).toBe(before);
  });
});

describe('follow-up book and handling slip', () => {
  it('follow-up register: the decree seven columns, only documents given to be handled, progress and deadline', async () => {
    const r = ok(await t.core.call('exports.incomingFollowUp', { ...period, format: 'xlsx' }));
    expect(r.rows).toBe(2);
    const wb = await workbook(r);
    const ws = wb.worksheets[0]!;
    const headerAt = Number(ws.pageSetup.printTitlesRow?.split(':')[0]);
    expect(Array.from({ length: 7 }, (_, i) => ws.getRow(headerAt).getCell(i + 1).value)).toEqual([...followUpRegisterColumns]);
    const row = ws.getRow(headerAt + 1);
    expect(row.getCell(1).value).toBe(1);
    expect(row.getCell(2).value).toBe('Kế hoạch số 30/KH-UBND ngày 30/12/2025 của UBND tỉnh Lạng Sơn');
    expect(row.getCell(3).value).toBe('Phòng Quản lý môi trường\nPhối hợp: Văn phòng Sở');
    expect(row.getCell(4).value).toEqual(new Date(Date.UTC(2026, 0, 15)));
    expect(row.getCell(5).value).toBe('Quá hạn, chưa giải quyết');
    expect(wb.worksheets[1]!.getRow(headerAt + 1).getCell(5).value).toBe('Đang giải quyết');
    const xml = await documentXml(ok(await t.core.call('exports.incomingFollowUp', { ...period, format: 'docx' })));
    expect(texts(xml).filter((w) => w === 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN')).toHaveLength(2);
    expect(xml).not.toContain('Ngắn<');
  });

  it('handling slip: the document, the direction with lead and coordinating units and deadline, three parts to sign', async () => {
    const r = ok(await t.core.call('exports.handlingSlip', { id: assigned }));
    expect(r.name).toBe('Phieu-giai-quyet_2025-01.docx');
    const words = texts(await documentXml(r)).join('\n');
    for (const s of [
      'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN',
      'Văn bản: Kế hoạch số 30/KH-UBND ngày 30/12/2025 của UBND tỉnh Lạng Sơn.',
      `Trích yếu: ${long}`,
      'Giao Phòng Quản lý môi trường chủ trì tham mưu.',
      '- Đơn vị chủ trì: Phòng Quản lý môi trường; thời hạn giải quyết: 15/01/2026.',
      '- Đơn vị phối hợp: Văn phòng Sở; thời hạn: 15/01/2026.',
      '1. Ý kiến của lãnh đạo cơ quan, tổ chức:',
      '2. Ý kiến của lãnh đạo đơn vị:',
      '3. Ý kiến đề xuất của người giải quyết:',
      'Ngày 10 tháng 3 năm 2026',
    ])
      expect(words).toContain(s);
    // A document not yet directed leaves the lines to fill by hand.
    expect(texts(await documentXml(ok(await t.core.call('exports.handlingSlip', { id: plain })))).join('\n')).toContain('- Đơn vị chủ trì: ……………; thời hạn giải quyết: …………….');
    expect(err(await t.core.call('exports.handlingSlip', { id: 99999 })).fields[0]?.path).toBe('id');
  });
});
