/**
 * Process kills (SIGKILL), not power cuts: the operating system still writes
 * what the process handed it, so this cannot tell synchronous=FULL from OFF.
 * A child opens the database and registers documents, reporting each after
 * its commit; it is killed while registering, during start-up, and while
 * migrating an older database. After each kill the file passes
 * integrity_check and opens; every reported document is there with its audit
 * row and its search row, numbered 1…n without gaps; a migrated file is at
 * one version's schema, never between two.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrations/index';
import { createCore } from '../../electron/core/index';
import { ok, tempDir } from '../support/core';
import { olderDatabase, rows } from '../support/migrations';

const KILLS_REGISTERING = 18;
const KILLS_STARTING = 8;
const KILLS_MIGRATING = 12;

let script: string;
beforeAll(async () => {
  script = path.join(tempDir(), 'kill-child.cjs');
  await build({ entryPoints: [path.resolve(__dirname, '../fault/kill-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: Object.keys((JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies), outfile: script, logLevel: 'error' });
});

interface Run {
  /** id → arrival number of each document reported committed. */
  reported: Map<number, number>;
  /** Milliseconds from spawning to "ready", or null if killed before. */
  readyAfterMs: number | null;
}

/**
 * Starts the child; kills it `delayMs` after its first committed document, or
 * after spawning when `fromStart`, or after `when()` first holds (polled).
 */
function runAndKill(dbPath: string, delayMs: number, fromStart = false, when?: () => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dbPath], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
    const run: Run = { reported: new Map(), readyAfterMs: null };
    const started = Date.now();
    let buffer = '';
    let err = '';
    let timer: NodeJS.Timeout | null = fromStart && !when ? setTimeout(() => child.kill('SIGKILL'), delayMs) : null;
    const poll = when
      ? setInterval(() => {
          if (!when()) return;
          clearInterval(poll ?? undefined);
          timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
        }, 1)
      : null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        if (l === 'ready') run.readyAfterMs = Date.now() - started;
        const m = /^(\d+) (\d+)$/.exec(l);
        if (m) run.reported.set(Number(m[1]), Number(m[2]));
      }
      if (run.reported.size > 0 && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      if (signal === 'SIGKILL') resolve(run);
      else reject(new Error(`child ended by itself (${code}): ${err}`));
    });
  });
}

/** Integrity, gap-free numbering, and each reported document with its audit and search rows; the count checked. */
function checkDocuments(dbPath: string, reported: ReadonlyMap<number, number>): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const numbers = db.prepare('select arrival_number from incoming order by arrival_number').pluck().all() as number[];
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    const doc = db.prepare('select arrival_number from incoming where id = ?').pluck();
    const audit = db.prepare("select count(*) from audit_log join audit_kinds using (kind) where action = 'incoming.register' and entity = 'incoming' and entity_id = ?").pluck();
    const search = db.prepare('select count(*) from doc_search where rowid = ?').pluck();
    for (const [id, n] of reported) {
      expect(doc.get(id)).toBe(n);
      expect(audit.get(id), `audit row of document ${id}`).toBe(1);
      expect(search.get(id), `search row of document ${id}`).toBe(1);
    }
    // Nothing committed without its audit and search rows either.
    expect(db.prepare("select count(*) from incoming where id not in (select entity_id from audit_log join audit_kinds using (kind) where action = 'incoming.register')").pluck().get()).toBe(0);
    expect(db.prepare('select count(*) from incoming where id not in (select rowid from doc_search)').pluck().get()).toBe(0);
    return numbers.length;
  } finally {
    db.close();
  }
}

/** The tables each version's schema has, from fresh databases migrated that far. */
async function schemaByVersion(): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let v = 1; v <= LATEST_VERSION; v++) out.set(v, tableList(await olderDatabase(v)));
  return out;
}

function tableList(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select name from sqlite_schema where type in ('table', 'index', 'trigger') order by name").pluck().all() as string[]).join(',');
  } finally {
    db.close();
  }
}

describe('process kill', () => {
  it('while registering and during start-up: every acknowledged document stays, with its audit and search rows', async () => {
    const dbPath = path.join(tempDir(), 'kill.sqlite');
    const reported = new Map<number, number>();
    let checked = 0;
    let beforeReady = 0;
    let startMs = 0;
    for (let k = 0; k < KILLS_REGISTERING + KILLS_STARTING; k++) {
      const starting = k >= KILLS_REGISTERING;
      // Start-up kills fall anywhere between spawning and the ready line seen so far.
      const run = await runAndKill(dbPath, starting ? Math.floor(Math.random() * startMs) : Math.floor(Math.random() * 40), starting);
      if (run.readyAfterMs === null) beforeReady++;
      else startMs = Math.max(startMs, run.readyAfterMs);
      for (const [id, n] of run.reported) reported.set(id, n);
      if (fs.existsSync(dbPath)) checked = checkDocuments(dbPath, reported);
    }
    const core = await createCore({ dbPath });
    expect(ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 1 })).total).toBe(checked);
    await core.close();
    console.log(JSON.stringify({ kill: { registering: KILLS_REGISTERING, starting: KILLS_STARTING, killedBeforeReady: beforeReady, documentsChecked: checked, reported: reported.size } }));
    expect(reported.size).toBeGreaterThan(KILLS_REGISTERING);
  }, 120_000);

  it('while migrating an older database: afterwards at one version, never between two, and it opens with its data', async () => {
    const schemas = await schemaByVersion();
    const older = await olderDatabase(1, (raw) => {
      rows.agency(raw);
      for (let i = 0; i < 200; i++) rows.unit(raw, `Phòng ${i}`, `P${i}`);
    });
    const versions = new Map<number, number>();
    const copy = () => {
      const dbPath = path.join(tempDir(), 'van-thu.sqlite');
      fs.copyFileSync(older, dbPath);
      return dbPath;
    };
    for (let k = 0; k < KILLS_MIGRATING; k++) {
      const dbPath = copy();
      // The first migration's commit is the first write to the WAL; the kill follows within a few milliseconds.
      const migrating = () => fs.existsSync(`${dbPath}-wal`) && fs.statSync(`${dbPath}-wal`).size > 0;
      await runAndKill(dbPath, Math.floor(Math.random() * 15), true, migrating);
      const raw = new Database(dbPath, { readonly: true });
      const version = Number(raw.pragma('user_version', { simple: true }));
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      raw.close();
      versions.set(version, (versions.get(version) ?? 0) + 1);
      // A copy, so the check does not migrate the file it looks at.
      const probe = path.join(tempDir(), 'probe.sqlite');
      fs.copyFileSync(dbPath, probe);
      for (const ext of ['-wal', '-shm']) if (fs.existsSync(dbPath + ext)) fs.copyFileSync(dbPath + ext, probe + ext);
      expect(tableList(probe)).toBe(schemas.get(version));
      const core = await createCore({ dbPath });
      expect(ok(await core.call('units.list', {})).items).toHaveLength(200);
      await core.close();
    }
    console.log(JSON.stringify({ kill: { migrating: KILLS_MIGRATING, versionsFound: Object.fromEntries(versions) } }));
  }, 120_000);
});
