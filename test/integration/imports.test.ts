import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, uploadPath } from '../support/core';

const FIXTURE = path.resolve(__dirname, '../../../shared/fixtures/so-van-ban-den-2023.xlsx');

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2023-06-01T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
});
afterEach(() => t.close());

const count = async () => ok(await t.core.call('incoming.list', { from: '2000-01-01', to: '2100-12-31', pageSize: 1 })).total;

describe('imports.registerXlsx on a real clerk sheet', () => {
  it('dry run: 300 good rows, the 2 broken ones by row number and reason, nothing written', async () => {
    const r = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, FIXTURE), dryRun: true }));
    expect(r).toMatchObject({ dryRun: true, headerRow: 4, valid: 300, invalid: 2, imported: 0 });
    const bad = r.rows.filter((x) => !x.ok);
    expect(bad.map((b) => b.row)).toEqual([311, 312]);
    expect(bad[0]!.errors).toEqual(['Ngày đến: không được để trống.']);
    expect(bad[1]!.errors).toEqual(['Ngày đến: "31/02/2023" không phải ngày hợp lệ.']);
    expect(r.columns.map((c) => c.field)).toEqual(['arrivalDate', 'arrivalNumber', 'senderName', 'notation', 'documentDate', 'subject', 'recipientText', 'transferDate', 'note']);
    expect(await count()).toBe(0);
  });

  it('all or nothing by default; valid rows only on request, numbers kept, the register continues after the largest', async () => {
    const all = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, FIXTURE), dryRun: false }));
    expect(all.imported).toBe(0);
    expect(await count()).toBe(0);
    const some = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, FIXTURE), dryRun: false, validOnly: true }));
    expect(some.imported).toBe(300);
    expect(await count()).toBe(300);
    const first = ok(await t.core.call('incoming.list', { from: '2023-01-01', to: '2023-12-31', sort: 'arrivalNumber', dir: 'asc', pageSize: 2 })).items;
    expect(first[0]).toMatchObject({ arrivalNumber: 1, arrivalDate: '2023-01-03', senderName: 'Sở Kế hoạch và Đầu tư', notation: '2370/TB-SKHĐT', documentType: 'TB', documentDate: '2022-12-29' });
    expect(first[1]).toMatchObject({ arrivalNumber: 2, senderName: 'Văn phòng UBND tỉnh', documentDate: '2023-01-01' });
    const next = ok(await t.core.call('incoming.register', { arrivalDate: '2023-05-02', senderName: 'Sở Nội vụ', notation: '1/TB-SNV', documentDate: '2023-05-01', subject: 'Sau khi nhập' }));
    expect(next.arrivalNumber).toBe(301);
    // Importing again: every number is taken, so every row is refused.
    const again = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, FIXTURE), dryRun: true }));
    expect(again.valid).toBe(0);
    expect(again.rows[0]!.errors[0]).toMatch(/Số đến 01 năm 2023 đã có/);
    expect(fs.readdirSync(path.join(t.dir, 'backups')).some((f) => f.includes('_truoc-nhap-excel'))).toBe(true);
  });
});

describe('imports.registerXlsx on another layout', () => {
  async function sheet(rows: unknown[][]): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    for (const r of rows) ws.addRow(r);
    const file = path.join(tempDir(), 'khac.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('finds differently worded headers in another order, and accepts a manual mapping', async () => {
    const file = await sheet([
      ['PHÒNG HÀNH CHÍNH'],
      [],
      ['STT', 'Trích yếu nội dung', 'Cơ quan ban hành', 'Số ký hiệu', 'Ngày VB', 'Số đến', 'Ngày đến', 'Người xử lý'],
      [1, 'Về việc kiểm kê đất đai', 'Sở Tài chính', '12/STC-QLG', '02/05/2023', '7', '3/5/2023', 'Chị Lan'],
      [2, 'Kế hoạch quan trắc', '  UBND tỉnh  ', '56/KH-UBND', new Date(Date.UTC(2023, 4, 4)), 8, 45050, ''],
    ]);
    const r = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: false }));
    expect(r).toMatchObject({ headerRow: 3, valid: 2, invalid: 0, imported: 2 });
    const items = ok(await t.core.call('incoming.list', { from: '2023-01-01', to: '2023-12-31', sort: 'arrivalNumber', dir: 'asc' })).items;
    expect(items.map((i) => [i.arrivalNumber, i.arrivalDate, i.senderName, i.documentType, i.recipientText])).toEqual([
      [7, '2023-05-03', 'Sở Tài chính', 'CV', 'Chị Lan'],
      [8, '2023-05-04', 'UBND tỉnh', 'KH', null],
    ]);
    // A mapping names the columns by hand (here: the subject read from "Người xử lý").
    const m = ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: true, mapping: { subject: 8 } }));
    expect(m.rows[1]!.errors).toEqual(['Trích yếu: không được để trống.']);
  });

  it('a file that is not a register gets a clear message; bad input writes nothing', async () => {
    const file = await sheet([['a', 'b'], [1, 2]]);
    const e = err(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: true }));
    expect(e).toMatchObject({ code: 'VALIDATION' });
    expect(e.message).toMatch(/không tìm thấy dòng tiêu đề cột/);
    expect(err(await t.core.call('imports.registerXlsx', { kind: 'incoming', dryRun: true } as never)).fields[0]?.path).toBe('fileId');
    expect(err(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: 'khong-co-tep-nay-0000', dryRun: true })).code).toBe('NOT_FOUND');
    expect(await count()).toBe(0);
  });
});
