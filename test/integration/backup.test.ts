import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, upload } from '../support/core';

let t: TestCore;
afterEach(async () => t?.close());

let n = 0;
const register = (subject: string) =>
  t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: `${100 + n++}/UBND-KT`, documentDate: '2026-11-18', subject });
const count = async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' })).total;

describe('backups', () => {
  it('restore drill: back up, change, restore, undo the restore — contents checked at each step', async () => {
    t = await makeCore();
    ok(await t.core.call('agency.update', standardAgency));
    const doc = ok(await register('Văn bản có trước khi sao lưu'));
    ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: doc.id, fileId: await upload(t.core, 'cong-van.pdf', '%PDF-1.4 bản quét') }));
    const b = ok(await t.core.call('backup.create', {}));
    expect(b.reason).toBe('thu-cong');
    expect(fs.existsSync(b.path)).toBe(true);
    const attachmentsCopied = fs.readdirSync(path.join(path.dirname(b.path), 'attachments'), { recursive: true }).length;
    expect(attachmentsCopied).toBeGreaterThan(0);

    ok(await register('Văn bản vào sổ sau khi sao lưu'));
    expect(await count()).toBe(2);
    const seen = ok(await t.core.call('backup.inspect', { path: b.path }));
    expect(seen.counts).toEqual(expect.objectContaining({ incoming: 1, units: 0 }));

    const r = ok(await t.core.call('backup.restore', { path: b.path }));
    expect(r.undo.reason).toBe('truoc-khoi-phuc');
    expect(await count()).toBe(1);
    expect(ok(await t.core.call('incoming.list', {})).items[0]!.subject).toBe('Văn bản có trước khi sao lưu');
    expect(ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: doc.id })).items).toHaveLength(1);
    // The restored database tells that it was restored, and from where.
    expect(ok(await t.core.call('audit.list', { entity: 'database' })).items[0]).toEqual(expect.objectContaining({ action: 'backup.restore' }));

    ok(await t.core.call('backup.restore', { path: r.undo.path }));
    expect(await count()).toBe(2);
    // The app keeps working on the restored file: numbering continues.
    expect(ok(await register('Sau khi hoàn tác')).arrivalNumber).toBe(3);
  });

  it('refuses a damaged backup with a clear message and leaves the data alone', async () => {
    t = await makeCore();
    ok(await register('Văn bản'));
    const b = ok(await t.core.call('backup.create', {}));
    const bad = path.join(path.dirname(b.path), 'van-thu_20261120-080000_thu-cong.sqlite');
    fs.writeFileSync(bad, fs.readFileSync(b.path).subarray(0, 1500));
    const e = err(await t.core.call('backup.restore', { path: bad }));
    expect(e.fields[0]).toEqual({ path: 'path', message: expect.stringContaining('hỏng') });
    expect(await count()).toBe(1);
    expect(err(await t.core.call('backup.inspect', { path: path.join(tempDir(), 'khong-co.sqlite') })).fields[0]!.path).toBe('path');
  });

  it('writes to the folder the user chose, and refuses a folder that is not there', async () => {
    t = await makeCore();
    expect(err(await t.core.call('backup.updateSettings', { dir: path.join(tempDir(), 'usb-chua-cam', 'x') })).fields[0]!.path).toBe('dir');
    const usb = tempDir('usb-');
    ok(await t.core.call('backup.updateSettings', { dir: usb, keepDaily: 3 }));
    const b = ok(await t.core.call('backup.create', {}));
    expect(path.dirname(b.path)).toBe(usb);
    expect(ok(await t.core.call('backup.list', {})).items.map((x) => x.path)).toEqual([b.path]);
  });

  it('makes one backup at the first start of a day and one on quit', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'van-thu.sqlite');
    const clock = () => new Date('2026-11-25T08:00:00+07:00');
    for (let i = 0; i < 2; i++) {
      const core = await createCore({ dbPath, clock, autoBackup: true });
      await core.close();
    }
    const names = fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(names.filter((f) => f.includes('_hang-ngay')).length).toBe(1);
    expect(names.filter((f) => f.includes('_khi-thoat')).length).toBe(2);
  });
});
