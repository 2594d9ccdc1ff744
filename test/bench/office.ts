/**
 * The office server under load: 20 clients over TLS on loopback, each with
 * its own user and session, each registering 100 documents with list and
 * search calls in between, as clerks at their desks would. Requests per
 * second, p50/p95 per method, errors (goal 0), and whether the arrival
 * numbers have gaps or duplicates (goal none). Then the same load on two
 * office servers, each with its own core, on one PostgreSQL database (10
 * clients each), when a PostgreSQL cluster can be started
 * (test/support/postgres.ts): the same figures named office.pg2.*.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCore, type Core } from '../../electron/core/index';
import { pinnedRequest } from '../../electron/office/pinned';
import { startOfficeServer, type OfficeServer } from '../../electron/office/server';
import { PG_BIN, startCluster } from '../support/postgres';
import { print, printPercentiles } from './stats';

const CLIENTS = 20;
const DOCUMENTS = 100;
const PASSWORD = 'mat-khau-do-tai-2026';
const TODAY = '2026-11-20';

/** The load on these servers (client c talks to server c mod n), its figures named `${prefix}.*`. */
async function load(servers: readonly OfficeServer[], prefix: string): Promise<void> {
  const times = new Map<string, number[]>();
  let errors = 0;
  let firstError = '';

  async function api<T>(method: string, input: unknown, session = '', requestId?: string, server = servers[0]!): Promise<T | null> {
    const t0 = process.hrtime.bigint();
    try {
      const r = await pinnedRequest({
        url: server.url,
        fingerprint: server.fingerprint,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'content-type': 'application/json', 'x-session': session, ...(requestId ? { 'x-request-id': requestId } : {}) },
        body: Buffer.from(JSON.stringify(input)),
      });
      const body = JSON.parse(r.body.toString('utf8')) as { ok: boolean; value?: T; error?: { code: string; message: string } };
      if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
      return body.value ?? null;
    } catch (e) {
      errors++;
      firstError ||= e instanceof Error ? e.message : String(e);
      return null;
    } finally {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      times.set(method, [...(times.get(method) ?? []), ms]);
    }
  }

  await api('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD });
  const admin = (await api<{ session: string }>('auth.login', { username: 'quantri', password: PASSWORD }))?.session ?? '';
  await api('agency.update', { name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT', place: 'Lạng Sơn' }, admin);
  const names = Array.from({ length: CLIENTS }, (_, i) => `vanthu${i + 1}`);
  await Promise.all(names.map((username) => api('users.create', { username, password: PASSWORD, fullName: `Văn thư ${username}`, role: 'clerk' }, admin)));
  const at = (c: number) => servers[c % servers.length]!;
  const sessions = await Promise.all(names.map(async (username, c) => (await api<{ session: string }>('auth.login', { username, password: PASSWORD }, '', undefined, at(c)))?.session ?? ''));
  // Set-up calls are not the load.
  times.clear();

  const numbers: number[] = [];
  const t0 = Date.now();
  await Promise.all(
    sessions.map(async (session, c) => {
      for (let i = 0; i < DOCUMENTS; i++) {
        const doc = await api<{ arrivalNumber: number }>(
          'incoming.register',
          { arrivalDate: TODAY, senderName: `UBND huyện số ${c + 1}`, notation: `${i + 1}/UBND-${c + 1}`, documentDate: TODAY, subject: `Về việc đo tải máy chủ văn phòng, văn bản ${i + 1} của máy ${c + 1}` },
          session,
          crypto.randomBytes(12).toString('base64url'),
          at(c),
        );
        if (doc) numbers.push(doc.arrivalNumber);
        if (i % 2 === 0) await api('incoming.list', { pageSize: 50 }, session, undefined, at(c));
        if (i % 5 === 0) await api('search.global', { q: `may chu van phong ${c + 1}` }, session, undefined, at(c));
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  const requests = [...times.values()].reduce((n, s) => n + s.length, 0);

  const sorted = [...numbers].sort((a, b) => a - b);
  const duplicates = sorted.filter((n, i) => i > 0 && n === sorted[i - 1]).length;
  const distinct = new Set(sorted);
  const max = sorted[sorted.length - 1] ?? 0;
  const gaps = max - distinct.size;

  print({ name: `${prefix}.clients`, value: CLIENTS, unit: 'clients', n: 1 });
  print({ name: `${prefix}.requests_per_s`, value: requests / seconds, unit: 'req/s', n: requests });
  for (const [method, samples] of times) printPercentiles(`${prefix}.${method}`, samples);
  print({ name: `${prefix}.errors`, value: errors, unit: 'errors', n: requests });
  print({ name: `${prefix}.registered`, value: numbers.length, unit: 'documents', n: CLIENTS * DOCUMENTS });
  print({ name: `${prefix}.numbers.gaps`, value: gaps, unit: 'numbers', n: numbers.length });
  print({ name: `${prefix}.numbers.duplicates`, value: duplicates, unit: 'numbers', n: numbers.length });
  if (firstError) process.stderr.write(`${prefix}: first error: ${firstError}\n`);
}

async function serve(core: Core, dir: string): Promise<OfficeServer> {
  return startOfficeServer({ core, listen: { host: '127.0.0.1', port: 0 }, certDir: path.join(dir, 'may-chu') });
}

export async function officeFigures(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-office-'));
  const core = await createCore({ dbPath: path.join(dir, 'van-thu.sqlite') });
  const server = await serve(core, dir);
  await load([server], 'office');
  await server.close();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  await twoServersOnPostgres();
}

async function twoServersOnPostgres(): Promise<void> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    process.stderr.write(`office.pg2: bỏ qua, PostgreSQL 15 không có ở ${PG_BIN} (apt-get install postgresql)\n`);
    return;
  }
  const cluster = await startCluster();
  const cores: Core[] = [];
  const servers: OfficeServer[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('create database vanthu_bench');
    await admin.end();
    const url = cluster.adminUrl.replace(/\/postgres$/, '/vanthu_bench');
    for (const name of ['1', '2']) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `vanthu-bench-office-pg${name}-`));
      const core = await createCore({ database: { engine: 'postgres', url, poolSize: 10 }, dataDir: dir });
      cores.push(core);
      servers.push(await serve(core, dir));
    }
    await load(servers, 'office.pg2');
  } finally {
    for (const s of servers) await s.close();
    for (const c of cores) await c.close();
    cluster.stop();
  }
}
