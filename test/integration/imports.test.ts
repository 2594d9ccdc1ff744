import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupExtension, err, makeCore, ok, standardAgency, tempDir, type TestCore, uploadPath, upload } from '../support/core';

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

async function sheet(rows: unknown[][], name = 'Sheet1'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  const file = path.join(tempDir(), 'khac.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('imports.registerXlsx in batches', () => {
  /** Writing the document of this notation fails, alone or in a batch (null: none). */
  let failOn: string | null = null;
  const failing: KyselyPlugin = {
    transformQuery(a) {
      if (failOn && a.node.kind === 'InsertQueryNode' && JSON.stringify(a.node.into).includes('"name":"incoming"') && JSON.stringify(a.node).includes(`"${failOn}"`)) throw new Error('Ổ đĩa hỏng.');
      return a.node;
    },
    transformResult: async (a) => a.result,
  };

  it('tells its progress every 500 rows; a row failing in the second batch leaves nothing, and says which row', async () => {
    await t.close();
    t = await makeCore({ clock: () => new Date('2023-06-01T02:00:00Z'), queryPlugins: [failing] });
    ok(await t.core.call('agency.update', standardAgency));
    const progress: number[] = [];
    t.core.onEvent((e) => {
      if (e.type === 'job.progress' && e.method === 'imports.registerXlsx' && e.total === 700) progress.push(Number(e.done));
    });
    const rows = Array.from({ length: 700 }, (_, i) => [i + 1, '03/05/2023', 'Sở Tài chính', `${i + 1}/STC-QLG`, '02/05/2023', `Văn bản số ${i + 1}`]);
    const file = await sheet([['Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Số ký hiệu', 'Ngày VB', 'Trích yếu'], ...rows]);
    failOn = '601/STC-QLG';
    const e = err(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: false }));
    expect(e.message).toMatch(/^Dòng 602: .*Chưa nhập dòng nào\.$/);
    expect(progress).toEqual([0, 500]);
    expect(await count()).toBe(0);
    progress.length = 0;
    failOn = null;
    expect(ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: false })).imported).toBe(700);
    expect(progress).toEqual([0, 500, 700]);
    expect(await count()).toBe(700);
  }, 240_000);

  it('rows written in batches are each a document as one registration makes it: linked sender, search entry, audit row, numbering after', async () => {
    const stc = ok(await t.core.call('units.create', { name: 'Sở Tài chính', kind: 'external' })).id;
    const rows = Array.from({ length: 1100 }, (_, i) => [i + 1, '03/05/2023', i % 2 ? 'Sở Tài chính' : 'Công ty Điện lực', `${i + 1}/STC-QLG`, '02/05/2023', `Văn bản số ${i + 1} về quản lý giá`]);
    const file = await sheet([['Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Số ký hiệu', 'Ngày VB', 'Trích yếu'], ...rows]);
    expect(ok(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: await uploadPath(t.core, file), dryRun: false })).imported).toBe(1100);

    const page = ok(await t.core.call('incoming.list', { from: '2023-01-01', to: '2023-12-31', sort: 'arrivalNumber', dir: 'asc', pageSize: 500, page: 2 })).items;
    expect(page[149]).toMatchObject({ arrivalNumber: 650, notation: '650/STC-QLG', senderName: 'Sở Tài chính', senderUnitId: stc, subject: 'Văn bản số 650 về quản lý giá' });
    expect(page[150]).toMatchObject({ arrivalNumber: 651, senderName: 'Công ty Điện lực', senderUnitId: null });
    expect(ok(await t.core.call('search.global', { q: '650/stc-qlg' })).hits[0]).toMatchObject({ kind: 'incoming', id: page[149]!.id });

    const audit = ok(await t.core.call('audit.list', { entity: 'incoming', entityId: page[149]!.id }));
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ action: 'imports.registerXlsx', record: 'Văn bản đến số 650 (650/STC-QLG)' });
    expect(audit.items[0]!.changes).toContainEqual(expect.objectContaining({ before: '', after: 'Văn bản số 650 về quản lý giá' }));
    expect(ok(await t.core.call('audit.list', { entity: 'incoming', pageSize: 1 })).total).toBe(1100);

    const next = ok(await t.core.call('incoming.register', { arrivalDate: '2023-05-04', senderName: 'Sở Nội vụ', notation: '1/TB-SNV', documentDate: '2023-05-03', subject: 'Sau khi nhập' }));
    expect(next.arrivalNumber).toBe(1101);
  }, 240_000);
});

