import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import type { Unit } from '../../shared/api/units';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
let vp: Unit;
let nks: Unit;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2025-06-10T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
  nks = ok(await t.core.call('units.create', { name: 'Phòng Quản lý Tài nguyên nước và Khoáng sản', abbreviation: 'NKS', kind: 'internal' }));
});
afterEach(() => t.close());

describe('outgoing register', () => {
  it("the year's first Báo cáo of STNMT is 01/BC-STNMT; a công văn of VP is NN/STNMT-VP", async () => {
    const bc = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo công tác tháng 5 năm 2025' }));
    expect(bc).toMatchObject({ status: 'draft', number: null, notation: null });
    const issued = ok(await t.core.call('outgoing.issue', { id: bc.id, issueDate: '2025-06-05' }));
    expect(issued).toMatchObject({ number: 1, numberText: '01', notation: '01/BC-STNMT', status: 'issued', issueDate: '2025-06-05' });
    const cv = ok(await t.core.call('outgoing.createDraft', { documentType: 'CV', subject: 'V/v triển khai Kế hoạch số 03/KH-UBND', draftingUnitId: vp.id }));
    const cvIssued = ok(await t.core.call('outgoing.issue', { id: cv.id, issueDate: '2025-06-06' }));
    expect(cvIssued.notation).toBe('02/STNMT-VP');
    expect(cvIssued.documentTypeName).toBe('Công văn');
  });

  it('answers a new draft and its issue with the document exactly as it is read back, for drafts of every shape', async () => {
    const inc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-06-01', senderName: 'UBND tỉnh Lạng Sơn', notation: '121/UBND-KT', documentDate: '2025-05-30', subject: 'V/v báo cáo' }));
    const drafts: Input<'outgoing.createDraft'>[] = [
      { documentType: 'BC', subject: 'Báo cáo công tác' },
      { documentType: 'CV', subject: 'V/v trả lời', draftingUnitId: vp.id, drafterInitials: 'PAD', replyToIncomingIds: [inc.id], recipients: [{ unitId: nks.id, name: nks.name }, { name: 'UBND tỉnh' }], copies: 3, urgency: 'khan' },
      { documentType: 'QD', subject: 'Quyết định mật', secrecy: 'mat', signerName: 'Nguyễn Văn B', signerPosition: 'Giám đốc', signingAuthority: 'KT.', note: 'Ghi chú' },
    ];
    for (const draft of drafts) {
      const d = ok(await t.core.call('outgoing.createDraft', draft));
      expect(d).toEqual(ok(await t.core.call('outgoing.get', { id: d.id })));
      const issued = ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: '2025-06-09' }));
      expect(issued).toEqual(ok(await t.core.call('outgoing.get', { id: d.id })));
    }
  });

  it('derives "Lưu: VT, NKS(PAD)." from the drafting unit and the drafter', async () => {
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: 'CV', subject: 'V/v x', draftingUnitId: nks.id, drafterInitials: 'PAD' }));
    expect(d.archiveLine).toBe('Lưu: VT, NKS(PAD).');
    const plain = ok(await t.core.call('outgoing.createDraft', { documentType: 'TB', subject: 'Thông báo' }));
    expect(plain.archiveLine).toBe('Lưu: VT.');
  });

  it('numbers have no gaps or duplicates; a cancelled number stays recorded and is not given again', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push(ok(await t.core.call('outgoing.createDraft', { documentType: 'KH', subject: `Kế hoạch ${i}` })).id);
    const a = ok(await t.core.call('outgoing.issue', { id: ids[0]!, issueDate: '2025-02-01' }));
    const b = ok(await t.core.call('outgoing.issue', { id: ids[1]!, issueDate: '2025-02-02' }));
    const cancelled = ok(await t.core.call('outgoing.cancelNumber', { id: b.id, reason: 'Ban hành nhầm' }));
    expect(cancelled).toMatchObject({ status: 'cancelled', number: 2, notation: '02/KH-STNMT', cancelReason: 'Ban hành nhầm' });
    const c = ok(await t.core.call('outgoing.issue', { id: ids[2]!, issueDate: '2025-02-03' }));
    expect([a.number, b.number, c.number]).toEqual([1, 2, 3]);
    expect(err(await t.core.call('outgoing.issue', { id: a.id, issueDate: '2025-02-04' })).code).toBe('CONFLICT');
    expect(err(await t.core.call('outgoing.cancelNumber', { id: b.id, reason: 'lần hai' })).code).toBe('CONFLICT');
    // A new year starts again at 01.
    const ny = ok(await t.core.call('outgoing.createDraft', { documentType: 'KH', subject: 'Kế hoạch năm mới' }));
    expect(ok(await t.core.call('outgoing.issue', { id: ny.id, issueDate: '2026-01-02' })).notation).toBe('01/KH-STNMT');
  });

  it('fifty concurrent issues get fifty distinct consecutive numbers', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 50; i++) ids.push(ok(await t.core.call('outgoing.createDraft', { documentType: 'CV', subject: `Công văn ${i}`, draftingUnitId: vp.id })).id);
    const issued = await Promise.all(ids.map((id) => t.core.call('outgoing.issue', { id, issueDate: '2025-03-03' })));
    expect(issued.map((r) => ok(r).number).sort((x, y) => x! - y!)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a reply marks the incoming documents it answers', async () => {
    const inc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-06-01', senderName: 'UBND tỉnh Lạng Sơn', notation: '120/UBND-KT', documentDate: '2025-05-30', subject: 'V/v báo cáo tình hình' }));
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo tình hình', replyToIncomingIds: [inc.id], recipients: [{ name: 'UBND tỉnh' }] }));
    const o = ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: '2025-06-08' }));
    expect(o.replyTo).toEqual([{ id: inc.id, notation: '120/UBND-KT', arrivalNumber: 1 }]);
    const after = ok(await t.core.call('incoming.get', { id: inc.id }));
    expect(after).toMatchObject({ replyOutgoingId: o.id, replyNotation: '01/BC-STNMT', completedAt: '2025-06-08', status: 'done' });
  });

  it('refuses a công văn without a drafting unit, an unknown type, and edits to an issued number', async () => {
    const cv = ok(await t.core.call('outgoing.createDraft', { documentType: 'CV', subject: 'V/v x' }));
    expect(err(await t.core.call('outgoing.issue', { id: cv.id, issueDate: '2025-06-01' })).fields[0]?.path).toBe('draftingUnitId');
    expect(err(await t.core.call('outgoing.createDraft', { documentType: 'ZZ', subject: 'x' })).fields[0]?.path).toBe('documentType');
    const bc = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'x' }));
    ok(await t.core.call('outgoing.issue', { id: bc.id, issueDate: '2025-06-01' }));
    expect(err(await t.core.call('outgoing.update', { id: bc.id, documentType: 'KH' })).code).toBe('CONFLICT');
    expect(ok(await t.core.call('outgoing.update', { id: bc.id, subject: 'Báo cáo (sửa trích yếu)' })).subject).toBe('Báo cáo (sửa trích yếu)');
    expect(ok(await t.core.call('outgoing.markSent', { id: bc.id, transferDate: '2025-06-02' })).status).toBe('sent');
  });

  it('lists with filters, total and paging', async () => {
    for (let i = 0; i < 12; i++) {
      const d = ok(await t.core.call('outgoing.createDraft', { documentType: i % 2 ? 'BC' : 'KH', subject: `Văn bản ${i}` }));
      ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: `2025-04-${String(i + 1).padStart(2, '0')}` }));
    }
    const page = ok(await t.core.call('outgoing.list', { from: '2025-01-01', to: '2025-12-31', documentType: 'BC', page: 2, pageSize: 4, sort: 'number', dir: 'asc' }));
    expect(page.total).toBe(6);
    expect(page.items.map((i) => i.number)).toEqual([10, 12]);
  });
});
