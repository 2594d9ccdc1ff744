import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { restoreDatabaseFile } from '../../electron/core/backup/recovery';
import { AppError } from '../../shared/api/errors';
import { ok, standardAgency, tempDir } from '../support/core';

/** A database with some documents and one backup, closed. */
async function databaseWithBackup() {
  const dir = tempDir();
  const dbPath = path.join(dir, 'van-thu.sqlite');
  const core = await createCore({ dbPath });
  ok(await core.call('agency.update', standardAgency));
  for (let i = 0; i < 300; i++) {
    ok(await core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: `${i + 1}/UBND-KT`, documentDate: '2026-11-18', subject: `Văn bản số ${i + 1} về việc quản lý đất đai trên địa bàn tỉnh` }));
  }
  const backup = path.join(dir, 'backups', ok(await core.call('backup.create', {})).id);
  await core.close();
  return { dir, dbPath, backup };
}

async function openFails(dbPath: string): Promise<AppError> {
  try {
    const core = await createCore({ dbPath });
    await core.close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the damaged database was opened');
}

describe('a damaged database at start', () => {
  it.each([
    ['bytes overwritten in the middle', (f: string) => {
      const b = fs.readFileSync(f);
      for (let i = 8192; i < 16384; i++) b[i] = (i * 7919) & 0xff;
      fs.writeFileSync(f, b);
    }],
    ['a truncated file', (f: string) => fs.truncateSync(f, 3000)],
  ])('is detected (%s), moved aside and the newest good backup offered, which then opens', async (_what, damage) => {
    const { dir, dbPath, backup } = await databaseWithBackup();
    damage(dbPath);
    const e = await openFails(dbPath);
    expect(e.code).toBe('DB_DAMAGED');
    expect(e.details).toEqual({ movedTo: expect.stringContaining('van-thu.sqlite.hong-'), backup });
    expect(e.message).toContain('không bị xóa');
    expect(fs.existsSync(dbPath)).toBe(false);
    expect(fs.existsSync(String(e.details?.movedTo))).toBe(true);

    restoreDatabaseFile(dbPath, backup);
    const core = await createCore({ dbPath, dataDir: dir });
    expect(ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' })).total).toBe(300);
    await core.close();
    expect(() => restoreDatabaseFile(dbPath, backup)).toThrow(/không ghi đè/);
  });

  it.each(['\\\\may-chu\\chia-se\\van-thu.sqlite', '//may-chu/chia-se/van-thu.sqlite'])('refuses a database on a network share (%s)', async (file) => {
    const e = await openFails(file);
    expect(e.code).toBe('IO');
    expect(e.message).toContain('ổ mạng');
  });
});
