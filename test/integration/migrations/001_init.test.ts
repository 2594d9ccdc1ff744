import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 001 init', () => {
  it('creates agency, units and audit_log with their rules, and sets user_version 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const opened = await openDatabase(file, { backupDir: dir, targetVersion: 1 });
    await opened.close();

    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = (db.prepare("select name from sqlite_schema where type='table' order by name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['agency', 'audit_log', 'units']));
    const unitCols = (db.prepare('pragma table_info(units)').all() as { name: string }[]).map((c) => c.name);
    expect(unitCols).toEqual(['id', 'name', 'name_fold', 'abbreviation', 'kind', 'parent_id', 'email', 'sort_order', 'created_at', 'updated_at', 'archived_at']);

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
    db.close();
  });
});
