/**
 * The audit log keeps only what changed (migration 015) and, of a record
 * created whole, what it was made of (migration 018), yet the audit page
 * and its export must tell a document's whole history as they did when every
 * row held full copies. The expected history below is what the page and the
 * export showed with full copies, taken from the code before the change
 * (test/support/audit-history.ts).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditJson, expectedHistory, fullCopies, insertJsonRows, shown } from '../support/audit-history';
import * as m018 from '../../db/migrations/018_audit_records';
import { labelledChanges, recordLabel } from '../../electron/core/audit/labels';
import type { Core } from '../../electron/core/index';
import { heldPath, makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
let docId = 0;
let draftId = 0;

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
  const c = t.core;
  ok(await c.call('agency.update', standardAgency));
  const vp = ok(await c.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  const qldd = ok(await c.call('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' })).id;
  const d = ok(await c.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: '12/KH-UBND', documentDate: '2026-11-20', subject: 'Về việc lấy ý kiến', pages: 3 }));
  docId = d.id;
  ok(await c.call('incoming.update', { id: d.id, subject: 'Về việc lấy ý kiến góp ý dự thảo', documentDate: '2026-11-21' }));
  ok(await c.call('incoming.update', { id: d.id, notation: '12/BC-UBND', urgency: 'khan', note: 'Bản giấy đến sau' }));
  ok(await c.call('incoming.assign', { id: d.id, leadUnitId: vp, coordinatingUnitIds: [qldd], deadline: '2026-12-05', instruction: 'Văn phòng tham mưu trả lời' }));
  ok(await c.call('incoming.assign', { id: d.id, leadUnitId: qldd, coordinatingUnitIds: [], deadline: '2026-12-10', instruction: 'Phòng Quản lý đất đai chủ trì' }));
  ok(await c.call('incoming.update', { id: d.id, arrivalNumber: 7, reason: 'Vào nhầm số' }));
  const draft = ok(await c.call('outgoing.createDraft', { documentType: 'CV', subject: 'V/v trả lời ý kiến góp ý', draftingUnitId: qldd, drafterInitials: 'PAD', recipients: [{ name: 'UBND tỉnh Lạng Sơn' }], copies: 3 }));
  draftId = draft.id;
  ok(await c.call('outgoing.update', { id: draft.id, subject: 'V/v trả lời ý kiến góp ý dự thảo', copies: 4 }));
  ok(await c.call('outgoing.issue', { id: draft.id, issueDate: '2026-11-25' }));
  ok(await c.call('incoming.complete', { id: d.id, completedAt: '2026-11-25', replyOutgoingId: draft.id }));
  ok(await c.call('incoming.delete', { id: d.id, reason: 'Nhập trùng' }));
  ok(await c.call('trash.restore', { kind: 'incoming', id: d.id }));
});
afterAll(() => t.close());

/** What the page shows of a record's whole history, oldest first. */
const pageOf = async (core: Core, entity: string, entityId: number) => shown(ok(await core.call('audit.list', { entity, entityId })).items.reverse());

/** The export's rows for the day's incoming documents: who, what, which record, the changes. */
async function exportOf(core: Core): Promise<string[][]> {
  const r = ok(await core.call('exports.audit', { from: '2026-11-25', to: '2026-11-25', entity: 'incoming' }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await heldPath(core, r));
  const ws = wb.worksheets[0]!;
  return Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(i + 5)).map((row) => [2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? '')));
}

describe('audit history of a document changed several times', () => {
  it('the audit page shows the same fields, before/after values and order as with full copies', async () => {
    const incoming = ok(await t.core.call('audit.list', { entity: 'incoming', entityId: docId })).items.reverse();
    const outgoing = ok(await t.core.call('audit.list', { entity: 'outgoing', entityId: draftId })).items.reverse();
    expect(shown(incoming)).toEqual(expectedHistory.incoming);
    expect(shown(outgoing)).toEqual(expectedHistory.outgoing);
  });

  it('the export shows the same history as the page', async () => {
    expect(await exportOf(t.core)).toEqual(expectedHistory.incoming.map((e) => ['Hệ thống', e.action, e.record, e.changes.join('\n')]));
  });

  it('page and export read the compact rows exactly as the full copies the app wrote before, creation, changes, deletion and restoring', async () => {
    const full = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
    const converted = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
    try {
      // The full copies as the app wrote them, compressed by migration 021 as they are.
      await insertJsonRows(full.database, fullCopies);
      const [fullIncoming, compactIncoming] = [await pageOf(full.core, 'incoming', 1), await pageOf(t.core, 'incoming', docId)];
      expect(compactIncoming.map((e) => e.action)).toEqual(['Vào sổ văn bản đến', 'Sửa văn bản đến đã vào sổ', 'Sửa văn bản đến đã vào sổ', 'Giao xử lý', 'Giao xử lý', 'Sửa văn bản đến đã vào sổ', 'Ghi nhận hoàn thành xử lý văn bản đến', 'Xóa văn bản đến', 'Khôi phục một mục từ thùng rác']);
      expect(compactIncoming).toEqual(fullIncoming);
      expect(await pageOf(t.core, 'outgoing', draftId)).toEqual(await pageOf(full.core, 'outgoing', 1));
      expect(await exportOf(t.core)).toEqual(await exportOf(full.core));

      // Migrations 018 then 021 convert such rows on either engine; the page and export read them the same again.
      await insertJsonRows(converted.database, fullCopies, m018.compactRecords);
      const [created] = await auditJson(converted, "action = 'incoming.register'");
      expect(JSON.parse(created!.after_json!)).not.toHaveProperty('arrivalNumberText');
      expect(await pageOf(converted.core, 'incoming', 1)).toEqual(fullIncoming);
      expect(await exportOf(converted.core)).toEqual(await exportOf(t.core));
    } finally {
      await full.close();
      await converted.close();
    }
  });

  it('stores of a creation what the record was made of: no derived values, no copy of the row, no empty fields', async () => {
    const [created] = await auditJson(t, "action = 'incoming.register' and entity_id = ?", docId);
    const stored = JSON.parse(created!.after_json!) as Record<string, unknown>;
    expect(stored).toMatchObject({ registerId: 1, arrivalNumber: 1, arrivalDate: '2026-11-25', documentType: 'KH', notation: '12/KH-UBND', subject: 'Về việc lấy ý kiến', pages: 3, status: 'unassigned' });
    for (const k of ['id', 'arrivalNumberText', 'documentNumber', 'documentTypeName', 'overdue', 'createdAt', 'updatedAt', 'coordinatingUnits', 'signerName']) expect(stored).not.toHaveProperty(k);
  });

  it('stores only the changed fields and those that name the record, far smaller than the full copies', async () => {
    const rows = await auditJson(t, "entity in ('incoming', 'outgoing')");
    const firstUpdate = rows.find((r) => r.action === 'incoming.update')!;
    expect(Object.keys(JSON.parse(firstUpdate.before_json!) as object)).toEqual(['arrivalNumberText', 'notation', 'documentDate', 'subject']);
    expect(JSON.parse(firstUpdate.after_json!)).toEqual({ arrivalNumberText: '01', notation: '12/KH-UBND', documentDate: '2026-11-21', subject: 'Về việc lấy ý kiến góp ý dự thảo' });
    const size = (rs: { before_json: string | null; after_json: string | null }[]) => rs.reduce((n, r) => n + (r.before_json?.length ?? 0) + (r.after_json?.length ?? 0), 0);
    expect(rows.length).toBe(fullCopies.length);
    expect(size(rows) * 4).toBeLessThan(size(fullCopies));
  });
});

