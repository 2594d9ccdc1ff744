import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldPath, makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  const unit = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
  const d = ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: '12/KH-UBND', documentDate: '2026-11-20', subject: 'Về việc lấy ý kiến' }));
  ok(await t.core.call('incoming.update', { id: d.id, subject: 'Về việc lấy ý kiến góp ý dự thảo', documentDate: '2026-11-21' }));
  ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: unit.id, deadline: '2026-12-05' }));
});
afterAll(() => t.close());

describe('audit export', () => {
  it('sortable timestamps, the record by its number, Vietnamese field names, no internal fields', async () => {
    const r = ok(await t.core.call('exports.audit', { from: '2026-11-25', to: '2026-11-25' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await heldPath(t.core, r));
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(4).values as string[]).slice(1)).toEqual(['Thời điểm', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Thay đổi (trước → sau)']);
    const rows = Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(i + 5));
    const update = rows.find((row) => String(row.getCell(3).value).startsWith('Sửa văn bản đến'))!;
    expect(update.getCell(1).value).toBeInstanceOf(Date);
    expect(update.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(update.getCell(4).value).toBe('Văn bản đến số 01 (12/KH-UBND)');
    const changes = String(update.getCell(5).value);
    expect(changes).toContain('Trích yếu: Về việc lấy ý kiến → Về việc lấy ý kiến góp ý dự thảo');
    expect(changes).toContain('Ngày văn bản: 20/11/2026 → 21/11/2026');
    expect(changes).not.toMatch(/updatedAt|Fold|Key|"id"|\{/);
    const assign = rows.find((row) => String(row.getCell(3).value).startsWith('Giao xử lý'))!;
    expect(String(assign.getCell(5).value)).toContain('Đơn vị chủ trì: (trống) → Văn phòng Sở');
    expect(String(assign.getCell(5).value)).toContain('Hạn xử lý: (trống) → 05/12/2026');
    expect(update.height).toBeGreaterThan(0);
    // A unit is logged as its table row (snake_case): its internal columns are left out too.
    const unit = rows.find((row) => String(row.getCell(4).value).startsWith('Đơn vị Văn phòng Sở'))!;
    expect(String(unit.getCell(5).value)).toContain('Tên: (trống) → Văn phòng Sở');
    expect(String(unit.getCell(5).value)).not.toMatch(/_fold|created_at|updated_at|sort_order/);
  });
});
