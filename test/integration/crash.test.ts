/**
 * Power cuts, simulated: a child process registers documents and reports each
 * arrival number after its commit; it is killed (SIGKILL) at random moments.
 * After each kill the database passes integrity_check, every reported number
 * is there, and the numbers run 1…n without gaps or duplicates.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';

const KILLS = 200;

async function bundleChild(): Promise<string> {
  const out = path.join(tempDir(), 'crash-child.cjs');
  await build({ entryPoints: [path.resolve(__dirname, '../fault/crash-child.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['better-sqlite3'], outfile: out, logLevel: 'error' });
  return out;
}

/** Runs the child until it has committed at least once, then kills it after a random moment. */
function runAndKill(script: string, dbPath: string, delayMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, dbPath], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
    const reported: number[] = [];
    let buffer = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) if (/^\d+$/.test(l)) reported.push(Number(l));
      if (reported.length > 0 && !timer) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`child ended by itself (${code}): ${err}`))));
  });
}

describe('power cut during registration', () => {
  it(`keeps every committed document and a gap-free numbering through ${KILLS} kills`, async () => {
    const script = await bundleChild();
    const dbPath = path.join(tempDir(), 'crash.sqlite');
    const reported = new Set<number>();
    let checked = 0;
    for (let k = 0; k < KILLS; k++) {
      for (const n of await runAndKill(script, dbPath, Math.floor(Math.random() * 40))) reported.add(n);
      const db = new Database(dbPath, { fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const numbers = db.prepare('select arrival_number from incoming order by arrival_number').pluck().all() as number[];
        expect(numbers).toEqual(numbers.map((_, i) => i + 1));
        for (const n of reported) expect(numbers[n - 1]).toBe(n);
        checked = numbers.length;
      } finally {
        db.close();
      }
    }
    console.log(JSON.stringify({ name: 'crash.kills', value: KILLS }), JSON.stringify({ name: 'crash.documentsChecked', value: checked, reported: reported.size }));
    expect(reported.size).toBeGreaterThan(KILLS);
  }, 900_000);
});
