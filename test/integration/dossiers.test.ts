import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

// Wednesday 25/11/2026.
const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
let vp: number;

beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
});
afterEach(async () => t.close());

const file = (code: string, extra: Partial<Input<'dossiers.create'>> = {}): Input<'dossiers.create'> => ({
  year: 2025,
  code,
  title: `Hồ sơ ${code}`,
  retention: 10,
  keeperUnitId: vp,
  ...extra,
});
const other = (date: string, title = 'Báo cáo tổng hợp') => ({ kind: 'other' as const, date, title, sheets: 3 });

/** A file with one document dated `date`, closed on `endedAt`. */
async function closedFile(code: string, date: string, endedAt: string) {
  const f = ok(await t.core.call('dossiers.create', file(code)));
  ok(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [other(date)] }));
  return ok(await t.core.call('dossiers.close', { id: f.id, workEndedAt: endedAt }));
}

describe('work files', () => {
  it('keeps the yearly list with Roman and Arabic headings and copies it to the next year', async () => {
    const h1 = ok(await t.core.call('dossiers.addHeading', { year: 2026, title: 'TỔNG HỢP' }));
    const h11 = ok(await t.core.call('dossiers.addHeading', { year: 2026, parentId: h1.id, title: 'Kế hoạch, báo cáo' }));
    const h2 = ok(await t.core.call('dossiers.addHeading', { year: 2026, title: 'TÀI CHÍNH, KẾ TOÁN' }));
    expect([h1.label, h11.label, h2.label]).toEqual(['I', '1', 'II']);
    expect(err(await t.core.call('dossiers.addHeading', { year: 2026, parentId: h11.id, title: 'x' })).fields[0]!.path).toBe('parentId');
    ok(await t.core.call('dossiers.create', file('01.VP', { year: 2026, headingId: h11.id, title: 'Kế hoạch công tác năm 2026 của Sở', retention: 'permanent' })));
    ok(await t.core.call('dossiers.create', file('02.VP', { year: 2026, headingId: h2.id })));
    expect(err(await t.core.call('dossiers.create', file('01.VP', { year: 2026 }))).code).toBe('CONFLICT');
    expect(err(await t.core.call('dossiers.create', file('03.VP', { year: 2025, headingId: h1.id }))).fields[0]!.path).toBe('headingId');
    const bad = err(await t.core.call('dossiers.create', file('04.VP', { retention: 0 })));
    expect(bad.fields[0]).toEqual({ path: 'retention', message: expect.stringContaining('Thời hạn bảo quản') });

    const plan = ok(await t.core.call('dossiers.plan', { year: 2026 }));
    expect(plan.files.map((f) => [f.code, f.retention, f.headingId])).toEqual([['01.VP', 'permanent', h11.id], ['02.VP', 10, h2.id]]);
    expect(ok(await t.core.call('dossiers.copyYear', { fromYear: 2026, toYear: 2027 }))).toEqual({ headings: 3, files: 2 });
    const next = ok(await t.core.call('dossiers.plan', { year: 2027 }));
    expect(next.headings.map((h) => `${h.label}. ${h.title}`)).toEqual(['I. TỔNG HỢP', '1. Kế hoạch, báo cáo', 'II. TÀI CHÍNH, KẾ TOÁN']);
    expect(next.files.every((f) => f.state === 'open' && f.documentCount === 0)).toBe(true);
    expect(next.files.find((f) => f.code === '01.VP')!.headingId).toBe(next.headings[1]!.id);
    expect(err(await t.core.call('dossiers.copyYear', { fromYear: 2026, toYear: 2027 })).code).toBe('CONFLICT');
  });

  it('puts registered and other documents in a file, with dates and sheets from them', async () => {
    const inc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-03-04', senderName: 'UBND tỉnh Lạng Sơn', notation: '59/QĐ-UBND', documentDate: '2025-03-02', subject: 'Ban hành kế hoạch' }));
    const f = ok(await t.core.call('dossiers.create', file('05.VP')));
    const input: Input<'dossiers.addDocuments'> = { id: f.id, documents: [{ kind: 'incoming', incomingId: inc.id, sheets: 4 }, other('2025-06-30')] };
    const filled = ok(await t.core.call('dossiers.addDocuments', input));
    expect(filled).toEqual(expect.objectContaining({ documentCount: 2, sheets: 7, startDate: '2025-03-02', endDate: '2025-06-30' }));
    expect(filled.documents[0]).toEqual(expect.objectContaining({ kind: 'incoming', notation: '59/QĐ-UBND', author: 'UBND tỉnh Lạng Sơn' }));
    const dup = err(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [{ kind: 'incoming' as const, incomingId: inc.id }] }));
    expect(dup.fields[0]!.path).toBe('documents.0');
    expect(err(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [{ kind: 'outgoing' as const, outgoingId: 77 }] })).fields[0]!.path).toBe('documents.0.outgoingId');
    const removed = ok(await t.core.call('dossiers.removeDocument', { id: f.id, documentId: filled.documents[1]!.id }));
    expect(removed.endDate).toBe('2025-03-02');
  });

  it('closes a file only with documents and after its last one', async () => {
    const f = ok(await t.core.call('dossiers.create', file('06.VP')));
    expect(err(await t.core.call('dossiers.close', { id: f.id, workEndedAt: '2025-12-31' })).fields[0]!.message).toContain('chưa có văn bản');
    ok(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [other('2025-12-10')] }));
    expect(err(await t.core.call('dossiers.close', { id: f.id, workEndedAt: '2025-12-01' })).fields[0]!.path).toBe('workEndedAt');
    const closed = ok(await t.core.call('dossiers.close', { id: f.id, workEndedAt: '2025-12-15', extraSheets: 2 }));
    expect(closed).toEqual(expect.objectContaining({ state: 'closed', handoverDue: '2026-12-15', sheets: 5, handoverWarning: 'soon' }));
    expect(err(await t.core.call('dossiers.addDocuments', { id: f.id, documents: [other('2025-12-11')] })).code).toBe('CONFLICT');
  });

  it('warns 30 days before a file is due for hand-over, and after', async () => {
    await closedFile('07.VP', '2025-12-01', '2025-12-26'); // due 26/12/2026: 31 days ahead
    await closedFile('08.VP', '2025-12-01', '2025-12-25'); // due 25/12/2026: 30 days ahead
    await closedFile('09.VP', '2025-09-01', '2025-09-30'); // due 30/09/2026: overdue
    ok(await t.core.call('dossiers.create', file('10.VP')));
    const warned = ok(await t.core.call('dossiers.list', { warning: true })).items;
    expect(warned.map((f) => [f.code, f.handoverWarning])).toEqual([['08.VP', 'soon'], ['09.VP', 'overdue']]);
  });

  it('hands closed files over with a record, and refuses the rest', async () => {
    const a = await closedFile('11.VP', '2025-05-01', '2025-06-30');
    const b = await closedFile('12.VP', '2025-07-01', '2025-08-30');
    const open = ok(await t.core.call('dossiers.create', file('13.VP')));
    const base = { date: '2026-11-20', giverUnitId: vp, giverPerson: 'Nguyễn Thị Hoa', receiver: 'Lưu trữ cơ quan — Hoàng Văn Nam' };
    expect(err(await t.core.call('dossiers.handOver', { ...base, ids: [a.id, open.id] })).fields[0]!.message).toContain('13.VP');
    expect(err(await t.core.call('dossiers.handOver', { ...base, ids: [a.id], date: '2025-06-01' })).fields[0]!.path).toBe('date');
    const h = ok(await t.core.call('dossiers.handOver', { ...base, ids: [a.id, b.id] }));
    expect(h.count).toBe(2);
    const got = ok(await t.core.call('dossiers.get', { id: a.id }));
    expect(got).toEqual(expect.objectContaining({ state: 'handed_over', handoverWarning: null, handover: { id: h.handoverId, date: '2026-11-20', receiver: base.receiver } }));
    expect(err(await t.core.call('dossiers.update', { id: a.id, title: 'Đổi tên' })).code).toBe('CONFLICT');
    expect(ok(await t.core.call('dossiers.handovers', { year: 2026 })).items).toEqual([expect.objectContaining({ id: h.handoverId, count: 2, giverUnit: 'Văn phòng Sở' })]);
    expect(ok(await t.core.call('dossiers.list', { state: 'handed_over' })).items.length).toBe(2);
  });
});
