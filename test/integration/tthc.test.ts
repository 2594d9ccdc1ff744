import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { withDb } from '../support/db';

const clock = () => new Date('2026-11-25T09:00:00+07:00');
let t: TestCore;
let procedureId: number;
let unitId: number;

beforeEach(async () => {
  t = await makeCore({ clock });
  ok(await t.core.call('agency.update', standardAgency));
  unitId = ok(await t.core.call('units.create', { name: 'Chi cục Bảo vệ môi trường', abbreviation: 'CCBVMT', kind: 'internal' })).id;
  procedureId = ok(await t.core.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15, fee: '2.000.000 đồng' })).id;
});
afterEach(async () => t.close());

const dossier = (receivedAt: string, extra: Partial<Input<'tthc.register'>> = {}): Input<'tthc.register'> => ({
  procedureId,
  applicantName: 'Công ty TNHH Khoáng sản Đồng Đăng',
  applicantKind: 'organisation',
  receivedAt,
  channel: 'direct',
  handlingUnitId: unitId,
  ...extra,
});

describe('TTHC dossiers', () => {
  it('registers a dossier with a code and a due date in working days across Tết', async () => {
    const d = ok(await t.core.call('tthc.register', dossier('2026-02-10')));
    expect(d.code).toBe('STNMT-260210-0001');
    expect(d.dueDate).toBe('2026-03-10');
    expect(d.status).toBe('in_progress_late');
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).code).toBe('STNMT-260210-0002');
    expect(err(await t.core.call('tthc.register', dossier('2026-02-11', { code: 'STNMT-260210-0001' }))).code).toBe('CONFLICT');
  });

  it("numbers each day's codes after the highest of that day, hand-given codes included, and other days' codes apart", async () => {
    ok(await t.core.call('tthc.register', dossier('2026-02-11', { code: 'STNMT-260210-0041' })));
    ok(await t.core.call('tthc.register', dossier('2026-02-11', { code: 'STNMT-260211-0099' })));
    ok(await t.core.call('tthc.register', dossier('2026-02-11', { code: 'STNMT-26021-0500' })));
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).code).toBe('STNMT-260210-0042');
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-11'))).code).toBe('STNMT-260211-0100');
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-12'))).code).toBe('STNMT-260212-0001');
  });

  it('counts due dates on the calendar as it is after the office changes a day', async () => {
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).dueDate).toBe('2026-03-10');
    ok(await t.core.call('calendar.setDay', { date: '2026-03-02', kind: 'off', note: 'Nghỉ theo quyết định' }));
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).dueDate).toBe('2026-03-11');
    ok(await t.core.call('calendar.setDay', { date: '2026-03-02', kind: 'normal' }));
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).dueDate).toBe('2026-03-10');
  });

  it("sees a day another server set in the shared database (the cached calendar's version), without a restart", async () => {
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).dueDate).toBe('2026-03-10');
    await withDb(t, (db) => db.run("insert into calendar_days (date, kind, note, updated_at) values ('2026-03-02', 'off', null, '2026-11-25T02:00:00.000Z')"), { write: true });
    expect(ok(await t.core.call('tthc.register', dossier('2026-02-10'))).dueDate).toBe('2026-03-11');
  });

  it('rejects bad input naming the field and writes nothing', async () => {
    const e = err(await t.core.call('tthc.register', dossier('2026-13-01', { applicantName: ' ', channel: 'fax' as 'post' })));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields.map((f) => f.path).sort()).toEqual(['applicantName', 'channel', 'receivedAt']);
    expect(e.fields.find((f) => f.path === 'applicantName')!.message).toBe('Tổ chức, cá nhân nộp hồ sơ không được để trống.');
    expect(err(await t.core.call('tthc.register', dossier('2026-11-02', { procedureId: 99 }))).fields[0]!.path).toBe('procedureId');
    expect(ok(await t.core.call('tthc.list', {})).total).toBe(0);
  });

  it('completes, withdraws and postpones with checks on the dates', async () => {
    const d = ok(await t.core.call('tthc.register', dossier('2026-11-02')));
    expect(d.dueDate).toBe('2026-11-23');
    expect(err(await t.core.call('tthc.complete', { id: d.id, resultDate: '2026-11-01' })).fields[0]!.path).toBe('resultDate');
    expect(err(await t.core.call('tthc.postpone', { id: d.id, newDueDate: '2026-11-20', reason: 'Chờ ý kiến' })).fields[0]!.path).toBe('newDueDate');
    const p = ok(await t.core.call('tthc.postpone', { id: d.id, newDueDate: '2026-12-04', reason: 'Chờ ý kiến thẩm định của Sở Xây dựng' }));
    expect(p).toEqual(expect.objectContaining({ newDueDate: '2026-12-04', status: 'in_progress_late' }));
    const done = ok(await t.core.call('tthc.complete', { id: d.id, resultDate: '2026-11-24' }));
    expect(done.status).toBe('solved_late');
    expect(err(await t.core.call('tthc.withdraw', { id: d.id, date: '2026-11-25' })).code).toBe('CONFLICT');
  });

  it('gives the period figures of a fixture, and they add up', async () => {
    const reg = async (receivedAt: string, extra: Partial<Input<'tthc.register'>> = {}) => ok(await t.core.call('tthc.register', dossier(receivedAt, extra))).id;
    const finish = async (id: number, resultDate: string) => ok(await t.core.call('tthc.complete', { id, resultDate }));
    await finish(await reg('2026-09-20'), '2026-09-30'); // finished before October: not counted
    await finish(await reg('2026-09-25'), '2026-10-10'); // carried over, on time (due 16/10)
    await finish(await reg('2026-09-01'), '2026-10-05'); // carried over, late (due 23/9)
    await reg('2026-10-05'); // due 26/10: in progress, late at 31/10
    await reg('2026-10-20', { channel: 'online4' }); // due 10/11: in progress, on time
    ok(await t.core.call('tthc.withdraw', { id: await reg('2026-10-12', { channel: 'online3' }), date: '2026-10-15', reason: 'Tổ chức xin rút' }));
    await reg('2026-11-02'); // after October
    await finish(await reg('2026-10-06'), '2026-11-03'); // due 27/10, still open at 31/10
    const oct = ok(await t.core.call('tthc.stats', { from: '2026-10-01', to: '2026-10-31' }));
    expect(oct).toEqual({ from: '2026-10-01', to: '2026-10-31', received: 4, carriedOver: 2, solvedOnTime: 1, solvedLate: 1, inProgressOnTime: 1, inProgressLate: 2, withdrawn: 1, online: 2 });
    const nov = ok(await t.core.call('tthc.stats', { from: '2026-11-01', to: '2026-11-30' }));
    expect(nov).toEqual({ from: '2026-11-01', to: '2026-11-30', received: 1, carriedOver: 3, solvedOnTime: 0, solvedLate: 1, inProgressOnTime: 0, inProgressLate: 3, withdrawn: 0, online: 0 });
    for (const s of [oct, nov]) expect(s.received + s.carriedOver).toBe(s.solvedOnTime + s.solvedLate + s.inProgressOnTime + s.inProgressLate + s.withdrawn);
    expect(ok(await t.core.call('tthc.list', { status: 'in_progress_late' })).total).toBe(3);
    expect(ok(await t.core.call('tthc.list', { q: 'dong dang', from: '2026-10-01', to: '2026-10-31' })).total).toBe(4);
    expect(err(await t.core.call('tthc.stats', { from: '2026-11-01', to: '2026-10-31' })).fields[0]!.path).toBe('to');
  });
});
