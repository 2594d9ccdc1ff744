import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 001 init', () => {
  it('creates agency, units and audit_log with their rules; a version-1 database with its units opens in the app', async () => {
    const file = await olderDatabase(0);
    const db = await migrateTo(file, 1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("select name from sqlite_schema where type='table' order by name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['agency', 'audit_log', 'units']));
    const unitCols = (db.prepare('pragma table_info(units)').all() as { name: string }[]).map((c) => c.name);
    expect(unitCols).toEqual(['id', 'name', 'name_fold', 'abbreviation', 'kind', 'parent_id', 'email', 'sort_order', 'created_at', 'updated_at', 'archived_at']);
    checkThenRollBack(db, () => {
      const now = '2026-01-01T00:00:00Z';
      const ins = db.prepare('insert into units (name, name_fold, abbreviation, kind, created_at, updated_at, archived_at) values (?, ?, ?, ?, ?, ?, ?)');
      ins.run('Văn phòng', 'van phong', 'VP', 'internal', now, now, null);
      // One active internal unit per abbreviation ...
      expect(() => ins.run('Văn phòng 2', 'van phong 2', 'VP', 'internal', now, now, null)).toThrow(/UNIQUE/);
      // ... but an archived one, or an external one, may share it.
      ins.run('Văn phòng cũ', 'van phong cu', 'VP', 'internal', now, now, now);
      ins.run('UBND', 'ubnd', 'VP', 'external', now, now, null);
      expect(() => ins.run('X', 'x', 'X', 'other', now, now, null)).toThrow(/CHECK/);
      expect(() => db.prepare('insert into agency (id, name, abbreviation, place, updated_at) values (2, ?, ?, ?, ?)').run('a', 'A', 'p', now)).toThrow(/CHECK/);
    });

    const v1 = await olderDatabase(1, (raw) => {
      rows.agency(raw);
      rows.unit(raw, 'Văn phòng Sở', 'VP');
    });
    const core = await openInApp(v1);
    expect(ok(await core.call('agency.get', {}))).toMatchObject({ configured: true, abbreviation: 'STNMT' });
    expect(ok(await core.call('units.list', {})).items.map((u) => u.name)).toEqual(['Văn phòng Sở']);
    await core.close();
  });
});
