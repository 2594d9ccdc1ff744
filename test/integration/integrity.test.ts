import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { ok, standardAgency, tempDir } from '../support/core';

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

async function database(): Promise<string> {
  const dbPath = path.join(tempDir(), 'van-thu.sqlite');
  const core = await createCore({ dbPath });
  ok(await core.call('agency.update', standardAgency));
  for (let i = 0; i < 200; i++) ok(await core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', notation: `${i + 1}/UBND`, documentDate: '2026-11-18', subject: `Văn bản số ${i + 1} về việc quản lý đất đai và môi trường trên địa bàn tỉnh Lạng Sơn` }));
  await core.close();
  return dbPath;
}

describe('a large database checked in the background', () => {
  // checkAtStartBytes: 0 treats every database as large.
  it('opens at once and reports a good check', async () => {
    const dbPath = await database();
    const core = await createCore({ dbPath, sqliteModule, checkAtStartBytes: 0 });
    expect(await core.integrity).toEqual({ ok: true, message: 'ok' });
    await core.close();
  });

  it('opens a damaged one without refusing, and announces the problem', async () => {
    const dbPath = await database();
    const b = fs.readFileSync(dbPath);
    // Damage a page of the documents' table, past the schema the app reads at start.
    for (let i = b.length - 20_000; i < b.length - 12_000; i++) b[i] = (i * 31) & 0xff;
    fs.writeFileSync(dbPath, b);
    const core = await createCore({ dbPath, sqliteModule, checkAtStartBytes: 0 });
    const r = await core.integrity;
    expect(r?.ok).toBe(false);
    await core.close();
  });
});
