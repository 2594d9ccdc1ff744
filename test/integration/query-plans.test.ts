/**
 * The plans of the queries behind registration and the register's page, as
 * SQLite chooses them (EXPLAIN QUERY PLAN of the SQL the app really runs):
 * no query reads a whole table of documents or of the audit log, and the
 * page's total is counted from the period index alone, without joins; the
 * home page's overdue tasks come from the index of open occurrences; search
 * starts from the full-text index.
 */
import Database from 'better-sqlite3';
import { SqliteQueryCompiler, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';

interface Ran {
  sql: string;
  parameters: readonly unknown[];
}
let ran: Ran[] = [];
const compiler = new SqliteQueryCompiler();
const recorder: KyselyPlugin = {
  transformQuery(a) {
    const c = compiler.compileQuery(a.node, a.queryId);
    ran.push({ sql: c.sql, parameters: c.parameters });
    return a.node;
  },
  transformResult: async (a) => a.result,
};

let t: TestCore;
let raw: Database.Database;
const PASSWORD = 'mat-khau-dai-du-12';
let clerk = { session: '' };

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z'), queryPlugins: [recorder] });
  const c = t.core;
  ok(await c.call('agency.update', standardAgency));
  const unit = ok(await c.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  for (let i = 1; i <= 30; i++)
    ok(await c.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: `${i}/UBND-KT`, documentDate: '2026-11-20', subject: `Văn bản ${i}`, leadUnitId: unit, ...(i % 7 === 0 ? { secrecy: 'mat' as const } : {}) }));
  ok(await c.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
  const admin = { session: ok(await c.call('auth.login', { username: 'quantri', password: PASSWORD })).session };
  ok(await c.call('users.create', { username: 'vanthu', password: PASSWORD, fullName: 'Văn thư', role: 'clerk', secretAccess: false }, admin));
  clerk = { session: ok(await c.call('auth.login', { username: 'vanthu', password: PASSWORD })).session };
  raw = new Database(t.dbPath, { readonly: true });
});
afterAll(async () => {
  raw.close();
  await t.close();
});

/** The plan of every query a call ran, one line per query. */
async function plansOf(call: () => Promise<unknown>): Promise<{ sql: string; plan: string }[]> {
  ran = [];
  await call();
  return ran
    .filter((r) => /^\s*select/i.test(r.sql))
    .map((r) => ({
      sql: r.sql,
      plan: (raw.prepare(`explain query plan ${r.sql}`).all(...(r.parameters as unknown[])) as { detail: string }[]).map((p) => p.detail).join(' | '),
    }));
}

const fullScan = /SCAN (i|incoming|o|outgoing|audit_log|a)\b/;

describe('query plans of registration and the register page', () => {
  it('registration reads no whole table', async () => {
    let k = 100;
    const plans = await plansOf(async () =>
      ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: `${k++}/UBND-KT`, documentDate: '2026-11-20', subject: 'Văn bản mới' }, clerk)),
    );
    expect(plans.length).toBeGreaterThan(3);
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(fullScan);
    // The duplicate check seeks notation, date and sender together.
    expect(plans.map((p) => p.plan).join('\n')).toContain('incoming_duplicate (notation_key=? AND document_date=? AND sender_fold=?)');
  });

  it('the page of a year, for a clerk without the secret grant: the total from the period index, without joins', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' }, clerk)));
    const count = plans.find((p) => /count\(\*\)/i.test(p.sql))!;
    expect(count.plan).toMatch(/^SEARCH i USING (COVERING )?INDEX incoming_active_arrival \(arrival_date>\? AND arrival_date<\?\)$/);
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(fullScan);
    expect(ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' }, clerk)).total).toBe(27);
  });

  it('the home page finds the overdue tasks of every year among the open occurrences, by due date', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.dashboard', { year: 2026 }, clerk)));
    const overdue = plans.filter((p) => p.sql.includes("'overdue'") && /count\(\*\)/i.test(p.sql) && !/o\.due_date >=/.test(p.sql));
    expect(overdue.length).toBeGreaterThan(0);
    for (const p of overdue) expect(p.plan, p.sql).toContain('SEARCH o USING INDEX task_occurrences_open_due (due_date<?)');
  });

  it('search goes from the index\'s matches to the documents, without reading every document of every year', async () => {
    for (const q of ['UBND', '12/UBND', 'van ban'])
      for (const p of await plansOf(async () => ok(await t.core.call('search.global', { q }, clerk)))) expect(p.plan, p.sql).not.toMatch(fullScan);
  });
});
