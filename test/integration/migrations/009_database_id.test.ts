import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readDatabaseId } from '../../../db/backup-file';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

const idOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return readDatabaseId(db);
  } finally {
    db.close();
  }
};

describe('migration 009 database id', () => {
  it('gives each database its own id, kept across later opens', async () => {
    const dir = tempDir();
    const [a, b] = [path.join(dir, 'a.sqlite'), path.join(dir, 'b.sqlite')];
    await (await openDatabase(a, { backupDir: dir, targetVersion: 7 })).close();
    expect(idOf(a)).toBeNull();
    await (await openDatabase(a, { backupDir: dir, targetVersion: 9 })).close();
    await (await openDatabase(b, { backupDir: dir, targetVersion: 9 })).close();
    const id = idOf(a);
    expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(idOf(b)).toMatch(/^[0-9a-f]{8}$/);
    expect(idOf(b)).not.toBe(id);
    await (await openDatabase(a, { backupDir: dir })).close();
    expect(idOf(a)).toBe(id);
  });
});
