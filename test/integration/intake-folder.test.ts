/**
 * Watched folders with the core's own poller: a file written slowly (chunks
 * with pauses, as a scanner writes a long scan) is not taken while it is
 * being written, then taken once, whole; moved into "đã nhận" or left in
 * place and never taken again, also after a restart. The folder setting is a
 * path of this PC, checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err, makeCore, ok, tempDir, type TestCore } from '../support/core';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/incoming-documents');
const PDF = fs.readFileSync(path.join(FIXTURES, 'cv-bgddt-nhiem-vu-nam-hoc.pdf'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const watching = (dir?: string) => makeCore({ ...(dir ? { dir } : {}), options: { intakeEveryMs: 150, intake: { stableMs: 2000 } } });

async function items(tc: TestCore) {
  return ok(await tc.core.call('intake.list', { pageSize: 500 })).items;
}

async function until<T>(what: () => Promise<T | null>, ms = 15_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await what();
    if (v !== null) return v;
  }
  throw new Error('timed out');
}

describe('watched folders', () => {
  it('a file written over several seconds is taken only once complete, once, and moved into "đã nhận"', async () => {
    t = await watching();
    const scanner = tempDir('may-quet-');
    ok(await t.core.call('intake.folders.add', { label: 'Máy quét tầng 2', path: scanner, afterTake: 'move' }));
    const file = path.join(scanner, 'scan-0001.pdf');
    const chunks = 5;
    const size = Math.ceil(PDF.length / chunks);
    const fd = fs.openSync(file, 'w');
    for (let i = 0; i < chunks; i++) {
      fs.writeSync(fd, PDF.subarray(i * size, (i + 1) * size));
      // Each pause is longer than a scan, shorter than the time a file must stay unchanged.
      await sleep(1200);
      expect(await items(t)).toEqual([]);
    }
    fs.closeSync(fd);
    const [item] = await until(async () => {
      const list = await items(t!);
      return list.length ? list : null;
    });
    expect(item).toMatchObject({ origin: { kind: 'folder', folderLabel: 'Máy quét tầng 2', fileName: 'scan-0001.pdf' }, files: [{ name: 'scan-0001.pdf', size: PDF.length }] });
    const got = ok(await t.core.call('intake.get', { id: item!.id }));
    expect(fs.readFileSync(ok(await t.core.download(null, got.files[0]!.fileId)).path).equals(PDF)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(path.join(scanner, 'đã nhận', 'scan-0001.pdf')).equals(PDF)).toBe(true);
    // The same name scanned again is received beside the first, not over it.
    fs.writeFileSync(file, PDF);
    await until(async () => ((await items(t!)).length === 2 ? true : null));
    expect(fs.readdirSync(path.join(scanner, 'đã nhận')).sort()).toEqual(['scan-0001 (2).pdf', 'scan-0001.pdf']);
    await sleep(2500);
    expect(await items(t)).toHaveLength(2);
    const [folder] = ok(await t.core.call('intake.folders.list', {})).folders;
    expect(folder).toMatchObject({ error: null, enabled: true });
    expect(folder!.lastScanAt).not.toBeNull();
  }, 60_000);

  it('a folder left as it is gives each file once, also after a restart', async () => {
    const dir = tempDir();
    t = await watching(dir);
    const usb = tempDir('usb-');
    fs.writeFileSync(path.join(usb, 'cong-van.pdf'), PDF);
    fs.writeFileSync(path.join(usb, 'ghi-chu.txt'), 'không phải văn bản');
    ok(await t.core.call('intake.folders.add', { label: 'Ổ USB', path: usb, afterTake: 'leave' }));
    await until(async () => ((await items(t!)).length === 1 ? true : null));
    await sleep(2500);
    expect(await items(t)).toHaveLength(1);
    await t.close();
    t = await watching(dir);
    await sleep(3000);
    expect(await items(t)).toHaveLength(1);
    expect(fs.readdirSync(usb).sort()).toEqual(['cong-van.pdf', 'ghi-chu.txt']);
  }, 60_000);

  it('the folder must be an existing folder of this PC, outside the app’s data', async () => {
    t = await makeCore();
    const add = async (p: string) => err(await t!.core.call('intake.folders.add', { label: 'Máy quét', path: p, afterTake: 'move' }));
    const file = path.join(tempDir(), 'a.pdf');
    fs.writeFileSync(file, PDF);
    for (const [p, says] of [
      ['may-quet', 'phải đầy đủ'],
      [path.join(tempDir(), 'khong-co'), 'không tồn tại'],
      [file, 'không phải thư mục'],
      [t.dir, 'thư mục dữ liệu'],
      [path.join(t.dir, 'attachments'), 'không tồn tại'],
    ] as const) {
      const e = await add(p);
      expect(e.code).toBe('VALIDATION');
      expect(e.fields[0]).toMatchObject({ path: 'path', message: expect.stringContaining(says) });
    }
    fs.mkdirSync(path.join(t.dir, 'attachments'), { recursive: true });
    expect((await add(path.join(t.dir, 'attachments'))).message).toContain('thư mục dữ liệu');
    const ok1 = ok(await t.core.call('intake.folders.add', { label: 'Máy quét', path: tempDir(), afterTake: 'move' }));
    expect(ok(await t.core.call('intake.folders.update', { id: ok1.id, enabled: false, afterTake: 'leave' }))).toMatchObject({ enabled: false, afterTake: 'leave' });
    // From a client PC of the office server, a path of the server is never taken, and nothing is saved.
    const remote = err(await t.core.call('intake.folders.add', { label: 'Máy quét', path: tempDir(), afterTake: 'move' }, { clientAddress: '192.168.1.20' }));
    expect(remote.code).toBe('FORBIDDEN');
    expect(remote.message).toContain('trên chính máy chủ');
    expect(err(await t.core.call('intake.folders.update', { id: ok1.id, path: tempDir() }, { clientAddress: '192.168.1.20' })).code).toBe('FORBIDDEN');
    expect(ok(await t.core.call('intake.folders.list', {})).folders.map((f) => f.path)).toEqual([ok1.path]);
    ok(await t.core.call('intake.folders.remove', { id: ok1.id }));
    expect(ok(await t.core.call('intake.folders.list', {})).folders).toEqual([]);
  });
});
