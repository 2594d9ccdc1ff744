import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 008 outbox unknown', () => {
  it('adds the status "unknown", keeps every message, and turns a message parked after an interrupted send into an unknown one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 7 })).close();
    const v7 = new Database(file);
    const add = (db: Database.Database, id: string, status: string, next = '2026-11-25T02:00:00.000Z') =>
      db.prepare("insert into outbox (message_id, to_json, subject, body, attachments_json, status, next_attempt_at, last_error, created_at, updated_at) values (?, '[\"a@b.vn\"]', 'Báo cáo', 'x', '[]', ?, ?, 'lý do', 'x', 'x')").run(id, status, next);
    expect(() => add(v7, '<u@x>', 'unknown')).toThrow(/CHECK/);
    add(v7, '<p@x>', 'pending');
    add(v7, '<e@x>', 'error');
    add(v7, '<i@x>', 'error', '9999-12-31');
    add(v7, '<s@x>', 'sent');
    v7.close();

    await (await openDatabase(file, { backupDir: dir, targetVersion: 8 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    const rows = db.prepare('select id, message_id, status, last_error from outbox order by id').all();
    expect(rows).toEqual([
      { id: 1, message_id: '<p@x>', status: 'pending', last_error: 'lý do' },
      { id: 2, message_id: '<e@x>', status: 'error', last_error: 'lý do' },
      { id: 3, message_id: '<i@x>', status: 'unknown', last_error: 'lý do' },
      { id: 4, message_id: '<s@x>', status: 'sent', last_error: 'lý do' },
    ]);
    add(db, '<u@x>', 'unknown');
    expect(() => add(db, '<u@x>', 'pending')).toThrow(/UNIQUE/);
    expect(() => add(db, '<l@x>', 'lost')).toThrow(/CHECK/);
    expect(db.prepare("select name from sqlite_schema where tbl_name = 'outbox' and type = 'index' and name = 'outbox_due'").get()).toEqual({ name: 'outbox_due' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
