import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrations/index';
import { createCore } from '../../electron/core/index';
import { AppError } from '../../shared/api/errors';
import { makeCore, ok, standardAgency, tempDir } from '../support/core';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('database', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'a.sqlite'), { backupDir: dir });
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(opened.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    await opened.close();
  });

  it('refuses a database from a newer version and leaves it byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'new.sqlite');
    const raw = new Database(file);
    raw.exec('create table x (a); insert into x values (1);');
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = sha(file);
    const filesBefore = fs.readdirSync(dir).sort();

    const attempt = createCore({ dbPath: file });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
    await expect(attempt).rejects.toThrow(/phiên bản Văn thư mới hơn/);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(filesBefore);
  });

  it('refuses a file that is not a database with a clear message', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(file, 'đây không phải cơ sở dữ liệu'.repeat(100));
    await expect(createCore({ dbPath: file })).rejects.toThrow(/Không đọc được tệp cơ sở dữ liệu/);
  });

  it('keeps data across a restart', async () => {
    const t = await makeCore();
    ok(await t.core.call('agency.update', standardAgency));
    const u = ok(await t.core.call('units.create', { name: 'Thanh tra Sở', abbreviation: 'TTr', kind: 'internal' })) as { id: number };
    await t.close();
    const again = await createCore({ dbPath: t.dbPath });
    expect(ok(await again.call('agency.get', {}))).toMatchObject({ configured: true, abbreviation: 'STNMT' });
    const list = ok(await again.call('units.list', {})) as { items: { id: number; name: string }[] };
    expect(list.items.map((i) => [i.id, i.name])).toEqual([[u.id, 'Thanh tra Sở']]);
    expect(again.migrationBackup).toBeNull();
    await again.close();
  });

  it('takes no backup when creating a new database', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'fresh.sqlite'), { backupDir: path.join(dir, 'backups') });
    expect(opened.migrationBackup).toBeNull();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    await opened.close();
  });
});
