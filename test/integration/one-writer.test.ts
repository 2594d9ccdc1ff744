/**
 * One writer per database, with real second processes (tsx children): the
 * second program is refused with the holder's name and since when and writes
 * nothing; write transactions take the write lock at their start, so two
 * connections writing at once never fail; a dead holder's lock is taken over.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { createCore } from '../../electron/core/index';
import { lockFileOf } from '../../electron/core/backup/db-lock';
import { AppError } from '../../shared/api/errors';
import { countUp } from '../fault/second-writer';
import { ok, standardAgency, tempDir } from '../support/core';

const SCRIPT = path.resolve(__dirname, '../fault/second-writer.ts');

interface Child {
  /** The first stdout line that passes the test. */
  line(test: (l: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
  kill(): void;
  /** Writes a line to the child's stdin. */
  send(line: string): void;
  pid: number;
}

function child(mode: string, args: string[]): Child {
  const p = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { env: { ...process.env, SECOND_WRITER: mode }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: { test: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let buffer = '';
  let stderr = '';
  p.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const l of parts) {
      lines.push(l);
      for (const w of waiting.filter((x) => x.test(l))) w.resolve(l);
    }
  });
  p.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => p.on('exit', (code) => resolve(code)));
  return {
    pid: p.pid!,
    exited,
    kill: () => p.kill('SIGKILL'),
    send: (line) => p.stdin.write(`${line}\n`),
    line: (test) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(test);
        if (seen !== undefined) return resolve(seen);
        waiting.push({ test, resolve });
        void exited.then((code) => setImmediate(() => reject(new Error(`child ${mode} ended (${code}) without the line: ${stderr}`))));
      }),
  };
}

const json = (l: string) => l.startsWith('{');
const doc = (i: number) => ({ arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation: `${i}/UBND-KT`, documentDate: '2026-11-18', subject: `Văn bản số ${i} về việc quản lý đất đai` });

describe('one writer per database', () => {
  it('Two processes on one database: the second is refused with the message, and 400 interleaved registrations through the first lose none', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'van-thu.sqlite');
    const since = new Date('2026-11-20T01:05:00Z');
    const core = await createCore({ dbPath, programName: 'Văn thư (máy tính)', clock: () => since });
    ok(await core.call('agency.update', standardAgency));

    // Three attempts of a second program, made while the first keeps registering in four streams.
    const attempts = [0, 1, 2].map(() => child('open', [dbPath]));
    let childrenDone = false;
    const answers = Promise.all(attempts.map((c) => c.line(json))).finally(() => (childrenDone = true));
    let next = 0;
    let whileChildren = 0;
    const stream = async () => {
      while (next < 400 || !childrenDone) {
        const r = await core.call('incoming.register', doc(next++));
        if (!r.ok) throw new Error(r.error.message);
        if (!childrenDone) whileChildren++;
        // The core answers within microtasks; the children's output is read between calls.
        await new Promise(setImmediate);
      }
    };
    await Promise.all([stream(), stream(), stream(), stream()]);
    const refusals = (await answers).map((l) => JSON.parse(l) as { opened: boolean; code?: string; message?: string });

    for (const r of refusals) {
      expect(r).toEqual({ opened: false, code: 'DB_IN_USE', message: expect.stringContaining('Văn thư (máy tính)') });
      expect(r.message).toContain(format(since, 'dd/MM/yyyy HH:mm'));
    }
    expect(whileChildren).toBeGreaterThan(0);
    // Every registration is there once, numbered without gaps, with its audit and search rows; the refused program wrote nothing, not even its daily backup.
    const registered = next;
    expect(ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' })).total).toBe(registered);
    await core.close();
    const db = new Database(dbPath, { readonly: true });
    const numbers = db.prepare('select arrival_number from incoming order by arrival_number').pluck().all();
    expect(numbers).toEqual(Array.from({ length: registered }, (_, i) => i + 1));
    expect(db.prepare("select count(*) from audit_log join audit_kinds using (kind) where action = 'incoming.register'").pluck().get()).toBe(registered);
    expect(db.prepare('select count(*) from doc_search').pluck().get()).toBe(registered);
    db.close();
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    expect(fs.existsSync(lockFileOf(dbPath))).toBe(false);
    console.log(`one writer: ${registered} registrations (${whileChildren} while the second program tried), ${refusals.length} refusals`);
  });

  it('write transactions take the write lock at their start: two processes counting up at once never fail', async () => {
    const file = path.join(tempDir(), 'counter.sqlite');
    const made = await openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups') });
    await sql`create table counter (n integer primary key, who text not null)`.execute(made.db);
    await made.close();
    const other = child('count', [file, '200']);
    await other.line((l) => l === 'ready');
    other.send('go');
    const mine = await countUp(file, 200, 'parent');
    const theirs = JSON.parse(await other.line(json)) as { done: number; failed: string[] };
    expect(mine).toEqual({ done: 200, failed: [] });
    expect(theirs).toEqual({ done: 200, failed: [] });
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('select n, who from counter order by n').all() as { n: number; who: string }[];
    db.close();
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const switches = rows.filter((r, i) => i > 0 && r.who !== rows[i - 1]!.who).length;
    console.log(`counting up: 400 transactions, ${switches} switches between the processes`);
  });

  it("takes over the lock of a process that died, and refuses a live one's", async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'van-thu.sqlite');
    const holder = child('hold', [dbPath]);
    await holder.line((l) => l === 'ready');
    const refused = await createCore({ dbPath, programName: 'Văn thư (trình duyệt)' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: 'DB_IN_USE', message: expect.stringContaining('Văn thư (máy tính)'), details: { pid: holder.pid } });
    holder.kill();
    await holder.exited;
    // The killed process could not release its lock; it is taken over.
    expect(fs.existsSync(lockFileOf(dbPath))).toBe(true);
    const core = await createCore({ dbPath, programName: 'Văn thư (trình duyệt)' });
    ok(await core.call('incoming.register', doc(1)));
    await core.close();
    expect(fs.existsSync(lockFileOf(dbPath))).toBe(false);
  });

  it('refuses a lock held from another machine, naming it', async () => {
    const dbPath = path.join(tempDir(), 'van-thu.sqlite');
    const since = new Date('2026-11-19T02:30:00Z');
    fs.writeFileSync(lockFileOf(dbPath), JSON.stringify({ program: 'Văn thư (máy tính)', pid: 1, host: `${os.hostname()}-khac`, since: since.toISOString() }));
    await expect(createCore({ dbPath })).rejects.toMatchObject({
      code: 'DB_IN_USE',
      message: expect.stringContaining(`trên máy ${os.hostname()}-khac từ ${format(since, 'dd/MM/yyyy HH:mm')}`),
    });
    expect(fs.existsSync(dbPath)).toBe(false);
  });
});
