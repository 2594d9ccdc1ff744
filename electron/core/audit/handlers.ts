/** Reading the audit log (written with every change, in its transaction): filters, changed fields, Excel. */
import ExcelJS from 'exceljs';
import { addDays, format, parseISO } from 'date-fns';
import { contracts, isMethodName } from '../../../shared/api/index';
import type { AuditEntry } from '../../../shared/api/audit';
import { visibleAudit } from '../access';
import { actionText, entityLabels, labelledChanges, localStamp, recordLabel } from './labels';
import type { HandlerMap } from '../context';
import { writeExport } from '../file-store';
import { bodyRow, headerRow, landscapePage, titleRows, wrappedHeight } from '../document-blocks/xlsx-blocks';
import { formatDateVi } from '../../../shared/dates';
import { expandRecord } from '../../../db/audit-record';
import type { AuditFilter, AuditRow } from './store';

interface Filters {
  from: string | null;
  to: string | null;
  entity: string | null;
  actor: string | null;
  entityId?: number | null | undefined;
}

/** Local calendar days as UTC instants, since `at` is stored in UTC. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();

const toFilter = (f: Filters): AuditFilter => ({
  atFrom: f.from ? startOf(f.from) : null,
  atBefore: f.to ? startOf(format(addDays(parseISO(f.to), 1), 'yyyy-MM-dd')) : null,
  entity: f.entity,
  actor: f.actor,
  entityId: f.entityId,
});

const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown> | null) : null) ?? {};

/** Who acted, by name: a user's full name, or what the app itself was doing. */
const systemActors: Record<string, string> = { system: 'Hệ thống', 'hop-thu-di': 'Hộp thư đi (tự gửi)' };

function toEntry(r: AuditRow): AuditEntry {
  // A record created or removed whole is stored without its derived fields: they are put back for reading.
  const whole = (json: string | null) => (r.before_json === null || r.after_json === null ? expandRecord(r.entity, parse(json)) : parse(json));
  const before = whole(r.before_json);
  const after = whole(r.after_json);
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    actorName: r.actor_name ?? systemActors[r.actor] ?? r.actor,
    action: r.action,
    actionLabel: isMethodName(r.action) ? actionText(contracts[r.action].summary) : r.action,
    entity: r.entity,
    entityLabel: entityLabels[r.entity] ?? r.entity,
    entityId: r.entity_id,
    record: recordLabel(r.entity, r.entity_id, before, after),
    changes: labelledChanges(r.entity, before, after),
  };
}

export const auditHandlers: HandlerMap<'audit.list' | 'exports.audit'> = {
  async 'audit.list'(ctx, v) {
    const visible = visibleAudit(ctx.user);
    const total = await ctx.stores.auditLog.count(toFilter(v), visible);
    const rows = await ctx.stores.auditLog.page(toFilter(v), visible, v.page, v.pageSize);
    return { items: rows.map(toEntry), total };
  },
  async 'exports.audit'(ctx, v) {
    const rows = await ctx.stores.auditLog.all(toFilter(v), visibleAudit(ctx.user));
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Văn thư';
    const ws = wb.addWorksheet('Nhật ký', { pageSetup: landscapePage(4), views: [{ state: 'frozen', ySplit: 4 }] });
    const widths = [19, 16, 40, 40, 70];
    ws.columns = widths.map((width) => ({ width }));
    const header = ['Thời điểm', 'Người thực hiện', 'Thao tác', 'Đối tượng', 'Thay đổi (trước → sau)'];
    titleRows(ws, [['NHẬT KÝ THAY ĐỔI DỮ LIỆU', { bold: true, size: 14 }], [`Từ ngày ${formatDateVi(v.from)} đến ngày ${formatDateVi(v.to)}`, { italic: true, size: 12 }]], header.length);
    headerRow(ws, 4, header);
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: header.length } };
    for (const r of rows) {
      const e = toEntry(r);
      const cells = [e.actorName, e.actionLabel, e.record, e.changes.map((c) => `${c.label}: ${c.before || '(trống)'} → ${c.after || '(trống)'}`).join('\n')];
      const row = bodyRow(ws, [localStamp(e.at), ...cells]);
      row.getCell(1).numFmt = 'dd/mm/yyyy hh:mm:ss';
      row.height = wrappedHeight(['', ...cells], widths);
    }
    return writeExport(ctx.files, ctx.user, `Nhat-ky_${v.from}_${v.to}.xlsx`, async (file) => {
      await wb.xlsx.writeFile(file);
      return rows.length;
    });
  },
};
