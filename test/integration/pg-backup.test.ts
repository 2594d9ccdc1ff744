/**
 * pg_dump backups of a PostgreSQL target (db/pg-backup.ts), on the run's
 * cluster: verified by restoring into a scratch database, rotated, refused
 * (and deleted) when the verify fails, and restored with an undo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import type { PostgresTarget } from '../../db/engine';
import { inspectPgBackup, listPgBackups, makePgBackup, pgBackupOwner, restorePgBackup, type PgBackupOptions } from '../../db/pg-backup';
import { withClient } from '../../db/pg-tools';
import { LATEST_VERSION } from '../../db/migrations/index';
import { ok, tempDir } from '../support/core';
import { freshDatabase } from '../support/postgres';
import { seedOffice } from '../support/seed';

const keep = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 };
const open: Core[] = [];
afterEach(async () => {
  delete process.env.VANTHU_PG_CLIENT_BIN;
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
});

async function office(): Promise<{ core: Core; target: PostgresTarget; dir: string; opts: (at: string, reason?: string) => Promise<PgBackupOptions> }> {
  const target = await freshDatabase();
  const dir = tempDir();
  const core = await createCore({ database: target, dataDir: dir });
  open.push(core);
  await seedOffice(core);
  const backups = path.join(dir, 'backups');
  return { core, target, dir, opts: async (at, reason = 'thu-cong') => ({ dir: backups, owner: await pgBackupOwner(target), at, reason, keep }) };
}

const incomingCount = async (core: Core) => ok(await core.call('incoming.list', {})).total;

/** A bin folder with the real pg_dump and a pg_restore that does nothing and says it went well. */
function silentRestore(): string {
  const bin = tempDir('vanthu-pgbin-');
  fs.symlinkSync('/usr/bin/pg_dump', path.join(bin, 'pg_dump'));
  fs.writeFileSync(path.join(bin, 'pg_restore'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return bin;
}

describe('PostgreSQL backups', () => {
  it('writes a verified custom-format dump named like the SQLite backups, with the counts of its snapshot', async () => {
    const { target, opts } = await office();
    const made = await makePgBackup(target, await opts('2026-11-20T08:00:00.000Z'));
    const owner = await pgBackupOwner(target);
    expect(made.id).toBe(`${owner.stem}_20261120-080000_thu-cong_${owner.id}.dump`);
    expect(fs.readFileSync(made.file).subarray(0, 5).toString()).toBe('PGDMP');
    expect(made.counts.incoming).toBe(1);
    expect(made.counts.units).toBe(3);
    // The scratch database is gone again.
    const left = await withClient(target, null, async (c) => (await c.query("select count(*) as n from pg_database where datname like '%kiem_tra%'")).rows[0]);
    expect(Number(left?.n)).toBe(0);
  });

  it('rotates older dumps out with the SQLite policy, only after the new one is verified', async () => {
    const { target, opts } = await office();
    const one = { ...(await opts('2026-11-01T08:00:00.000Z')), keep: { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 } };
    await makePgBackup(target, one);
    await makePgBackup(target, { ...one, at: '2026-11-02T08:00:00.000Z' });
    expect(listPgBackups(one.dir, one.owner).map((b) => b.createdAt)).toEqual(['2026-11-02T08:00:00Z']);
  });

  it('deletes a dump whose restored counts differ and keeps the older backups', async () => {
    const { target, opts } = await office();
    const o = await opts('2026-11-01T08:00:00.000Z');
    await makePgBackup(target, { ...o, keep: { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 } });
    process.env.VANTHU_PG_CLIENT_BIN = silentRestore();
    const e = await makePgBackup(target, { ...o, at: '2026-11-02T08:00:00.000Z', keep: { keepDaily: 1, keepWeekly: 0, keepMonthly: 0 } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'IO' });
    expect((e as Error).message).toMatch(/số dòng khác khi đọc lại \(.*incoming: 1 ≠ không có/);
    expect((e as Error).message).toContain('các bản sao lưu cũ được giữ nguyên');
    expect(fs.readdirSync(o.dir)).toEqual([listPgBackups(o.dir, o.owner)[0]!.id]);
    expect(listPgBackups(o.dir, o.owner).map((b) => b.createdAt)).toEqual(['2026-11-01T08:00:00Z']);
  });

  it('names apt-get install postgresql-client when pg_dump is missing', async () => {
    const { target, opts } = await office();
    process.env.VANTHU_PG_CLIENT_BIN = tempDir('vanthu-nobin-');
    const e = await makePgBackup(target, await opts('2026-11-01T08:00:00.000Z')).catch((x: unknown) => x);
    expect((e as Error).message).toContain('apt-get install postgresql-client');
    expect(fs.readdirSync((await opts('')).dir)).toEqual([]);
  });

  it('restores a dump over the target after an undo dump, and the undo brings the later data back', async () => {
    const { core, target, dir, opts } = await office();
    const backup = await makePgBackup(target, await opts('2026-11-20T08:00:00.000Z'));
    expect(await inspectPgBackup(target, backup.file)).toMatchObject({ counts: { incoming: 1, units: 3 }, dataVersion: LATEST_VERSION });
    ok(await core.call('incoming.register', { arrivalDate: '2026-11-21', senderName: 'Bộ Nội vụ', notation: '9/BNV-VP', documentDate: '2026-11-19', subject: 'Sau sao lưu' }));
    expect(await incomingCount(core)).toBe(2);
    const restored = await restorePgBackup(target, backup.file, { ...(await opts('2026-11-21T09:00:00.000Z')), release: () => core.close() });
    open.splice(open.indexOf(core), 1);
    expect(restored.counts.incoming).toBe(1);
    expect(restored.undo.reason).toBe('truoc-khoi-phuc');
    expect(restored.undo.counts.incoming).toBe(2);
    let again = await createCore({ database: target, dataDir: dir });
    expect(await incomingCount(again)).toBe(1);
    await restorePgBackup(target, restored.undo.file, { ...(await opts('2026-11-21T09:05:00.000Z')), release: () => again.close() });
    again = await createCore({ database: target, dataDir: dir });
    open.push(again);
    expect(await incomingCount(again)).toBe(2);
  });

  it('leaves the data as it was when the dump cannot be restored or someone else is connected', async () => {
    const { core, target, dir, opts } = await office();
    const bad = path.join(dir, 'hong.dump');
    fs.writeFileSync(bad, 'PGDMP không phải bản sao lưu');
    const release = () => Promise.resolve();
    const e1 = await restorePgBackup(target, bad, { ...(await opts('2026-11-21T09:00:00.000Z')), release }).catch((x: unknown) => x);
    expect((e1 as Error).message).toMatch(/Không khôi phục được từ hong\.dump: .*Dữ liệu hiện tại giữ nguyên/);
    const good = await makePgBackup(target, await opts('2026-11-21T09:01:00.000Z'));
    // Another program stays connected (an idle pool may have none open): PostgreSQL refuses the rename.
    const o2 = await opts('2026-11-21T09:02:00.000Z');
    const e2 = await withClient(target, null, () => restorePgBackup(target, good.file, { ...o2, release }).catch((x: unknown) => x));
    expect(e2).toMatchObject({ code: 'DB_IN_USE' });
    expect(await incomingCount(core)).toBe(1);
    const scratch = await withClient(target, null, async (c) => (await c.query("select count(*) as n from pg_database where datname like '%khoi_phuc%' or datname like '%\\_cu\\_%'")).rows[0]);
    expect(Number(scratch?.n)).toBe(0);
  });
});
