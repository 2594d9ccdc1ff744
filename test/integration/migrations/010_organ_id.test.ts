import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 010 organ id', () => {
  it("adds the OrganId to the agency and to units; a version-8 database keeps its agency and external agencies, without OrganIds until set", async () => {
    let external = 0;
    const file = await olderDatabase(8, (raw) => {
      rows.agency(raw);
      external = rows.unit(raw, 'Sở Nội vụ tỉnh Lạng Sơn', null, 'external');
    });
    const db = await migrateTo(file, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(db.prepare('select name, organ_id from agency').get()).toEqual({ name: 'Sở Tài nguyên và Môi trường', organ_id: null });
    expect(db.prepare('select name, organ_id from units where id = ?').get(external)).toEqual({ name: 'Sở Nội vụ tỉnh Lạng Sơn', organ_id: null });
    expect(db.prepare("select name from sqlite_schema where type = 'index' and name = 'units_organ_id'").get()).toEqual({ name: 'units_organ_id' });
    db.close();

    const core = await openInApp(file);
    const agency = ok(await core.call('agency.get', {}));
    expect(agency).toMatchObject({ configured: true, name: 'Sở Tài nguyên và Môi trường', organId: '' });
    ok(await core.call('agency.update', { name: agency.name, abbreviation: agency.abbreviation, place: agency.place, organId: '000.00.20.H36' }));
    expect(ok(await core.call('agency.get', {})).organId).toBe('000.00.20.H36');
    expect(ok(await core.call('units.list', { kind: 'external' })).items.map((u) => u.name)).toEqual(['Sở Nội vụ tỉnh Lạng Sơn']);
    await core.close();
  });
});
