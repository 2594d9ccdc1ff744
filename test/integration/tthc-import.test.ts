import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChannel } from '../../electron/core/tthc/import';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, uploadPath } from '../support/core';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
let file: string;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A sheet as the one-stop system exports it: title rows, its own column titles, dates as dates or as text. */
async function oneStopSheet(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách hồ sơ');
  ws.addRow(['HỆ THỐNG THÔNG TIN GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TỈNH LẠNG SƠN']);
  ws.addRow(['DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 10/2026']);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã hồ sơ', 'Tên thủ tục', 'Lĩnh vực', 'Chủ hồ sơ', 'Địa chỉ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Hình thức nộp', 'Trạng thái', 'Đơn vị xử lý']);
  const rows: unknown[][] = [
    [1, '000.00.20.H36-261001-0001', 'Cấp giấy phép môi trường', 'Môi trường', 'Công ty TNHH Khoáng sản Đồng Đăng', 'Cao Lộc', d('2026-10-01'), d('2026-10-22'), d('2026-10-20'), 'Trực tuyến toàn trình', 'Đã trả kết quả', 'Chi cục Bảo vệ môi trường'],
    [2, '000.00.20.H36-261002-0002', 'Đăng ký biến động đất đai', 'Đất đai', 'Hoàng Văn Tú', 'Lạng Sơn', '02/10/2026', '16/10/2026', '20/10/2026', 'Trực tiếp', 'Đã trả kết quả', 'Văn phòng Đăng ký đất đai'],
    [3, '000.00.20.H36-261005-0003', 'Đăng ký biến động đất đai', 'Đất đai', 'Vi Thị Hạnh', 'Chi Lăng', '05/10/2026', '19/10/2026', null, 'Bưu chính công ích', 'Đang xử lý', ''],
    [4, '000.00.20.H36-261006-0004', 'Cấp giấy phép môi trường', 'Môi trường', 'Hợp tác xã Mẫu Sơn', '', '06/10/2026', '27/10/2026', '08/10/2026', 'Trực tuyến một phần', 'Đã rút hồ sơ', ''],
    [5, '000.00.20.H36-261007-0005', 'Đăng ký biến động đất đai', 'Đất đai', 'Lý Văn Nam', '', '32/10/2026', '', '', 'Trực tiếp', '', ''],
    [6, '000.00.20.H36-261002-0002', 'Đăng ký biến động đất đai', 'Đất đai', 'Trùng mã', '', '07/10/2026', '', '', 'Trực tiếp', '', ''],
    [7, '000.00.20.H36-261008-0007', 'Đăng ký biến động đất đai', 'Đất đai', 'Nông Thị Mai', '', '08/10/2026', '22/10/2026', '01/10/2026', 'Fax', '', ''],
  ];
  for (const r of rows) ws.addRow(r);
  const out = path.join(tempDir(), 'mot-cua.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  ok(await t.core.call('units.create', { name: 'Chi cục Bảo vệ môi trường', abbreviation: 'CCBVMT', kind: 'internal' }));
  ok(await t.core.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 }));
  file = await oneStopSheet();
});
afterEach(async () => t.close());

