/** Reading the audit log (written with every change, in its transaction): filters, changed fields, Excel. */
import ExcelJS from 'exceljs';
import { addDays, format, parseISO } from 'date-fns';
import { contracts, isMethodName } from '../../shared/api/index';
import type { AuditEntry } from '../../shared/api/audit';
import { visibleAudit } from './access';
import type { CallContext, HandlerMap } from './context';
import { writeExport } from './file-store';
import { bodyRow, headerRow, landscapePage, titleRows, wrappedHeight } from './exports/xlsx-blocks';
import { localStamp, objectName, readableChanges } from './audit-export';
import { formatDateVi } from '../../shared/dates';

interface Filters {
  from: string | null;
  to: string | null;
  entity: string | null;
  actor: string | null;
  entityId?: number | null | undefined;
}

/** Local calendar days as UTC instants, since `at` is stored in UTC. */
const startOf = (day: string) => new Date(`${day}T00:00:00`).toISOString();

function query(ctx: CallContext, f: Filters) {
  let q = ctx.db.selectFrom('audit_log as a').where(visibleAudit(ctx.user));
  if (f.from) q = q.where('at', '>=', startOf(f.from));
  if (f.to) q = q.where('at', '<', startOf(format(addDays(parseISO(f.to), 1), 'yyyy-MM-dd')));
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  return q;
}

const show = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

export function changesOf(beforeJson: string | null, afterJson: string | null): AuditEntry['changes'] {
  const before = (beforeJson ? JSON.parse(beforeJson) : {}) as Record<string, unknown>;
  const after = (afterJson ? JSON.parse(afterJson) : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((k) => k !== 'updatedAt' && JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: show(before?.[k]), after: show(after?.[k]) }));
}

function toEntry(r: { id: number; at: string; actor: string; action: string; entity: string; entity_id: number | null; before_json: string | null; after_json: string | null }): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    actionLabel: isMethodName(r.action) ? contracts[r.action].summary : r.action,
    entity: r.entity,
    entityId: r.entity_id,
    changes: changesOf(r.before_json, r.after_json),
  };
}

export const auditHandlers: HandlerMap<'audit.list' | 'exports.audit'> = {
  async 'audit.list'(ctx, v) {
    const total = await query(ctx, v).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await query(ctx, v).selectAll().orderBy('id', 'desc').limit(v.pageSize).offset((v.page - 1) * v.pageSize).execute();
    return { items: rows.map(toEntry), total: Number(total.n) };
  },
  async 'exports.audit'(ctx, v) {
    const rows = await query(ctx, v).selectAll().orderBy('id').execute();
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
      const cells = [e.actor, e.actionLabel, objectName(r.entity, r.before_json, r.after_json), readableChanges(e.changes)];
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
