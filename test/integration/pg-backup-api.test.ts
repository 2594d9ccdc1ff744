/**
 * backup.* on PostgreSQL, through core.call: pg_dump backups made, listed,
 * inspected and restored with their undo, the backup folders' files copied,
 * and one daily backup a day between two app servers on one database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { err, ok, tempDir, upload } from '../support/core';
import { withClient } from '../../db/pg-tools';
import { freshDatabase } from '../support/postgres';
import { seedOffice } from '../support/seed';

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close().catch(() => undefined);
});

async function started(...args: Parameters<typeof createCore>): Promise<Core> {
  const core = await createCore(...args);
  open.push(core);
  return core;
}

const subjects = async (core: Core) => ok(await core.call('incoming.list', {})).items.map((i) => i.subject);
const register = (core: Core, subject: string) => core.call('incoming.register', { arrivalDate: '2026-11-21', senderName: 'Bộ Nội vụ', notation: `${subject.length}/BNV-VP`, documentDate: '2026-11-19', subject });

describe('backups on PostgreSQL through the API', () => {
  it('restore drill: create, list, change, restore (the change gone, the undo listed), restore the undo (the change back)', async () => {
    const dir = tempDir();
    const core = await started({ database: await freshDatabase(), dataDir: dir });
    const seeded = await seedOffice(core);
    ok(await core.call('attachments.add', { ownerKind: 'incoming', ownerId: seeded.incomingId, fileId: await upload(core, 'cong-van.pdf', '%PDF-1.4 bản quét') }));
    const b = ok(await core.call('backup.create', {}));
    expect(b).toMatchObject({ reason: 'thu-cong', id: expect.stringMatching(/_thu-cong_[0-9a-f]{8}\.dump$/) });
    const backups = ok(await core.call('backup.settings', {})).effectiveDir;
    expect(fs.readFileSync(path.join(backups, b.id)).subarray(0, 5).toString()).toBe('PGDMP');
    expect(fs.readdirSync(path.join(backups, 'attachments'), { recursive: true }).length).toBeGreaterThan(0);
    expect(ok(await core.call('backup.list', {})).items.map((x) => x.id)).toEqual([b.id]);
    const before = await subjects(core);

    ok(await register(core, 'Vào sổ sau khi sao lưu'));
    expect(ok(await core.call('backup.inspect', { id: b.id })).counts).toMatchObject({ incoming: 1, units: 3 });

    const r = ok(await core.call('backup.restore', { id: b.id }));
    expect(r.undo.reason).toBe('truoc-khoi-phuc');
    expect(r.restored.counts.incoming).toBe(1);
    expect(await subjects(core)).toEqual(before);
    expect(ok(await core.call('backup.list', {})).items.map((x) => x.id)).toEqual(expect.arrayContaining([b.id, r.undo.id]));
    expect(ok(await core.call('audit.list', { entity: 'database' })).items[0]).toMatchObject({ action: 'backup.restore' });

    ok(await core.call('backup.restore', { id: r.undo.id }));
    expect(await subjects(core)).toContain('Vào sổ sau khi sao lưu');
    // The core keeps working on the restored database: numbering goes on after the undone change.
    expect(ok(await register(core, 'Sau khi hoàn tác')).arrivalNumber).toBe(3);
  });

  it('refuses a damaged dump and another database’s backup, and leaves the data as it was', async () => {
    const dir = tempDir();
    const core = await started({ database: await freshDatabase(), dataDir: dir });
    await seedOffice(core);
    const b = ok(await core.call('backup.create', {}));
    const backups = ok(await core.call('backup.settings', {})).effectiveDir;
    const damaged = b.id.replace('_thu-cong_', '_thu-cong-2_');
    fs.writeFileSync(path.join(backups, damaged), fs.readFileSync(path.join(backups, b.id)).subarray(0, 200));
    const before = await subjects(core);
    expect(err(await core.call('backup.restore', { id: damaged })).message).toContain('Dữ liệu hiện tại giữ nguyên');
    expect(err(await core.call('backup.inspect', { id: damaged })).fields[0]!.path).toBe('id');
    expect(err(await core.call('backup.restore', { id: b.id.replace(/_[0-9a-f]{8}\.dump$/, '_00000000.dump') })).fields[0]!.path).toBe('id');
    expect(await subjects(core)).toEqual(before);
    ok(await register(core, 'Vẫn ghi được'));
  });

  it('makes one daily backup a day between two app servers on one database, each with its own folder', async () => {
    const target = await freshDatabase();
    const [dirA, dirB] = [tempDir(), tempDir()];
    const day = (iso: string) => () => new Date(iso);
    const dailies = () => [dirA, dirB].flatMap((d) => (fs.existsSync(path.join(d, 'backups')) ? fs.readdirSync(path.join(d, 'backups')) : [])).filter((f) => f.includes('_hang-ngay_') && f.endsWith('.dump'));
    // Started together, as after the night's reboot.
    const [a, b] = await Promise.all([
      createCore({ database: target, dataDir: dirA, clock: day('2026-11-25T08:00:00+07:00'), autoBackup: true }),
      createCore({ database: target, dataDir: dirB, clock: day('2026-11-25T08:00:05+07:00'), autoBackup: true }),
    ]);
    await Promise.all([a.close(), b.close()]);
    expect(dailies()).toHaveLength(1);
    const again = await createCore({ database: target, dataDir: dirB, clock: day('2026-11-25T14:00:00+07:00'), autoBackup: true });
    await again.close();
    expect(dailies()).toHaveLength(1);
    const tomorrow = await createCore({ database: target, dataDir: dirB, clock: day('2026-11-26T08:00:00+07:00'), autoBackup: true });
    await tomorrow.close();
    expect(dailies()).toHaveLength(2);
  });

  it('at start removes only half-written dumps nobody has touched for a day: another app server may be writing one', async () => {
    const target = await freshDatabase();
    const dir = tempDir();
    const first = await createCore({ database: target, dataDir: dir });
    const made = ok(await first.call('backup.create', {}));
    await first.close();
    const backups = path.join(dir, 'backups');
    const [stale, fresh] = ['_thu-cong-7_', '_thu-cong-8_'].map((r) => path.join(backups, `${made.id.replace('_thu-cong_', r)}.dang-ghi`));
    for (const f of [stale!, fresh!]) fs.writeFileSync(f, 'PGDMP dở dang');
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    fs.utimesSync(stale!, twoDaysAgo, twoDaysAgo);
    await started({ database: target, dataDir: dir });
    expect(fs.existsSync(stale!)).toBe(false);
    expect(fs.existsSync(fresh!)).toBe(true);
    expect(fs.existsSync(path.join(backups, made.id))).toBe(true);
  });

  it('a restore refused because another program is connected leaves the data as it was, and the core goes on working', async () => {
    const target = await freshDatabase();
    const core = await started({ database: target, dataDir: tempDir() });
    await seedOffice(core);
    const b = ok(await core.call('backup.create', {}));
    ok(await register(core, 'Vào sổ sau khi sao lưu'));
    const before = await subjects(core);
    // Another app server holding a connection: PostgreSQL refuses to swap the database under it.
    const e = await withClient(target, null, async () => err(await core.call('backup.restore', { id: b.id })));
    expect(e.code).toBe('DB_IN_USE');
    expect(await subjects(core)).toEqual(before);
    ok(await register(core, 'Vẫn ghi được sau khi khôi phục bị từ chối'));
  });
});
