import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 007 outbox', () => {
  it('keeps one row per message id and only the known statuses', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 7 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    const add = db.prepare("insert into outbox (message_id, to_json, subject, body, attachments_json, status, next_attempt_at, created_at, updated_at) values (?, '[]', 'Báo cáo', 'x', '[]', ?, 'x', 'x', 'x')");
    add.run('<a@x>', 'pending');
    expect(() => add.run('<a@x>', 'pending')).toThrow(/UNIQUE/);
    expect(() => add.run('<b@x>', 'lost')).toThrow(/CHECK/);
    db.close();
  });
});
