import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 004 tasks', () => {
  it('creates tasks with one occurrence per period and refuses a second occurrence of the same period', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 4 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    db.prepare("insert into tasks (content, content_fold, created_at, updated_at) values ('Báo cáo', 'bao cao', 'x', 'x')").run();
    const occ = db.prepare("insert into task_occurrences (task_id, period_key, due_date, created_at) values (1, ?, ?, 'x')");
    occ.run('2026', '2026-12-31');
    expect(() => occ.run('2026', '2026-12-30')).toThrow(/UNIQUE/);
    expect(() => db.prepare("update tasks set state = 'done' where id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("insert into task_progress (occurrence_id, report_date, result, created_at) values (99, '2026-01-01', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
