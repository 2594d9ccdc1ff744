import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
});
afterEach(async () => t.close());

let n = 0;
const register = (subject: string) =>
  t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: `${500 + n++}/UBND-KT`, documentDate: '2026-11-18', subject });

describe('trash', () => {
  it('deletes an incoming document into the trash, restores it, and purges it for good', async () => {
    const a = ok(await register('Về việc kiểm kê đất đai năm 2026'));
    ok(await register('Về việc tổng kết công tác năm'));
    const d = ok(await t.core.call('incoming.delete', { id: a.id, reason: 'Vào sổ nhầm, trùng với số 02' }));
    expect(d.label).toContain('Văn bản đến số 01 năm 2026');
    expect(ok(await t.core.call('incoming.list', {})).total).toBe(1);
    expect(ok(await t.core.call('search.global', { q: 'kiem ke' })).hits).toEqual([]);
    const trash = ok(await t.core.call('trash.list', {}));
    expect(trash.items).toEqual([expect.objectContaining({ kind: 'incoming', id: a.id, deletedBy: 'system', reason: 'Vào sổ nhầm, trùng với số 02' })]);
    expect(err(await t.core.call('incoming.delete', { id: a.id })).code).toBe('CONFLICT');

    ok(await t.core.call('trash.restore', { kind: 'incoming', id: a.id }));
    expect(ok(await t.core.call('incoming.list', {})).total).toBe(2);
    expect(ok(await t.core.call('search.global', { q: 'kiem ke' })).hits.map((h) => h.id)).toEqual([a.id]);
    expect(ok(await t.core.call('trash.list', {})).total).toBe(0);

    ok(await t.core.call('incoming.delete', { id: a.id }));
    expect(ok(await t.core.call('trash.purge', { kind: 'incoming', id: a.id }))).toEqual({ purged: true });
    expect(err(await t.core.call('incoming.get', { id: a.id })).code).toBe('NOT_FOUND');
    // A deleted number is not given again.
    expect(ok(await register('Văn bản mới')).arrivalNumber).toBe(3);
  });

  it('refuses what must stay: an issued outgoing number, a handed-over file, a purge while a task points to the document', async () => {
    const issued = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo công tác tháng 11' }));
    ok(await t.core.call('outgoing.issue', { id: issued.id, issueDate: '2026-11-20' }));
    expect(err(await t.core.call('outgoing.delete', { id: issued.id })).fields[0]!.message).toContain('Hủy số');
    const draft = ok(await t.core.call('outgoing.createDraft', { documentType: 'CV', subject: 'V/v góp ý dự thảo' }));
    ok(await t.core.call('outgoing.delete', { id: draft.id }));

    const doc = ok(await register('Về việc giao nhiệm vụ'));
    ok(await t.core.call('tasks.create', { content: 'Thực hiện văn bản', sourceIncomingId: doc.id }));
    ok(await t.core.call('incoming.delete', { id: doc.id }));
    const e = err(await t.core.call('trash.purge', { kind: 'incoming', id: doc.id }));
    expect(e.message).toContain('còn nhiệm vụ dẫn tới nó');

    const f = ok(await t.core.call('dossiers.create', { year: 2025, code: '01.VP', title: 'Hồ sơ hội nghị', retention: 10 }));
    ok(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [{ kind: 'other', date: '2025-05-05', title: 'Giấy mời', sheets: 1 }] }));
    ok(await t.core.call('dossiers.close', { id: f.id, workEndedAt: '2025-06-30' }));
    ok(await t.core.call('dossiers.handOver', { ids: [f.id], date: '2026-11-20', giverPerson: 'Văn thư', receiver: 'Lưu trữ' }));
    expect(err(await t.core.call('dossiers.delete', { id: f.id })).fields[0]!.message).toContain('đã nộp lưu');
    expect(err(await t.core.call('tasks.delete', { id: 0 })).code).toBe('VALIDATION');
  });

  it('restores a TTHC dossier only if its code was not given again meanwhile', async () => {
    const proc = ok(await t.core.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 }));
    const base: Input<'tthc.register'> = { procedureId: proc.id, applicantName: 'Công ty A', applicantKind: 'organisation', receivedAt: '2026-11-20', channel: 'direct', code: 'H36-0001' };
    const a = ok(await t.core.call('tthc.register', base));
    ok(await t.core.call('tthc.delete', { id: a.id }));
    ok(await t.core.call('tthc.register', base));
    expect(err(await t.core.call('trash.restore', { kind: 'tthc', id: a.id })).fields[0]!.message).toContain('cùng số hoặc mã');
    expect(ok(await t.core.call('trash.list', { kind: 'tthc' })).items.map((i) => i.label)).toEqual(['H36-0001 — Công ty A']);
  });
});

describe('audit log', () => {
  it('lists who changed what, with the fields before and after, and exports it', async () => {
    const doc = ok(await register('Về việc lấy ý kiến'));
    ok(await t.core.call('incoming.update', { id: doc.id, subject: 'Về việc lấy ý kiến góp ý dự thảo' }));
    ok(await t.core.call('incoming.delete', { id: doc.id, reason: 'Nhầm' }));
    const log = ok(await t.core.call('audit.list', { entity: 'incoming', entityId: doc.id }));
    expect(log.items.map((e) => e.action)).toEqual(['incoming.delete', 'incoming.update', 'incoming.register']);
    const update = log.items[1]!;
    expect(update.actionLabel).toBe('Sửa văn bản đến đã vào sổ');
    expect(update.changes).toContainEqual({ field: 'subject', label: 'Trích yếu', before: 'Về việc lấy ý kiến', after: 'Về việc lấy ý kiến góp ý dự thảo' });
    expect(ok(await t.core.call('audit.list', { from: '2026-11-26' })).total).toBe(0);
    const x = ok(await t.core.call('exports.audit', { from: '2026-11-25', to: '2026-11-25'}));
    expect(x.rows).toBeGreaterThanOrEqual(4);
  });
});