describe('TTHC import from the one-stop system', () => {
  it('reads the channel words of the one-stop system', () => {
    expect(['Trực tiếp', 'Trực tuyến toàn trình', 'Trực tuyến một phần', 'Dịch vụ công mức độ 4', 'Bưu chính công ích', '', 'Fax'].map((x) => readChannel(x))).toEqual(['direct', 'online4', 'online3', 'online4', 'post', 'direct', null]);
  });

  it('finds the columns, reports each bad row and writes nothing in a dry run', async () => {
    const r = ok(await t.core.call('imports.tthcXlsx', { fileId: await uploadPath(t.core, file) }));
    expect(r.headerRow).toBe(4);
    expect(r.columns.map((c) => c.field)).toEqual(['code', 'procedure', 'field', 'applicantName', 'applicantAddress', 'receivedAt', 'dueDate', 'resultDate', 'channel', 'status', 'unit']);
    expect([r.valid, r.invalid, r.imported]).toEqual([4, 3, 0]);
    const bad = Object.fromEntries(r.rows.filter((x) => !x.ok).map((x) => [x.row, x.errors.join(' ')]));
    expect(bad[9]).toContain('Ngày tiếp nhận: "32/10/2026" không phải ngày hợp lệ.');
    expect(bad[10]).toContain('trùng với dòng 6');
    expect(bad[11]).toMatch(/Ngày trả kết quả .* trước ngày tiếp nhận/);
    expect(bad[11]).toContain('Hình thức nộp: không hiểu "Fax"');
    expect(r.newProcedures).toEqual(['Đăng ký biến động đất đai']);
    expect(ok(await t.core.call('tthc.list', {})).total).toBe(0);
    // All or nothing by default: with bad rows, a real run imports none.
    expect(ok(await t.core.call('imports.tthcXlsx', { fileId: await uploadPath(t.core, file), dryRun: false })).imported).toBe(0);
    expect(ok(await t.core.call('tthc.list', {})).total).toBe(0);
    expect(err(await t.core.call('imports.tthcXlsx', {} as never)).fields[0]!.path).toBe('fileId');
  });

  it('imports the valid rows with their due dates, results and withdrawals, adding the new procedure', async () => {
    const r = ok(await t.core.call('imports.tthcXlsx', { fileId: await uploadPath(t.core, file), dryRun: false, validOnly: true }));
    expect(r.imported).toBe(4);
    const { items } = ok(await t.core.call('tthc.list', { pageSize: 10 }));
    const byCode = Object.fromEntries(items.map((x) => [x.code.slice(-4), x]));
    expect(byCode['0001']).toEqual(expect.objectContaining({ status: 'solved_on_time', channel: 'online4', applicantKind: 'organisation', handlingUnit: expect.objectContaining({ name: 'Chi cục Bảo vệ môi trường' }) }));
    expect(byCode['0002']).toEqual(expect.objectContaining({ status: 'solved_late', dueDate: '2026-10-16', resultDate: '2026-10-20', applicantKind: 'person' }));
    expect(byCode['0003']).toEqual(expect.objectContaining({ status: 'in_progress_late', channel: 'post' }));
    expect(byCode['0004']).toEqual(expect.objectContaining({ status: 'withdrawn', withdrawnAt: '2026-10-08', channel: 'online3' }));
    const procs = ok(await t.core.call('tthc.procedures', {})).items;
    expect(procs.find((p) => p.name === 'Đăng ký biến động đất đai')).toEqual(expect.objectContaining({ field: 'Đất đai', processingDays: 10 }));
    const st = ok(await t.core.call('tthc.stats', { from: '2026-10-01', to: '2026-10-31' }));
    expect(st).toEqual(expect.objectContaining({ received: 4, solvedOnTime: 1, solvedLate: 1, withdrawn: 1, inProgressLate: 1, online: 2 }));
  });

  it('imports an open row without a due date of its own, due as the procedure says', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Danh sách hồ sơ');
    ws.addRow(['Mã hồ sơ', 'Tên thủ tục', 'Chủ hồ sơ', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày trả kết quả', 'Hình thức nộp']);
    ws.addRow(['000.00.20.H36-261102-0001', 'Cấp giấy phép môi trường', 'Công ty A', '02/11/2026', '', '', 'Trực tiếp']);
    const sheet = path.join(tempDir(), 'khong-hen.xlsx');
    await wb.xlsx.writeFile(sheet);
    expect(ok(await t.core.call('imports.tthcXlsx', { fileId: await uploadPath(t.core, sheet), dryRun: false })).imported).toBe(1);
    const [row] = ok(await t.core.call('tthc.list', {})).items;
    // 15 working days from Monday 2/11/2026.
    expect(row).toEqual(expect.objectContaining({ dueDate: '2026-11-23', resultDate: null, status: 'in_progress_late' }));
  });
});
