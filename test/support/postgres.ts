/**
 * One PostgreSQL 15 cluster per test run, for the integration-pg project
 * (vitest.config.ts): this module's default export is its globalSetup. The
 * cluster lives in a temp folder, listens on 127.0.0.1 only, runs without
 * fsync (a test database need not survive a power cut), and holds a template
 * database migrated once; each core of a test gets its own copy of it
 * (CREATE DATABASE … TEMPLATE), which takes milliseconds.
 *
 * Where the binaries are missing the run goes on and every test of the
 * project is skipped with the reason (test/support/postgres-skip.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/connection';
import type { PostgresTarget } from '../../db/engine';

/** Debian's binaries of the newest PostgreSQL installed, 15 or later (VANTHU_PG_BIN overrides). */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).map(Number).filter((v) => v >= 15 && fs.existsSync(path.join(root, String(v), 'bin', 'initdb'))) : [];
  return path.join(root, String(Math.max(15, ...versions)), 'bin');
}

export const PG_BIN = process.env.VANTHU_PG_BIN ?? pgBin();
const TEMPLATE = 'vanthu_template';

export interface TestPostgres {
  /** Connection URL of the cluster's maintenance database; empty when none could be started. */
  adminUrl: string;
  /** Why there is no cluster (shown once and on every skipped test). */
  unavailable: string | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    vanthuPostgres: TestPostgres;
  }
}

export const testEngine = (): 'sqlite' | 'postgres' => (process.env.VANTHU_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');

const asRoot = process.getuid?.() === 0;

/** initdb and postgres refuse to run as root: as root they run as the postgres user. */
function runPg(bin: string, args: string[]): string {
  const [cmd, full] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args]] : [path.join(PG_BIN, bin), args];
  return execFileSync(cmd, full, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function freeLoopbackPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as import('node:net').AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

function urlOf(port: number, database: string): string {
  return `postgres://postgres@127.0.0.1:${port}/${database}`;
}

export async function startCluster(): Promise<{ adminUrl: string; stop(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  runPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freeLoopbackPort();
  const settings = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=400',
    '-c shared_buffers=64MB',
  ].join(' ');
  runPg('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', settings, '-w', 'start']);
  const stop = () => {
    try {
      runPg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { adminUrl: urlOf(port, 'postgres'), stop };
}

async function admin<T>(adminUrl: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** A new empty database on the run's cluster (no migration): its URL. */
export async function emptyDatabase(prefix = 'vt'): Promise<string> {
  const { adminUrl } = inject('vanthuPostgres');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, (c) => c.query(`create database ${name}`));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A new database at the latest version, copied from the migrated template: its target. */
export async function freshDatabase(): Promise<PostgresTarget> {
  const { adminUrl, unavailable } = inject('vanthuPostgres');
  if (unavailable) throw new Error(unavailable);
  const name = `vt_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(adminUrl, (c) => c.query(`create database ${name} template ${TEMPLATE}`));
  // Small pools: a test run has many cores on one cluster at once.
  return { engine: 'postgres', url: adminUrl.replace(/\/postgres$/, `/${name}`), poolSize: 8 };
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    const unavailable = `PostgreSQL (15 trở lên) không có ở ${PG_BIN}: các kiểm thử trên PostgreSQL được bỏ qua. Cài bằng: apt-get install postgresql`;
    console.warn(unavailable);
    project.provide('vanthuPostgres', { adminUrl: '', unavailable });
    return () => undefined;
  }
  const cluster = await startCluster();
  try {
    await admin(cluster.adminUrl, (c) => c.query(`create database ${TEMPLATE}`));
    const url = cluster.adminUrl.replace(/\/postgres$/, `/${TEMPLATE}`);
    await (await openDatabase({ engine: 'postgres', url }, { backupDir: os.tmpdir() })).close();
    await admin(cluster.adminUrl, (c) => c.query(`alter database ${TEMPLATE} with is_template true`));
  } catch (e) {
    cluster.stop();
    throw e;
  }
  project.provide('vanthuPostgres', { adminUrl: cluster.adminUrl, unavailable: null });
  return () => cluster.stop();
}
