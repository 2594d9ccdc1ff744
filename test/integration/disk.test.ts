import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import type { Input } from '../../shared/api/index';
import { err, ok, standardAgency, tempDir } from '../support/core';

const doc = (i: number): Input<'incoming.register'> => ({
  arrivalDate: '2026-11-20',
  senderName: 'UBND tỉnh Lạng Sơn',
  notation: `${i}/UBND-KT`,
  documentDate: '2026-11-18',
  subject: `Văn bản số ${i}: ${'về việc quản lý đất đai, khoáng sản và bảo vệ môi trường trên địa bàn tỉnh; '.repeat(20)}`,
});
const year: Input<'incoming.list'> = { from: '2026-01-01', to: '2026-12-31' };

async function seeded() {
  const dbPath = path.join(tempDir(), 'van-thu.sqlite');
  const core = await createCore({ dbPath });
  ok(await core.call('agency.update', standardAgency));
  for (let i = 1; i <= 5; i++) ok(await core.call('incoming.register', doc(i)));
  await core.close();
  return { dbPath };
}

describe('a full disk and a read-only database', () => {
  it('says the disk is full, keeps what was saved, and numbering goes on after space is freed', async () => {
    const { dbPath } = await seeded();
    // A database that cannot grow by more than a few pages plays the full disk.
    const full = await createCore({ dbPath, pragmas: ['max_page_count = 60'] });
    let saved = 5;
    let e = null;
    for (let i = 6; i < 500 && !e; i++) {
      const r = await full.call('incoming.register', doc(i));
      if (r.ok) saved++;
      else e = r.error;
    }
    expect(e).toEqual(expect.objectContaining({ code: 'IO', message: expect.stringContaining('Ổ đĩa đã đầy') }));
    expect(ok(await full.call('incoming.list', year)).total).toBe(saved);
    await full.close();
    const freed = await createCore({ dbPath });
    expect(ok(await freed.call('incoming.list', year)).total).toBe(saved);
    expect(ok(await freed.call('incoming.register', doc(999))).arrivalNumber).toBe(saved + 1);
    await freed.close();
  });

  it.each<[string, (i: number) => [string, unknown]]>([
    ['a unit', (i) => ['units.create', { name: `Phòng ${i} ${'quản lý đất đai '.repeat(6)}`, abbreviation: `P${i}`, kind: 'internal' }]],
    ['a task', (i) => ['tasks.create', { content: `Nhiệm vụ ${i}: ${'kiểm tra việc quản lý đất đai; '.repeat(30)}` }]],
  ])('says the disk is full when %s is written (not "cannot rollback"), and writes nothing', async (_what, input) => {
    const { dbPath } = await seeded();
    const full = await createCore({ dbPath, pragmas: ['max_page_count = 60'] });
    const dump = () => {
      const db = new Database(dbPath, { readonly: true });
      const tables = db.prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
      const rows = Object.fromEntries(tables.map((t) => [t, db.prepare(`select * from "${t}"`).all()]));
      db.close();
      return rows;
    };
    let e = null;
    let before = dump();
    for (let i = 0; i < 500 && !e; i++) {
      const [method, value] = input(i);
      const r = await full.call(method, value);
      if (r.ok) before = dump();
      else e = r.error;
    }
    expect(e).toEqual(expect.objectContaining({ code: 'IO', message: expect.stringContaining('Ổ đĩa đã đầy') }));
    expect(dump()).toEqual(before);
    await full.close();
  });

  it('says the database is read-only, and reading still works', async () => {
    const { dbPath } = await seeded();
    const ro = await createCore({ dbPath, pragmas: ['query_only = 1'] });
    const e = err(await ro.call('incoming.register', doc(6)));
    expect(e).toEqual(expect.objectContaining({ code: 'IO', message: expect.stringContaining('chỉ đọc') }));
    expect(ok(await ro.call('incoming.list', year)).total).toBe(5);
    await ro.close();
  });
});
