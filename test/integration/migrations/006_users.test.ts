import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 006 users', () => {
  it('keeps usernames unique without regard to case and roles to the four known', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 6 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const add = db.prepare("insert into users (username, full_name, password_hash, role, created_at, updated_at) values (?, 'X', 'scrypt$…', ?, 'x', 'x')");
    add.run('vanthu', 'clerk');
    expect(() => add.run('VanThu', 'clerk')).toThrow(/UNIQUE/);
    expect(() => add.run('khac', 'root')).toThrow(/CHECK/);
    expect(() => db.prepare("insert into sessions (token_hash, user_id, created_at, last_seen_at) values ('h', 99, 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
