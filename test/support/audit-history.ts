/**
 * A document's history as the audit page showed it while every audit row held
 * full before/after copies (taken from that code): the reference that compact
 * rows, and old rows converted by migration 015, must still produce.
 * `audit-full-copies.json` holds the rows that code wrote for this history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../../db/connection';
import type { DatabaseTarget } from '../../db/engine';
import * as m021 from '../../db/migrations/021_audit_compressed';
import type { AuditEntry } from '../../shared/api/audit';
import { auditKindOf, nameAuditKind } from '../../db/audit';
import { readAt, storedAt } from '../../db/instant';
import { decodeChange } from '../../db/audit-codec';
import { tempDir } from './core';
import { rowsOf, type HasDatabase } from './db';

/** An audit row as the app stored it before migration 021: its change as JSON text. */
export interface StoredRow {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

/** The rows the full-copy writer stored for this history, in order. */
export const fullCopies = JSON.parse(fs.readFileSync(path.join(__dirname, 'audit-full-copies.json'), 'utf8')) as StoredRow[];

/** The audit rows meeting `where`, oldest first, with their change's JSON as it was written. */
export async function auditJson(t: HasDatabase, where: string, ...params: unknown[]): Promise<StoredRow[]> {
  const rows = await rowsOf<Omit<StoredRow, 'at' | 'before_json' | 'after_json'> & { at: number; changes: Buffer | null }>(t, `select at, actor, action, entity, entity_id, changes from audit_log join audit_kinds using (kind) where ${where} order by id`, ...params);
  return rows.map(({ at, changes, ...r }) => ({ ...r, at: readAt(at), ...decodeChange(changes) }));
}

/**
 * Puts rows as an older version stored them into a database of the latest
 * version, on either engine: the JSON and table columns come back for them, `convert`
 * runs on them (an older migration's conversion, if any), then migration
 * 021's conversion compresses them and drops the columns again.
 */
export async function insertJsonRows(database: DatabaseTarget, rows: readonly StoredRow[], convert?: (db: Kysely<unknown>) => Promise<void>): Promise<void> {
  const opened = await openDatabase(database, { backupDir: tempDir() });
  const db = opened.db as unknown as Kysely<unknown>;
  try {
    // The older conversions read the table by name, as the log kept it before migration 023.
    for (const column of ['before_json', 'after_json', 'entity']) await sql`alter table audit_log add column ${sql.ref(column)} text`.execute(db);
    for (const r of rows) {
      await nameAuditKind(opened.db, r.action, r.entity);
      await sql`insert into audit_log (at, actor, kind, entity, entity_id, before_json, after_json)
        values (${storedAt(r.at)}, ${r.actor}, ${auditKindOf(r.action, r.entity)}, ${r.entity}, ${r.entity_id}, ${r.before_json}, ${r.after_json})`.execute(db);
    }
    await convert?.(db);
    await m021.compressRows(db, opened.engine);
    for (const column of ['before_json', 'after_json', 'entity']) await sql`alter table audit_log drop column ${sql.ref(column)}`.execute(db);
  } finally {
    await opened.close();
  }
}

export interface Shown {
  action: string;
  record: string;
  changes: string[];
}

export const shown = (items: AuditEntry[]): Shown[] =>
  items.map((e) => ({ action: e.actionLabel, record: e.record, changes: e.changes.map((c) => `${c.label}: ${c.before || '(trống)'} → ${c.after || '(trống)'}`) }));

export const expectedHistory: { incoming: Shown[]; outgoing: Shown[] } = {
  "incoming": [
    {
      "action": "Vào sổ văn bản đến",
      "record": "Văn bản đến số 01 (12/KH-UBND)",
      "changes": [
        "Sổ: (trống) → Sổ văn bản đến",
        "Số đến: (trống) → 01",
        "Ngày đến: (trống) → 25/11/2026",
        "Tác giả: (trống) → UBND tỉnh Lạng Sơn",
        "Số, ký hiệu: (trống) → 12/KH-UBND",
        "Loại văn bản: (trống) → Kế hoạch",
        "Ngày văn bản: (trống) → 20/11/2026",
        "Trích yếu: (trống) → Về việc lấy ý kiến",
        "Số trang: (trống) → 3",
        "Tình trạng: (trống) → Chưa giao xử lý"
      ]
    },
    {
      "action": "Sửa văn bản đến đã vào sổ",
      "record": "Văn bản đến số 01 (12/KH-UBND)",
      "changes": [
        "Ngày văn bản: 20/11/2026 → 21/11/2026",
        "Trích yếu: Về việc lấy ý kiến → Về việc lấy ý kiến góp ý dự thảo"
      ]
    },
    {
      "action": "Sửa văn bản đến đã vào sổ",
      "record": "Văn bản đến số 01 (12/BC-UBND)",
      "changes": [
        "Số, ký hiệu: 12/KH-UBND → 12/BC-UBND",
        "Độ khẩn: (trống) → Khẩn",
        "Ghi chú: (trống) → Bản giấy đến sau"
      ]
    },
    {
      "action": "Giao xử lý",
      "record": "Văn bản đến số 01 (12/BC-UBND)",
      "changes": [
        "Ngày chuyển: (trống) → 25/11/2026",
        "Ý kiến chỉ đạo: (trống) → Văn phòng tham mưu trả lời",
        "Đơn vị chủ trì: (trống) → Văn phòng Sở",
        "Đơn vị phối hợp: (trống) → Phòng Quản lý đất đai",
        "Hạn xử lý: (trống) → 05/12/2026",
        "Tình trạng: Chưa giao xử lý → Đang xử lý"
      ]
    },
    {
      "action": "Giao xử lý",
      "record": "Văn bản đến số 01 (12/BC-UBND)",
      "changes": [
        "Ý kiến chỉ đạo: Văn phòng tham mưu trả lời → Phòng Quản lý đất đai chủ trì",
        "Đơn vị chủ trì: Văn phòng Sở → Phòng Quản lý đất đai",
        "Đơn vị phối hợp: Phòng Quản lý đất đai → (trống)",
        "Hạn xử lý: 05/12/2026 → 10/12/2026"
      ]
    },
    {
      "action": "Sửa văn bản đến đã vào sổ",
      "record": "Văn bản đến số 07 (12/BC-UBND)",
      "changes": [
        "Số đến: 01 → 07",
        "Lý do sửa: (trống) → Vào nhầm số"
      ]
    },
    {
      "action": "Ghi nhận hoàn thành xử lý văn bản đến",
      "record": "Văn bản đến số 07 (12/BC-UBND)",
      "changes": [
        "Ngày hoàn thành: (trống) → 25/11/2026",
        "Văn bản trả lời: (trống) → 01/STNMT-QLĐĐ",
        "Tình trạng: Đang xử lý → Hoàn thành đúng hạn"
      ]
    },
    {
      "action": "Xóa văn bản đến",
      "record": "Văn bản đến số 1",
      "changes": []
    },
    {
      "action": "Khôi phục một mục từ thùng rác",
      "record": "Văn bản đến số 1",
      "changes": []
    }
  ],
  "outgoing": [
    {
      "action": "Tạo văn bản đi",
      "record": "Văn bản đi (dự thảo) V/v trả lời ý kiến góp ý",
      "changes": [
        "Sổ: (trống) → Sổ văn bản đi",
        "Tình trạng: (trống) → Dự thảo",
        "Loại văn bản: (trống) → Công văn",
        "Trích yếu: (trống) → V/v trả lời ý kiến góp ý",
        "Đơn vị soạn thảo: (trống) → Phòng Quản lý đất đai",
        "Người soạn thảo: (trống) → PAD",
        "Nơi nhận: (trống) → UBND tỉnh Lạng Sơn",
        "Số lượng bản: (trống) → 3",
        "Bản lưu: (trống) → Lưu: VT, QLĐĐ(PAD)."
      ]
    },
    {
      "action": "Sửa văn bản đi",
      "record": "Văn bản đi (dự thảo) V/v trả lời ý kiến góp ý dự thảo",
      "changes": [
        "Trích yếu: V/v trả lời ý kiến góp ý → V/v trả lời ý kiến góp ý dự thảo",
        "Số lượng bản: 3 → 4"
      ]
    },
    {
      "action": "Cấp số và ngày ban hành, ghép số ký hiệu",
      "record": "Văn bản đi 01/STNMT-QLĐĐ",
      "changes": [
        "Tình trạng: Dự thảo → Đã cấp số",
        "Số: (trống) → 01",
        "Số, ký hiệu: (trống) → 01/STNMT-QLĐĐ",
        "Ngày ban hành: (trống) → 25/11/2026"
      ]
    }
  ]
};
