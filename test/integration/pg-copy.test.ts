/**
 * npm run db:copy between a SQLite file and a PostgreSQL database, both
 * directions, on a seeded office: every table's count and checksum compared,
 * the search index and the identity sequences usable on the copy, and a
 * target that holds data refused untouched.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { compareDatabases, copyDatabase } from '../../db/copy';
import type { DatabaseTarget } from '../../db/engine';
import { ok, tempDir } from '../support/core';
import { emptyDatabase } from '../support/postgres';
import { seedOffice } from '../support/seed';

const SLOW = 180_000;

async function using<T>(target: DatabaseTarget, dir: string, run: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore(target.engine === 'sqlite' ? { dbPath: target.file } : { database: target, dataDir: dir });
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

const later = { arrivalDate: '2026-11-25', senderName: 'Bộ Tài nguyên và Môi trường', notation: '77/BTNMT-VP', documentDate: '2026-11-24', subject: 'Về việc chép dữ liệu sang máy chủ mới' };

function dbCopy(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run db:copy', () => {
  it('copies a SQLite office to PostgreSQL and back, every table the same, search and numbering going on', async () => {
    const dir = tempDir();
    const sqliteFile: DatabaseTarget = { engine: 'sqlite', file: path.join(dir, 'van-thu.sqlite') };
    await using(sqliteFile, dir, seedOffice);
    const pg: DatabaseTarget = { engine: 'postgres', url: await emptyDatabase('copy'), poolSize: 3 };

    const there = dbCopy(['--from', sqliteFile.file, '--to', pg.url]);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toMatch(/^khớp {2}incoming: 1 → 1 dòng, [0-9a-f]{16} → [0-9a-f]{16}$/m);
    expect(there.stdout).toMatch(/^khớp {2}chỉ mục tìm kiếm: 3 → 3 văn bản$/m);
    expect(there.stdout).not.toMatch(/KHÁC/);

    await using(pg, dir, async (core) => {
      expect(ok(await core.call('search.global', { q: 'quan ly dat dai' })).total).toBe(1);
      // The identity sequence continues after the copied ids, and numbering after the copied numbers.
      const doc = ok(await core.call('incoming.register', later)) as { id: number; arrivalNumber: number };
      expect(doc.id).toBeGreaterThan(1);
      expect(doc.arrivalNumber).toBe(2);
      expect(ok(await core.call('tasks.create', { content: 'Việc sau khi chép', leadUnitId: 1 })).id).toBeGreaterThan(1);
    });

    const back: DatabaseTarget = { engine: 'sqlite', file: path.join(dir, 'tro-lai.sqlite') };
    const r = await copyDatabase(pg, back, { backupDir: dir });
    expect(r.tables.filter((t) => !t.same)).toEqual([]);
    expect(r.tables.find((t) => t.table === 'incoming')?.to.rows).toBe(2);
    expect(r.same).toBe(true);
    await using(back, dir, async (core) => {
      expect(ok(await core.call('search.global', { q: 'chep du lieu' })).total).toBe(1);
      expect(ok(await core.call('incoming.list', {})).total).toBe(2);
    });
    // The checksums see one changed character.
    const raw = new Database(back.file);
    raw.prepare("update incoming set subject = subject || '.' where id = 1").run();
    raw.close();
    const after = await compareDatabases(pg, back, { backupDir: dir });
    expect(after.filter((t) => !t.same).map((t) => t.table)).toEqual(['incoming']);
  }, SLOW);

  it('refuses a target that holds data, and leaves it as it was', async () => {
    const dir = tempDir();
    const source: DatabaseTarget = { engine: 'sqlite', file: path.join(dir, 'nguon.sqlite') };
    await using(source, dir, seedOffice);
    const pg: DatabaseTarget = { engine: 'postgres', url: await emptyDatabase('full'), poolSize: 3 };
    await using(pg, dir, async (core) => (ok(await core.call('incoming.register', later)) as { id: number }).id);

    const e = await copyDatabase(source, pg, { backupDir: dir }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'CONFLICT' });
    expect((e as Error).message).toMatch(/đã có dữ liệu: .*incoming \(1 dòng\).*Không chép đè/);
    const cli = dbCopy(['--from', source.file, '--to', pg.url]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('đã có dữ liệu');
    await using(pg, dir, async (core) => {
      const list = ok(await core.call('incoming.list', {}));
      expect(list.items.map((d) => d.notation)).toEqual(['77/BTNMT-VP']);
    });
    // Nor a SQLite file with data.
    const file: DatabaseTarget = { engine: 'sqlite', file: path.join(dir, 'co-du-lieu.sqlite') };
    await using(file, dir, async (core) => (ok(await core.call('incoming.register', later)) as { id: number }).id);
    expect(await copyDatabase(pg, file, { backupDir: dir }).catch((x: unknown) => x)).toMatchObject({ code: 'CONFLICT' });
  }, SLOW);
});
