import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 003 search', () => {
  it('creates an FTS5 index whose tokens split notations at / and -', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 3 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.prepare('insert into doc_search (rowid, notation, subject, sender, extra) values (2, ?, ?, ?, ?)').run('448/bc-stnmt', 'bao cao dat dai', 'so tai nguyen', '');
    const match = (q: string) => db.prepare('select rowid from doc_search where doc_search match ?').all(q);
    expect(match('"bc stnmt"')).toEqual([{ rowid: 2 }]);
    expect(match('"448 bc"')).toEqual([{ rowid: 2 }]);
    expect(match('"dat dai"')).toEqual([{ rowid: 2 }]);
    expect(match('"stnmt bc"')).toEqual([]);
    db.close();
  });
});