describe('a record created whole, of every kind the demo makes', () => {
  it('is shown by the page as its full copy would be: the same record name and the same fields', async () => {
    const c = t.core;
    const unit = ok(await c.call('units.create', { name: 'Phòng Môi trường', abbreviation: 'MT', kind: 'internal' }));
    const procedure = ok(await c.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 }));
    // Each audits the record the call answers with (units audit their table row, not shown here).
    const created: [string, { id: number }][] = [
      ['tasks', ok(await c.call('tasks.create', { content: 'Báo cáo quý về môi trường', leadUnitId: unit.id, startDate: '2026-01-01', timeText: 'hàng quý, trước ngày 20', sourceText: 'Kế hoạch số 7/KH-UBND' }))],
      ['tthc_dossiers', ok(await c.call('tthc.register', { procedureId: procedure.id, applicantName: 'Hợp tác xã Đồng Tâm', applicantKind: 'organisation', receivedAt: '2026-10-01', channel: 'direct', handlingUnitId: unit.id }))],
      ['incoming', ok(await c.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'Cục Thuế tỉnh Lạng Sơn', notation: '37/TTr-CT', documentDate: '2026-11-20', subject: 'Tờ trình đề nghị phê duyệt', leadUnitId: unit.id, deadline: '2026-12-01', receivedVia: 'electronic' }))],
      ['outgoing', ok(await c.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo kết quả quan trắc', draftingUnitId: unit.id, drafterInitials: 'LVT', recipients: [{ name: 'UBND huyện Hữu Lũng' }], copies: 6 }))],
    ];
    for (const [entity, record] of created) {
      const [entry] = ok(await c.call('audit.list', { entity, entityId: record.id })).items;
      const full = record as unknown as Record<string, unknown>;
      expect({ entity, record: entry!.record, changes: entry!.changes }).toEqual({ entity, record: recordLabel(entity, record.id, {}, full), changes: labelledChanges(entity, {}, full) });
      expect(entry!.changes.length, entity).toBeGreaterThan(2);
    }
  });
});

describe('audit history of a purged secret document', () => {
  it('stays hidden from an administrator without the secret grant, though its rows no longer copy the whole record', async () => {
    const s = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z') });
    try {
      const c = s.core;
      const d = ok(await c.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'Bộ Chỉ huy quân sự tỉnh', notation: '15/BCH-TM', documentDate: '2026-11-20', subject: 'Kế hoạch mật', secrecy: 'mat' }));
      ok(await c.call('incoming.update', { id: d.id, subject: 'Kế hoạch mật (sửa)' }));
      ok(await c.call('incoming.delete', { id: d.id, reason: null }));
      ok(await c.call('trash.purge', { kind: 'incoming', id: d.id }));
      ok(await c.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: 'mat-khau-dai-du-12' }));
      const admin = { session: ok(await c.call('auth.login', { username: 'quantri', password: 'mat-khau-dai-du-12' })).session };
      ok(await c.call('users.create', { username: 'quantri2', password: 'mat-khau-dai-du-12', fullName: 'Quản trị 2', role: 'admin', secretAccess: false }, admin));
      const ungranted = { session: ok(await c.call('auth.login', { username: 'quantri2', password: 'mat-khau-dai-du-12' })).session };
      const seen = (items: { entity: string; action: string }[]) => items.filter((e) => e.entity === 'incoming').map((e) => e.action);
      expect(seen(ok(await c.call('audit.list', {}, admin)).items)).toEqual(['trash.purge', 'incoming.delete', 'incoming.update', 'incoming.register']);
      expect(seen(ok(await c.call('audit.list', {}, ungranted)).items)).not.toContain('incoming.update');
    } finally {
      await s.close();
    }
  });
});