describe('imports.registerXlsx on another layout', () => {
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

describe('imports.registerXlsx of an outgoing register', () => {
  const header = ['Số, ký hiệu văn bản', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Người ký', 'Nơi nhận', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ghi chú'];
  const outgoingSheet = () =>
    sheet(
      [
        ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG'],
        ['SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2023'],
        [],
        header,
        ['01/BC-STNMT', '05/01/2023', 'Báo cáo kết quả quản lý tài nguyên nước năm 2022', 'Nguyễn Văn Hùng', '- UBND tỉnh Lạng Sơn;\n- Bộ Tài nguyên và Môi trường;\n- Lưu: VT, NKS.', 'VT, NKS(PAD)', 3, ''],
        ['02/STNMT-VP', new Date(Date.UTC(2023, 0, 10)), 'V/v đôn đốc báo cáo thống kê đất đai', 'Trần Thị Mai', 'Các phòng, đơn vị thuộc Sở', 'Lưu: VT, VP(TTM).', '5', 'Gửi qua trục liên thông'],
        ['03/KH-STNMT', '31/02/2023', 'Kế hoạch kiểm tra khoáng sản', 'Nguyễn Văn Hùng', 'UBND tỉnh Lạng Sơn', 'VT, NKS(PAD)', 2, ''],
        ['04/QĐ-STNMT', '20/01/2023', 'Quyết định phê duyệt kế hoạch quan trắc môi trường', 'Nguyễn Văn Hùng', 'UBND tỉnh Lạng Sơn', 'VT, QLMT(LVA)', 4, ''],
      ],
      'Sổ đi 2023',
    );
  const list = async () => ok(await t.core.call('outgoing.list', { from: '2023-01-01', to: '2023-12-31', sort: 'number', dir: 'asc' })).items;
  const auditRows = async () => ok(await t.core.call('audit.list', { entity: 'outgoing' })).items.length;
  const backups = () => (fs.existsSync(path.join(t.dir, 'backups')) ? fs.readdirSync(path.join(t.dir, 'backups')).filter((f) => f.includes('_truoc-nhap-excel') && f.endsWith(backupExtension(t))) : []);

  it('dry run names the bad row and writes nothing; the real run imports exactly the valid rows, numbered, listed and found', async () => {
    const nks = ok(await t.core.call('units.create', { name: 'Phòng Nước và Khoáng sản', abbreviation: 'NKS', kind: 'internal' })).id;
    ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
    const ubnd = ok(await t.core.call('units.create', { name: 'UBND tỉnh Lạng Sơn', kind: 'external' })).id;
    const file = await outgoingSheet();

    const dry = ok(await t.core.call('imports.registerXlsx', { kind: 'outgoing', fileId: await uploadPath(t.core, file), dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, headerRow: 4, valid: 3, invalid: 1, imported: 0 });
    expect(dry.columns.map((c) => c.field)).toEqual(['notation', 'documentDate', 'subject', 'signerName', 'keptBy', 'recipientsText', 'copies', 'note']);
    expect(dry.rows.filter((r) => !r.ok)).toEqual([{ row: 7, ok: false, label: '03/KH-STNMT', errors: ['Ngày văn bản: "31/02/2023" không phải ngày hợp lệ.'] }]);
    expect(await list()).toEqual([]);
    expect(await auditRows()).toBe(0);
    expect(backups()).toEqual([]);

    // All or nothing by default: a bad row means nothing is imported.
    expect(ok(await t.core.call('imports.registerXlsx', { kind: 'outgoing', fileId: await uploadPath(t.core, file), dryRun: false })).imported).toBe(0);
    expect(await list()).toEqual([]);

    const real = ok(await t.core.call('imports.registerXlsx', { kind: 'outgoing', fileId: await uploadPath(t.core, file), dryRun: false, validOnly: true }));
    expect(real).toMatchObject({ imported: 3, valid: 3, invalid: 1 });
    const items = await list();
    expect(items.map((d) => [d.number, d.notation, d.issueDate, d.documentType, d.status, d.copies])).toEqual([
      [1, '01/BC-STNMT', '2023-01-05', 'BC', 'issued', 3],
      [2, '02/STNMT-VP', '2023-01-10', 'CV', 'issued', 5],
      [4, '04/QĐ-STNMT', '2023-01-20', 'QĐ', 'issued', 4],
    ]);
    expect(items[0]).toMatchObject({
      subject: 'Báo cáo kết quả quản lý tài nguyên nước năm 2022',
      signerName: 'Nguyễn Văn Hùng',
      recipients: [{ unitId: ubnd, name: 'UBND tỉnh Lạng Sơn' }, { unitId: null, name: 'Bộ Tài nguyên và Môi trường' }],
      draftingUnit: { id: nks, abbreviation: 'NKS' },
      drafterInitials: 'PAD',
      archiveLine: 'Lưu: VT, NKS(PAD).',
    });
    expect(items[1]).toMatchObject({ archiveLine: 'Lưu: VT, VP(TTM).', note: 'Gửi qua trục liên thông' });
    // A unit the office does not have is kept as written.
    expect(items[2]).toMatchObject({ draftingUnit: null, note: 'Bản lưu: VT, QLMT(LVA)' });
    expect(await auditRows()).toBe(3);
    expect(backups()).toHaveLength(1);
    const hits = ok(await t.core.call('search.global', { q: 'quan trac moi truong' })).hits;
    expect(hits.map((h) => [h.kind, h.id])).toEqual([['outgoing', items[2]!.id]]);
    expect(ok(await t.core.call('search.global', { q: 'tai nguyen nuoc' })).hits.map((h) => h.id)).toEqual([items[0]!.id]);

    // The register goes on after the largest number; importing again finds every number taken.
    const draft = ok(await t.core.call('outgoing.createDraft', { documentType: 'TB', subject: 'Thông báo sau khi nhập' }));
    expect(ok(await t.core.call('outgoing.issue', { id: draft.id, issueDate: '2023-02-01' })).notation).toBe('05/TB-STNMT');
    const again = ok(await t.core.call('imports.registerXlsx', { kind: 'outgoing', fileId: await uploadPath(t.core, file), dryRun: true }));
    expect(again.valid).toBe(0);
    expect(again.rows[0]!.errors).toEqual(['Số 01 năm 2023 đã có trong Sổ văn bản đi.']);
  });
});

describe('the file an import reads', () => {
  it('reads only its own upload, of at most 50 MB; a path (a FIFO, a folder) is not a source', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'ong.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const p of [fifo, dir]) expect(err(await t.core.call('imports.registerXlsx', { kind: 'outgoing', path: p, dryRun: true } as never)).fields[0]?.path).toBe('fileId');
    const big = await upload(t.core, 'lon.xlsx', Buffer.alloc(51 * 1024 * 1024));
    expect(err(await t.core.call('imports.registerXlsx', { kind: 'incoming', fileId: big, dryRun: true })).message).toContain('quá lớn (51 MB)');
  });
});
