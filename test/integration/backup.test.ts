import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkCopy } from '../../db/backup-file';
import { createCore } from '../../electron/core/index';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore, upload } from '../support/core';

let t: TestCore;
afterEach(async () => t?.close());

let n = 0;
const register = (subject: string) =>
  t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: `${100 + n++}/UBND-KT`, documentDate: '2026-11-18', subject });
const backupsDir = async () => ok(await t.core.call('backup.settings', {})).effectiveDir;
const count = async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' })).total;

describe('backups', () => {
  it('restore drill: back up, change, restore, undo the restore — contents checked at each step', async () => {
    t = await makeCore();
    ok(await t.core.call('agency.update', standardAgency));
    const doc = ok(await register('Văn bản có trước khi sao lưu'));
    ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: doc.id, fileId: await upload(t.core, 'cong-van.pdf', '%PDF-1.4 bản quét') }));
    const b = ok(await t.core.call('backup.create', {}));
    expect(b.reason).toBe('thu-cong');
    const dir = await backupsDir();
    expect(fs.existsSync(path.join(dir, b.id))).toBe(true);
    const attachmentsCopied = fs.readdirSync(path.join(dir, 'attachments'), { recursive: true }).length;
    expect(attachmentsCopied).toBeGreaterThan(0);

    ok(await register('Văn bản vào sổ sau khi sao lưu'));
    expect(await count()).toBe(2);
    const seen = ok(await t.core.call('backup.inspect', { id: b.id }));
    expect(seen.counts).toEqual(expect.objectContaining({ incoming: 1, units: 0 }));

    const r = ok(await t.core.call('backup.restore', { id: b.id }));
    expect(r.undo.reason).toBe('truoc-khoi-phuc');
    expect(await count()).toBe(1);
    expect(ok(await t.core.call('incoming.list', {})).items[0]!.subject).toBe('Văn bản có trước khi sao lưu');
    expect(ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: doc.id })).items).toHaveLength(1);
    // The restored database tells that it was restored, and from where.
    expect(ok(await t.core.call('audit.list', { entity: 'database' })).items[0]).toEqual(expect.objectContaining({ action: 'backup.restore' }));

    ok(await t.core.call('backup.restore', { id: r.undo.id }));
    expect(await count()).toBe(2);
    // The app keeps working on the restored file: numbering continues.
    expect(ok(await register('Sau khi hoàn tác')).arrivalNumber).toBe(3);
  });

  it('checks a fresh copy b-tree by b-tree: a damaged table, index or full-text table is found', async () => {
    t = await makeCore();
    for (let i = 0; i < 30; i++) ok(await register(`Văn bản số ${i} về việc kiểm tra bản sao lưu`));
    const b = ok(await t.core.call('backup.create', {}));
    const file = path.join(await backupsDir(), b.id);
    expect(checkCopy(file)).toEqual({ ok: true });
    for (const name of ['incoming', 'incoming_duplicate', 'doc_search_content']) {
      const copy = path.join(tempDir(), `${name}.sqlite`);
      fs.copyFileSync(file, copy);
      const db = new Database(copy, { readonly: true });
      const root = db.prepare('select rootpage from sqlite_schema where name = ?').pluck().get(name) as number;
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      db.close();
      // The page's header and cell pointers overwritten: a b-tree page no reader can follow.
      const fd = fs.openSync(copy, 'r+');
      fs.writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, (root - 1) * pageSize);
      fs.closeSync(fd);
      expect(checkCopy(copy).ok, name).toBe(false);
    }
  });

  it('refuses a damaged backup with a clear message and leaves the data alone', async () => {
    t = await makeCore();
    ok(await register('Văn bản'));
    const b = ok(await t.core.call('backup.create', {}));
    const dir = await backupsDir();
    const bad = 'van-thu_20261120-080000_thu-cong.sqlite';
    fs.writeFileSync(path.join(dir, bad), fs.readFileSync(path.join(dir, b.id)).subarray(0, 1500));
    const e = err(await t.core.call('backup.restore', { id: bad }));
    expect(e.fields[0]).toEqual({ path: 'id', message: expect.stringContaining('hỏng') });
    expect(await count()).toBe(1);
    expect(err(await t.core.call('backup.inspect', { id: 'van-thu_20261120-090000_thu-cong.sqlite' })).fields[0]!.path).toBe('id');
  });

  it('writes to the folder the user chose, and refuses a folder that is not there', async () => {
    t = await makeCore();
    expect(err(await t.core.call('backup.updateSettings', { dir: path.join(tempDir(), 'usb-chua-cam', 'x') })).fields[0]!.path).toBe('dir');
    const usb = tempDir('usb-');
    ok(await t.core.call('backup.updateSettings', { dir: usb, keepDaily: 3 }));
    const b = ok(await t.core.call('backup.create', {}));
    expect(fs.readdirSync(usb)).toContain(b.id);
    expect(ok(await t.core.call('backup.list', {})).items.map((x) => x.id)).toEqual([b.id]);
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

  it('keeps the backups of two databases in one folder apart: listed, rotated and restored only for their own', async () => {
    const dir = tempDir();
    const a = await createCore({ dbPath: path.join(dir, 'a.sqlite') });
    const b = await createCore({ dbPath: path.join(dir, 'b.sqlite') });
    try {
      const ofA = ok(await a.call('backup.create', {}));
      const ofB = ok(await b.call('backup.create', {}));
      expect(ok(await a.call('backup.list', {})).items.map((x) => x.id)).toEqual([ofA.id]);
      expect(ok(await b.call('backup.list', {})).items.map((x) => x.id)).toEqual([ofB.id]);
      expect(err(await b.call('backup.restore', { id: ofA.id })).fields[0]).toEqual({ path: 'id', message: expect.stringContaining('cơ sở dữ liệu khác') });
      // Renamed to look like b's, a's backup is still a's: the id inside it says so.
      const disguised = ofB.id.replace('thu-cong', 'hang-ngay');
      fs.copyFileSync(path.join(dir, 'backups', ofA.id), path.join(dir, 'backups', disguised));
      expect(err(await b.call('backup.inspect', { id: disguised })).fields[0]!.message).toContain('cơ sở dữ liệu khác');
      fs.rmSync(path.join(dir, 'backups', disguised));
      // b's rotation (one backup a day kept) never removes a's backups.
      ok(await b.call('backup.updateSettings', { dir: null, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 }));
      ok(await b.call('backup.create', {}));
      expect(fs.existsSync(path.join(dir, 'backups', ofA.id))).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('gives backups made in the same second distinct names and leaves no half-written files', async () => {
    t = await makeCore({ clock: () => new Date('2026-11-20T08:00:00Z') });
    ok(await register('Văn bản'));
    const made = await Promise.all([0, 1, 2].map(() => t.core.call('backup.create', {})));
    const ids = made.map((r) => ok(r).id);
    expect(new Set(ids).size).toBe(3);
    const dir = await backupsDir();
    expect(fs.readdirSync(dir).filter((f) => f !== 'attachments').sort()).toEqual([...ids].sort());
    for (const id of ids) expect(ok(await t.core.call('backup.inspect', { id })).counts.incoming).toBe(1);
    expect(fs.readdirSync(dir).filter((f) => f !== 'attachments').sort()).toEqual([...ids].sort());
  });

  it("removes this database's half-written backups at start, and only this database's", async () => {
    t = await makeCore();
    const b = ok(await t.core.call('backup.create', {}));
    const dir = await backupsDir();
    await t.close();
    const ours = [`${b.id.replace('_thu-cong_', '_thu-cong-9_')}.dang-ghi`, `${b.id}.dang-ghi-wal`, 'van-thu_20261120-080000_hang-ngay.sqlite.dang-ghi'];
    const theirs = 'khac_20261120-080000_hang-ngay.sqlite.dang-ghi';
    for (const f of [...ours, theirs]) fs.writeFileSync(path.join(dir, f), 'ghi dở');
    t = await makeCore({ dir: t.dir });
    expect(fs.readdirSync(dir).sort()).toEqual([b.id, theirs].sort());
  });

  it('takes backups by the id backup.list gives, never by path', async () => {
    t = await makeCore();
    ok(await t.core.call('backup.create', {}));
    for (const id of ['/etc/passwd', '../van-thu.sqlite', path.join(t.dir, 'van-thu.sqlite'), 'van-thu.sqlite']) {
      expect(err(await t.core.call('backup.inspect', { id })).fields[0]!.path).toBe('id');
      expect(err(await t.core.call('backup.restore', { id })).fields[0]!.path).toBe('id');
    }
    expect(err(await t.core.call('backup.restore', { path: path.join(t.dir, 'backups') } as never)).code).toBe('VALIDATION');
  });

  it('restores from an uploaded backup file (the office moving to a new PC); a file that is no backup is refused', async () => {
    const old = await makeCore();
    ok(await old.core.call('agency.update', standardAgency));
    for (let i = 0; i < 3; i++) ok(await old.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', notation: `${i + 1}/UBND`, documentDate: '2026-11-18', subject: 'Văn bản cũ' }));
    const made = ok(await old.core.call('backup.create', {}));
    const bytes = fs.readFileSync(path.join(ok(await old.core.call('backup.settings', {})).effectiveDir, made.id));
    await old.close();
    t = await makeCore();
    expect(err(await t.core.call('backup.inspect', { fileId: await upload(t.core, 'khong-phai.sqlite', 'không phải cơ sở dữ liệu') })).fields[0]!.path).toBe('fileId');
    expect(err(await t.core.call('backup.inspect', {})).fields[0]!.path).toBe('id');
    const fileId = await upload(t.core, made.id, bytes);
    expect(ok(await t.core.call('backup.inspect', { fileId })).counts.incoming).toBe(3);
    ok(await t.core.call('backup.restore', { fileId }));
    expect(await count()).toBe(3);
  });

  it('refuses to restore while another program has the database file open, and keeps its documents', async () => {
    t = await makeCore();
    const b = ok(await t.core.call('backup.create', {}));
    ok(await register('Văn bản vào sổ sau khi sao lưu'));
    const other = new Database(t.dbPath, { readonly: true });
    try {
      expect(other.prepare('select count(*) from incoming').pluck().get()).toBe(1);
      expect(err(await t.core.call('backup.restore', { id: b.id }))).toEqual(expect.objectContaining({ code: 'DB_IN_USE', message: expect.stringContaining('chưa khôi phục') }));
      expect(await count()).toBe(1);
      expect(other.prepare('select count(*) from incoming').pluck().get()).toBe(1);
    } finally {
      other.close();
    }
    ok(await t.core.call('backup.restore', { id: b.id }));
    expect(await count()).toBe(0);
  });
});
