import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncomingRegisterInput } from '../../shared/api/incoming';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2025-06-10T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
});
afterEach(() => t.close());

const doc = (over: Partial<IncomingRegisterInput> = {}): IncomingRegisterInput => ({
  arrivalDate: '2025-03-05',
  senderName: 'UBND tỉnh Lạng Sơn',
  notation: '21/QĐ-UBND',
  documentDate: '2025-03-01',
  subject: 'Quyết định phê duyệt kế hoạch sử dụng đất năm 2025',
  ...over,
});

const count = async (sqlText: string) => (await rowsOf<{ n: number }>(t, sqlText))[0]!.n;

describe('incoming register', () => {
  it('numbers run from 1 each calendar year, with a leading zero below 10', async () => {
    const a = ok(await t.core.call('incoming.register', doc({ notation: '1/BC-SNV', arrivalDate: '2025-01-02' })));
    const b = ok(await t.core.call('incoming.register', doc({ notation: '2/BC-SNV', arrivalDate: '2025-05-02' })));
    const c = ok(await t.core.call('incoming.register', doc({ notation: '3/BC-SNV', arrivalDate: '2025-12-31' })));
    const d = ok(await t.core.call('incoming.register', doc({ notation: '4/BC-SNV', arrivalDate: '2026-01-01', documentDate: '2025-12-30' })));
    expect([a, b, c, d].map((x) => x.arrivalNumber)).toEqual([1, 2, 3, 1]);
    expect(a.arrivalNumberText).toBe('01');
    expect(d.year).toBe(2026);
  });

  it('fifty concurrent registrations get fifty distinct consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.core.call('incoming.register', doc({ notation: `${i + 1}/CV-SXD`, subject: `Công văn số ${i + 1}` }))),
    );
    const numbers = results.map((r) => ok(r).arrivalNumber).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('reads the number and the type from the notation', async () => {
    const r = ok(await t.core.call('incoming.register', doc({ notation: ' 448 / bc - stnmt ' })));
    expect(r).toMatchObject({ notation: '448/BC-STNMT', documentNumber: 448, documentType: 'BC', documentTypeName: 'Báo cáo' });
    const letter = ok(await t.core.call('incoming.register', doc({ notation: '1467/STNMT-VP', documentDate: '2025-03-02' })));
    expect(letter.documentType).toBe('CV');
  });

  it('warns of a duplicate (same sender, notation and date) unless confirmed', async () => {
    const first = ok(await t.core.call('incoming.register', doc()));
    const e = err(await t.core.call('incoming.register', doc({ arrivalDate: '2025-03-06', senderName: 'ubnd tinh lang son' })));
    expect(e.code).toBe('DUPLICATE');
    expect(e.fields[0]?.path).toBe('notation');
    expect(e.message).toContain('số đến 01');
    expect(e.details).toMatchObject({ existingId: first.id, arrivalNumber: 1 });
    expect(await count('select count(*) n from incoming')).toBe(1);
    const second = ok(await t.core.call('incoming.register', doc({ arrivalDate: '2025-03-06', confirmDuplicate: true })));
    expect(second.arrivalNumber).toBe(2);
    // Another date or sender is not a duplicate.
    ok(await t.core.call('incoming.register', doc({ documentDate: '2025-03-02' })));
    ok(await t.core.call('incoming.register', doc({ senderName: 'Sở Nội vụ' })));
  });

  it('tells the form of a duplicate before registering, from sender, notation and date alone', async () => {
    const first = ok(await t.core.call('incoming.register', doc()));
    const check = (over: { senderName?: string; notation?: string; documentDate?: string; exceptId?: number }) =>
      t.core.call('incoming.checkDuplicate', { senderName: 'UBND tỉnh Lạng Sơn', notation: '21/QĐ-UBND', documentDate: '2025-03-01', ...over });
    const dup = ok(await check({ senderName: 'ubnd tinh lang son', notation: '21/qđ-ubnd' }));
    expect(dup).toMatchObject({ duplicate: true, existingId: first.id });
    expect(dup.message).toContain('số đến 01');
    expect(ok(await check({ documentDate: '2025-03-02' }))).toEqual({ duplicate: false, message: null, existingId: null });
    expect(ok(await check({ notation: '22/QĐ-UBND' })).duplicate).toBe(false);
    // The document being corrected is not its own duplicate.
    expect(ok(await check({ exceptId: first.id })).duplicate).toBe(false);
    // Nothing is written by asking.
    expect(await count('select count(*) n from audit_log join audit_kinds using (kind) where action = \'incoming.checkDuplicate\'')).toBe(0);
    expect(err(await check({ documentDate: '2025-02-30' })).fields[0]?.path).toBe('documentDate');
  });

  it('bad input: a Vietnamese message per field, and nothing written', async () => {
    const e = err(await t.core.call('incoming.register', { arrivalDate: '2025-02-30', senderName: '', subject: '  ', documentType: 'XYZ' }));
    expect(e.code).toBe('VALIDATION');
    const byPath = Object.fromEntries(e.fields.map((f) => [f.path, f.message]));
    expect(byPath.arrivalDate).toMatch(/Ngày đến/);
    expect(byPath.senderName).toMatch(/Tác giả/);
    expect(byPath.subject).toMatch(/Trích yếu/);
    const badType = err(await t.core.call('incoming.register', doc({ documentType: 'XYZ' })));
    expect(badType.fields[0]).toMatchObject({ path: 'documentType' });
    expect(await count('select count(*) n from incoming')).toBe(0);
    expect(await count('select count(*) n from doc_search')).toBe(0);
    expect(await count('select count(*) n from audit_log join audit_kinds using (kind) where entity = \'incoming\'')).toBe(0);
  });

  it('keeps an imported number and continues after the largest', async () => {
    ok(await t.core.call('incoming.register', doc({ arrivalNumber: 120 })));
    const next = ok(await t.core.call('incoming.register', doc({ notation: '5/TB-UBND' })));
    expect(next.arrivalNumber).toBe(121);
    expect(err(await t.core.call('incoming.register', doc({ notation: '6/TB-UBND', arrivalNumber: 121 }))).code).toBe('CONFLICT');
  });

  it('secret documents go to the secret register, with their own numbers', async () => {
    const open = ok(await t.core.call('incoming.register', doc()));
    const secret = ok(await t.core.call('incoming.register', doc({ notation: '9/CV-CA', secrecy: 'mat' })));
    expect(open.registerName).toBe('Sổ văn bản đến');
    expect(secret.registerName).toBe('Sổ văn bản đến mật');
    expect(secret.arrivalNumber).toBe(1);
    const e = err(await t.core.call('incoming.register', doc({ notation: '10/CV-CA', secrecy: 'toi_mat', registerId: open.registerId })));
    expect(e.fields[0]?.path).toBe('registerId');
  });

  it('answers a registration with the document exactly as it is read back, and indexes it for search', async () => {
    const lead = ok(await t.core.call('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal', order: 3 }));
    const a = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal', order: 2 }));
    const b = ok(await t.core.call('units.create', { name: 'Thanh tra Sở', abbreviation: 'TTr', kind: 'internal', order: 1 }));
    ok(await t.core.call('units.create', { name: 'UBND tỉnh Lạng Sơn', abbreviation: 'UBND', kind: 'external' }));
    const inputs = [
      doc(),
      doc({ notation: '8/KH-UBND', leadUnitId: lead.id, coordinatingUnitIds: [a.id, b.id], deadline: '2025-03-20', instruction: 'Giao QLĐĐ chủ trì', urgency: 'khan', pages: 4, note: 'Bản gốc' }),
      doc({ notation: '9/CV-CA', secrecy: 'mat', signerName: 'Nguyễn Văn A', receivedVia: 'post' }),
    ];
    for (const input of inputs) {
      const registered = ok(await t.core.call('incoming.register', input));
      expect(registered).toEqual(ok(await t.core.call('incoming.get', { id: registered.id })));
      const found = ok(await t.core.call('incoming.list', { from: '2025-01-01', to: '2025-12-31', q: registered.notation ?? '' }));
      expect(found.items.map((i) => i.id)).toContain(registered.id);
    }
  });

  it('assigns, computes status and overdue from dates and today, completes', async () => {
    const units = ok(await t.core.call('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' }));
    const vp = ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
    const d = ok(await t.core.call('incoming.register', doc()));
    expect(d.status).toBe('unassigned');
    const late = ok(await t.core.call('incoming.assign', { id: d.id, leadUnitId: units.id, coordinatingUnitIds: [vp.id], deadline: '2025-06-01', instruction: 'Giao QLĐĐ chủ trì tham mưu' }));
    expect(late).toMatchObject({ status: 'overdue', overdue: true, leadUnit: { name: 'Phòng Quản lý đất đai' }, coordinatingUnits: [{ name: 'Văn phòng Sở' }] });
    const other = ok(await t.core.call('incoming.register', doc({ notation: '7/KH-UBND' })));
    const onTime = ok(await t.core.call('incoming.assign', { id: other.id, leadUnitId: units.id, deadline: '2025-06-30' }));
    expect(onTime.status).toBe('in_progress');
    expect(ok(await t.core.call('incoming.complete', { id: d.id, completedAt: '2025-06-05' })).status).toBe('done_late');
    expect(ok(await t.core.call('incoming.complete', { id: other.id, completedAt: '2025-06-09' })).status).toBe('done_on_time');
    expect(err(await t.core.call('incoming.assign', { id: d.id, leadUnitId: units.id, coordinatingUnitIds: [units.id] })).fields[0]?.path).toBe('coordinatingUnitIds');
    const overdueList = ok(await t.core.call('incoming.list', { from: '2025-01-01', to: '2025-12-31', status: 'done_late' }));
    expect(overdueList.items.map((i) => i.id)).toEqual([d.id]);
    const byUnit = ok(await t.core.call('incoming.list', { from: '2025-01-01', to: '2025-12-31', unitId: vp.id }));
    expect(byUnit.items.map((i) => i.id)).toEqual([d.id]);
  });

  it('suggests senders from external units and history', async () => {
    ok(await t.core.call('units.create', { name: 'Sở Tài chính', kind: 'external' }));
    ok(await t.core.call('incoming.register', doc({ senderName: 'Sở Tài nguyên và Môi trường tỉnh Cao Bằng' })));
    const r = ok(await t.core.call('incoming.senders', { q: 'so tai' }));
    expect(r.items.map((i) => i.name).sort()).toEqual(['Sở Tài chính', 'Sở Tài nguyên và Môi trường tỉnh Cao Bằng']);
  });
});
