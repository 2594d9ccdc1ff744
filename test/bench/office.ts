/**
 * The office server under load: 20 clients over TLS on loopback, each with
 * its own user and session, each registering 100 documents with list and
 * search calls in between, as clerks at their desks would. Requests per
 * second, p50/p95 per method, errors (goal 0), and whether the arrival
 * numbers have gaps or duplicates (goal none).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/index';
import { pinnedRequest } from '../../electron/office/pinned';
import { startOfficeServer } from '../../electron/office/server';
import { print, printPercentiles } from './stats';

const CLIENTS = 20;
const DOCUMENTS = 100;
const PASSWORD = 'mat-khau-do-tai-2026';
const TODAY = '2026-11-20';

export async function officeFigures(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-office-'));
  const core = await createCore({ dbPath: path.join(dir, 'van-thu.sqlite') });
  const server = await startOfficeServer({ core, listen: { host: '127.0.0.1', port: 0 }, certDir: path.join(dir, 'may-chu') });
  const times = new Map<string, number[]>();
  let errors = 0;
  let firstError = '';

  async function api<T>(method: string, input: unknown, session = '', requestId?: string): Promise<T | null> {
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
  const sessions = await Promise.all(names.map(async (username) => (await api<{ session: string }>('auth.login', { username, password: PASSWORD }))?.session ?? ''));
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
        );
        if (doc) numbers.push(doc.arrivalNumber);
        if (i % 2 === 0) await api('incoming.list', { pageSize: 50 }, session);
        if (i % 5 === 0) await api('search.global', { q: `may chu van phong ${c + 1}` }, session);
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

  print({ name: 'office.clients', value: CLIENTS, unit: 'clients', n: 1 });
  print({ name: 'office.requests_per_s', value: requests / seconds, unit: 'req/s', n: requests });
  for (const [method, samples] of times) printPercentiles(`office.${method}`, samples);
  print({ name: 'office.errors', value: errors, unit: 'errors', n: requests });
  print({ name: 'office.registered', value: numbers.length, unit: 'documents', n: CLIENTS * DOCUMENTS });
  print({ name: 'office.numbers.gaps', value: gaps, unit: 'numbers', n: numbers.length });
  print({ name: 'office.numbers.duplicates', value: duplicates, unit: 'numbers', n: numbers.length });
  if (firstError) process.stderr.write(`office: first error: ${firstError}\n`);

  await server.close();
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
