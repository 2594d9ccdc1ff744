/** Correcting a registered document (the reason the decree asks for) and reading the audit log in Vietnamese. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { seedOffice, type Seeded } from '../support/seed';

let t: TestCore;
let s: Seeded;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  s = await seedOffice(t.core);
});
afterEach(() => t.close());

const lastAudit = async (entity: string, entityId: number) => ok(await t.core.call('audit.list', { entity, entityId })).items[0]!;

describe('correcting an incoming document', () => {
  it('changes the arrival number only with a reason, and the audit log keeps the reason', async () => {
    const e = err(await t.core.call('incoming.update', { id: s.incomingId, arrivalNumber: 7 }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields[0]).toEqual({ path: 'reason', message: 'Sửa số đến đã vào sổ cần ghi lý do sửa.' });
    // Nothing was written by the refused call.
    expect(ok(await t.core.call('incoming.get', { id: s.incomingId })).arrivalNumber).toBe(1);
    const d = ok(await t.core.call('incoming.update', { id: s.incomingId, arrivalNumber: 7, arrivalDate: '2026-11-21', reason: 'Ghi nhầm số khi vào sổ' }));
    expect(d).toMatchObject({ arrivalNumber: 7, arrivalNumberText: '07', arrivalDate: '2026-11-21' });
    const a = await lastAudit('incoming', s.incomingId);
    expect(a.changes).toEqual(
      expect.arrayContaining([
        { field: 'arrivalNumberText', label: 'Số đến', before: '01', after: '07' },
        { field: 'arrivalDate', label: 'Ngày đến', before: '20/11/2026', after: '21/11/2026' },
        { field: 'correctionReason', label: 'Lý do sửa', before: '', after: 'Ghi nhầm số khi vào sổ' },
      ]),
    );
    expect(a.record).toBe('Văn bản đến số 07 (1237/UBND-KT)');
  });

  it('refuses an arrival number another document of the year holds', async () => {
    const other = ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-22', senderName: 'Sở Tài chính', subject: 'Về việc dự toán' }));
    const e = err(await t.core.call('incoming.update', { id: other.id, arrivalNumber: 1, reason: 'Sửa số' }));
    expect(e).toMatchObject({ code: 'CONFLICT', fields: [{ path: 'arrivalNumber' }] });
  });

  it('needs no reason for other fields', async () => {
    ok(await t.core.call('incoming.update', { id: s.incomingId, subject: 'Về việc báo cáo tình hình quản lý đất đai năm 2026' }));
    const a = await lastAudit('incoming', s.incomingId);
    expect(a.changes.map((c) => c.label)).toEqual(['Trích yếu']);
  });
});

describe('correcting an outgoing document', () => {
  it('changes an issued document’s date only with a reason and within its year; the number stays', async () => {
    expect(err(await t.core.call('outgoing.update', { id: s.outgoingIssuedId, issueDate: '2026-11-22' })).fields[0]?.path).toBe('reason');
    expect(err(await t.core.call('outgoing.update', { id: s.outgoingIssuedId, issueDate: '2027-01-02', reason: 'x' })).fields[0]?.path).toBe('issueDate');
    expect(err(await t.core.call('outgoing.update', { id: s.outgoingDraftId, issueDate: '2026-11-22', reason: 'x' })).fields[0]?.path).toBe('issueDate');
    const d = ok(await t.core.call('outgoing.update', { id: s.outgoingIssuedId, issueDate: '2026-11-22', subject: 'Về việc đôn đốc báo cáo tháng 11', reason: 'Ký ngày 22' }));
    expect(d).toMatchObject({ issueDate: '2026-11-22', number: 1, notation: '01/STNMT-VP' });
    const a = await lastAudit('outgoing', s.outgoingIssuedId);
    expect(a.record).toBe('Văn bản đi 01/STNMT-VP');
    expect(a.changes).toEqual(
      expect.arrayContaining([
        { field: 'issueDate', label: 'Ngày ban hành', before: '21/11/2026', after: '22/11/2026' },
        { field: 'correctionReason', label: 'Lý do sửa', before: '', after: 'Ký ngày 22' },
      ]),
    );
  });
});

describe('the audit log reads as Vietnamese', () => {
  it('names fields, shows values as the screens do and leaves out ids and internal fields', async () => {
    ok(await t.core.call('incoming.assign', { id: s.incomingId, leadUnitId: s.unitId, coordinatingUnitIds: [s.otherUnitId], deadline: '2026-12-05' }));
    ok(await t.core.call('incoming.update', { id: s.incomingId, urgency: 'khan' }));
    const log = ok(await t.core.call('audit.list', { entity: 'incoming', entityId: s.incomingId })).items;
    const [urgent, assigned, registered] = log;
    expect(urgent!.changes).toEqual([{ field: 'urgency', label: 'Độ khẩn', before: '', after: 'Khẩn' }]);
    expect(assigned!.changes).toEqual(
      expect.arrayContaining([
        { field: 'leadUnit', label: 'Đơn vị chủ trì', before: '', after: 'Văn phòng Sở' },
        { field: 'coordinatingUnits', label: 'Đơn vị phối hợp', before: '', after: 'Chi cục Bảo vệ môi trường' },
        { field: 'deadline', label: 'Hạn xử lý', before: '', after: '05/12/2026' },
        { field: 'status', label: 'Tình trạng', before: 'Chưa giao xử lý', after: 'Đang xử lý' },
      ]),
    );
    expect(assigned!.actionLabel).toBe('Giao xử lý');
    expect(registered!.actionLabel).toBe('Vào sổ văn bản đến');
    expect(registered!.entityLabel).toBe('Văn bản đến');
    expect(registered!.actorName).toBe('Hệ thống');
    const shown = JSON.stringify(log.map((e) => [e.record, e.actionLabel, e.changes.map((c) => [c.label, c.before, c.after])]));
    for (const internal of ['senderUnitId', 'registerId', 'createdAt', '"id"', '{', 'T02:00', '2026-11-20', 'khan'])
      expect(shown, internal).not.toContain(internal);
  });
});
