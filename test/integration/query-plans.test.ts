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
let admin = { session: '' };

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:30:00Z'), queryPlugins: [recorder] });
  const c = t.core;
  ok(await c.call('agency.update', standardAgency));
  const unit = ok(await c.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  for (let i = 1; i <= 30; i++)
    ok(await c.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: `${i}/UBND-KT`, documentDate: '2026-11-20', subject: `Văn bản ${i}`, leadUnitId: unit, ...(i % 7 === 0 ? { secrecy: 'mat' as const } : {}) }));
  ok(await c.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
  admin = { session: ok(await c.call('auth.login', { username: 'quantri', password: PASSWORD })).session };
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

// The partial index of hidden documents (trash, secret) is read whole by design: it holds only those.
const fullScan = /SCAN (i|incoming|o|outgoing|audit_log|a)\b(?! USING INDEX \w+_hidden)/;

describe('query plans of registration and the register page', () => {
  it('registration reads no whole table', async () => {
    let k = 100;
    const plans = await plansOf(async () =>
      ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-25', senderName: 'UBND tỉnh Lạng Sơn', notation: `${k++}/UBND-KT`, documentDate: '2026-11-20', subject: 'Văn bản mới' }, clerk)),
    );
    expect(plans.length).toBeGreaterThan(3);
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(fullScan);
    // The duplicate check seeks notation and date (a handful of rows at most) among the documents with a notation.
    expect(plans.map((p) => p.plan).join('\n')).toContain('incoming_duplicate (notation_key=? AND document_date=?)');
  });

  it('no query of the register, its sorts and filters, the sender suggestions or the audit log reads the sender index (migration 018 dropped it)', async () => {
    const calls = [
      ...(['arrivalDate', 'arrivalNumber', 'documentDate', 'senderName', 'subject', 'deadline'] as const).map((sort) => () => t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort, dir: 'asc' }, clerk)),
      () => t.core.call('incoming.list', { sender: 'Lạng Sơn', sort: 'senderName' }, clerk),
      () => t.core.call('incoming.senders', { q: 'UBND' }, clerk),
      () => t.core.call('audit.list', { from: '2026-11-25', to: '2026-11-25' }, admin),
      () => t.core.call('audit.list', { entity: 'incoming', entityId: 1 }, admin),
    ];
    for (const call of calls) for (const p of await plansOf(async () => ok<unknown>(await call()))) expect(p.plan, p.sql).not.toMatch(/incoming_sender|SCAN (o|outgoing|audit_log|a)\b/);
    expect(raw.prepare("select name from sqlite_schema where name = 'incoming_sender'").get()).toBeUndefined();
  });

  it('the page of a year, for a clerk without the secret grant: the total from the period index, without joins', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' }, clerk)));
    const count = plans.find((p) => /count\(\*\)/i.test(p.sql))!;
    expect(count.plan).toMatch(/^SEARCH i USING (COVERING )?INDEX incoming_active_(arrival|figures) \(arrival_date>\? AND arrival_date<\?\)$/);
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(fullScan);
    expect(ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' }, clerk)).total).toBe(27);
  });

  it('a sender\'s page and its total come from one reading of the full-text index; a page past the end is still counted', async () => {
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const expected = ok(await t.core.call('incoming.list', { ...year, pageSize: 500 }, clerk)).items.filter((d) => d.senderName.includes('Lạng Sơn')).map((d) => d.id);
    expect(expected.length).toBeGreaterThan(10);
    const plans = await plansOf(async () => ok(await t.core.call('incoming.list', { ...year, sender: 'Lạng Sơn', pageSize: 5 }, clerk)));
    expect(plans.filter((p) => p.sql.includes('doc_search'))).toHaveLength(1);
    const paged: number[] = [];
    const totals = new Set<number>();
    for (let page = 1; page <= Math.ceil(expected.length / 5); page++) {
      const r = ok(await t.core.call('incoming.list', { ...year, sender: 'Lạng Sơn', pageSize: 5, page }, clerk));
      totals.add(r.total);
      paged.push(...r.items.map((d) => d.id));
    }
    expect(paged).toEqual(expected);
    expect([...totals]).toEqual([expected.length]);
    expect(ok(await t.core.call('incoming.list', { ...year, sender: 'Lạng Sơn', pageSize: 5, page: 100 }, clerk))).toEqual(expect.objectContaining({ items: [], total: expected.length }));
  });

  it('the outgoing register counts its year from the documents alone, and reads whole and joined only the page\'s rows', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('outgoing.list', { from: '2026-01-01', to: '2026-12-31' }, clerk)));
    const count = plans.find((p) => /count\(\*\)/i.test(p.sql))!;
    expect(count.sql).not.toMatch(/\bjoin\b/);
    const page = plans.find((p) => /^select "o"\.\*/.test(p.sql))!;
    expect(page.plan).toMatch(/^SEARCH o USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY/);
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(fullScan);
  });

  it('a page by subject, of a year, a week or a filtered year, is sought by period and sorted (no subject index, migration 023)', async () => {
    const pageIds = (plans: { sql: string; plan: string }[]) => plans.find((p) => /^select "i"\."id" from/.test(p.sql))!.plan;
    const year = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort: 'subject', page: 2, pageSize: 10 }, clerk)));
    expect(pageIds(year)).toContain('incoming_active_arrival (arrival_date>? AND arrival_date<?)');
    expect(pageIds(year)).toContain('USE TEMP B-TREE FOR ORDER BY');
    const week = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-11-23', to: '2026-11-29', sort: 'subject' }, clerk)));
    expect(pageIds(week)).toContain('incoming_active_arrival (arrival_date>? AND arrival_date<?)');
    const overdue = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort: 'subject', status: 'overdue' }, clerk)));
    expect(pageIds(overdue)).toContain('incoming_active_arrival (arrival_date>? AND arrival_date<?)');
    // The same documents in the same order either way: the clerk's year by subject, page after page.
    const all = ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort: 'subject', dir: 'asc', pageSize: 500 }, clerk)).items;
    const paged = [];
    for (let page = 1; page <= 3; page++) paged.push(...ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort: 'subject', dir: 'asc', pageSize: 10, page }, clerk)).items);
    expect(paged.map((d) => d.id)).toEqual(all.slice(0, 30).map((d) => d.id));
    const subjects = all.map((d) => d.subject);
    expect(subjects).toEqual([...subjects].sort());
    expect(all.every((d) => d.secrecy === null)).toBe(true);
  });

  it('the home page finds the overdue tasks of every year among the open occurrences, by due date', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.dashboard', { year: 2026 }, clerk)));
    const overdue = plans.filter((p) => p.sql.includes("'overdue'") && /count\(\*\)/i.test(p.sql) && !/o\.due_date >=/.test(p.sql));
    expect(overdue.length).toBeGreaterThan(0);
    for (const p of overdue) expect(p.plan, p.sql).toContain('SEARCH o USING COVERING INDEX task_occurrences_open_due (due_date<?)');
    // Only the ten shown join their sources and look up their latest progress.
    const list = plans.find((p) => p.sql.includes('"last_progress"'))!;
    expect(list.plan).toMatch(/^SEARCH o USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY/);
  });

  it('search goes from the index\'s matches to the documents, without reading every document of every year', async () => {
    for (const q of ['UBND', '12/UBND', 'van ban'])
      for (const p of await plansOf(async () => ok(await t.core.call('search.global', { q }, clerk)))) expect(p.plan, p.sql).not.toMatch(fullScan);
  });
});

describe('search of a common word ranks the newest matches, not all of them', () => {
  let old = 0;
  let officer = { session: '' };
  beforeAll(async () => {
    const c = t.core;
    const unit = ok(await c.call('units.create', { name: 'Phòng Quan trắc', abbreviation: 'QT', kind: 'internal' }, admin)).id;
    const sender = 'Sở Tài nguyên và Môi trường';
    // Older than the window of the 200 newest matches, and the only one with the notation.
    old = ok(await c.call('incoming.register', { arrivalDate: '2026-01-05', senderName: sender, notation: '5/KH-STNMT', documentDate: '2026-01-02', subject: 'Thông báo kế hoạch quan trắc', leadUnitId: unit }, clerk)).id;
    for (let i = 1; i <= 210; i++)
      ok(await c.call('incoming.register', { arrivalDate: `2026-11-${String(1 + (i % 20)).padStart(2, '0')}`, senderName: sender, notation: `${i}/TB-VP`, documentDate: '2026-10-30', subject: `Thông báo số ${i}` }, clerk));
    ok(await c.call('users.create', { username: 'quantrac', password: PASSWORD, fullName: 'Chuyên viên', role: 'officer', unitId: unit }, admin));
    officer = { session: ok(await c.call('auth.login', { username: 'quantrac', password: PASSWORD })).session };
  });

  it('sorts no set of matches: the full-text index hands them over newest first, a window at a time', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('search.global', { q: 'thong bao' }, clerk)));
    for (const p of plans) expect(p.plan, p.sql).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN (i|o)\b(?! USING INDEX \w+_hidden)/);
    // The total is the newest matches up to the cap, less the hidden documents: no count of every match, no lookup of each.
    expect(plans.filter((p) => /count\(\*\)/.test(p.sql))).toEqual([]);
    expect(plans.some((p) => /order by rowid desc limit/.test(p.sql))).toBe(true);
  });

  it('an old notation match still comes first, then the newest; the total counts every match', async () => {
    const r = ok(await t.core.call('search.global', { q: 'KH-STNMT' }, clerk));
    expect(r.hits.map((h) => h.id)).toEqual([old]);
    const common = ok(await t.core.call('search.global', { q: 'stnmt', limit: 5 }, clerk));
    expect(common.hits[0]?.id).toBe(old);
    const dates = common.hits.slice(1).map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2026-11-20');
    expect(common.totals.incoming).toBe(211);
  });

  it('a Chuyên viên who sees none of the newest matches still finds the older one of their unit', async () => {
    const r = ok(await t.core.call('search.global', { q: 'thong bao' }, officer));
    expect(r.hits.map((h) => h.id)).toEqual([old]);
    expect(r.total).toBe(1);
  });
});

describe('the home page and the monthly report read from indexes that hold their figures', () => {
  beforeAll(async () => {
    const c = t.core;
    const proc = ok(await c.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 }, clerk)).id;
    const dossier = async (receivedAt: string, resultDate?: string) => {
      const d = ok(await c.call('tthc.register', { procedureId: proc, applicantName: 'Công ty A', applicantKind: 'organisation', receivedAt, channel: 'direct' }, clerk));
      if (resultDate) ok(await c.call('tthc.complete', { id: d.id, resultDate }, clerk));
    };
    // Finished in 2025: never carried over into 2026. Still open, and finished in January: both are.
    await dossier('2025-03-02', '2025-03-10');
    await dossier('2025-12-20');
    await dossier('2025-12-22', '2026-01-06');
    await dossier('2026-11-02');
  });

  const plansSql = (plans: { sql: string; plan: string }[], table: string) => plans.filter((p) => new RegExp(`from "${table}"`).test(p.sql));

  it('TTHC figures read the period, the dossiers still open and those that left since it began: not every dossier ever received', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.dashboard', { year: 2026 }, clerk)));
    const tthcPlans = plansSql(plans, 'tthc_dossiers');
    expect(tthcPlans.length).toBeGreaterThan(0);
    const joined = tthcPlans.map((p) => p.plan).join('\n');
    expect(joined).not.toMatch(/SCAN d\b/);
    expect(joined).toContain('tthc_dossiers_left (<expr>>?)');
    // Those received before the period are read only from the open ones and those that left since it began.
    expect(joined).not.toContain('(received_at<?)');
    const f = ok(await t.core.call('reports.monthly', { year: 2026, month: 1 }, clerk));
    expect(f.tthc.month).toEqual(expect.objectContaining({ received: 0, carriedOver: 2, solvedOnTime: 1, withdrawn: 0 }));
    expect(f.tthc.yearToDate).toEqual(expect.objectContaining({ received: 0, carriedOver: 2 }));
    expect(ok(await t.core.call('reports.monthly', { year: 2026, month: 11 }, clerk)).tthc.month).toEqual(expect.objectContaining({ received: 1, carriedOver: 1 }));
  });

  it('TTHC figures read the period and the dossiers still open from indexes that hold their status, not from the dossiers', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.monthly', { year: 2026, month: 11 }, clerk)));
    const joined = plansSql(plans, 'tthc_dossiers').map((p) => p.plan).join('\n');
    expect(joined).toContain('COVERING INDEX tthc_dossiers_received (received_at>? AND received_at<?)');
    expect(joined).toContain('COVERING INDEX tthc_dossiers_result (result_date=? AND withdrawn_at=? AND received_at<?)');
  });

  it('the monthly report reads the year\'s incoming documents once for the month and the year to date', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.monthly', { year: 2026, month: 11 }, clerk)));
    expect(plansSql(plans, 'incoming')).toHaveLength(1);
  });

  it('the registers\' figures of the home page and the monthly report are counted from indexes alone', async () => {
    for (const call of [async () => ok(await t.core.call('reports.dashboard', { year: 2026 }, clerk)), async () => ok(await t.core.call('reports.monthly', { year: 2026, month: 11 }, clerk))]) {
      const plans = await plansOf(call);
      for (const p of [...plansSql(plans, 'incoming'), ...plansSql(plans, 'outgoing')]) {
        expect(p.plan, p.sql).not.toMatch(fullScan);
        expect(p.plan, p.sql).toMatch(/COVERING INDEX|incoming_open_deadline/);
      }
    }
  });

  it('the open documents due by today come from the open ones by deadline, not every deadline of every year', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('reports.dashboard', { year: 2026 }, clerk)));
    const due = plans.find((p) => /"i"\."completed_at" is null/.test(p.sql) && /order by "i"\."deadline"/.test(p.sql))!;
    expect(due.plan).toMatch(/^SEARCH i USING INDEX incoming_open_deadline \(deadline<\?\)$/);
  });

  it('a list filtered by status counts from the period index alone', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', status: 'overdue' }, clerk)));
    const count = plans.find((p) => /count\(\*\)/i.test(p.sql))!;
    expect(count.plan).toMatch(/COVERING INDEX incoming_active_arrival/);
  });

  it('a page of the register, deep or filtered, picks its ids from the period index alone, in its order, and reads only its own rows', async () => {
    const inputs = [
      { from: '2026-01-01', to: '2026-12-31', page: 3, pageSize: 5 },
      { from: '2026-01-01', to: '2026-12-31', status: 'in_progress' as const, urgency: 'khan' as const, documentType: 'CV' },
      { from: '2026-01-01', to: '2026-12-31', status: 'overdue' as const, sort: 'arrivalDate' as const, dir: 'asc' as const },
    ];
    for (const input of inputs) {
      const plans = await plansOf(async () => ok(await t.core.call('incoming.list', input, clerk)));
      const page = plans.find((p) => p.sql.startsWith('select "i".*'))!;
      expect(page.sql).toMatch(/"i"\."id" in \(select "i"\."id" from "incoming" as "i"/);
      // The ids: the period index in the page's order (no sort), nothing read from the table; then the page's rows by id.
      expect(page.plan).toMatch(/^SEARCH i USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY 1 \| SEARCH i USING COVERING INDEX incoming_active_arrival \(arrival_date>\? AND arrival_date<\?\) \| SEARCH r /);
      for (const p of plans) {
        expect(p.plan, p.sql).not.toMatch(fullScan);
        if (/count\(\*\)/i.test(p.sql)) expect(p.plan, p.sql).toMatch(/^SEARCH i USING COVERING INDEX incoming_active_arrival/);
      }
    }
  });

  it('a year\'s register book is read from the period index in its order, not from every year of the register', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('exports.incomingRegister', { from: '2026-01-01', to: '2026-12-31', format: 'xlsx' }, clerk)));
    const chunk = plans.find((p) => p.sql.startsWith('select "i".*'))!;
    expect(chunk.plan).toMatch(/^SEARCH i USING INDEX incoming_active_arrival \(arrival_date>\? AND arrival_date<\?\)/);
    expect(chunk.plan).not.toContain('TEMP B-TREE FOR ORDER BY');
  });

  it('a page sorted by deadline sorts the period index\'s entries, not the documents', async () => {
    const plans = await plansOf(async () => ok(await t.core.call('incoming.list', { from: '2026-07-01', to: '2026-12-31', sort: 'deadline' }, clerk)));
    const page = plans.find((p) => p.sql.startsWith('select "i".*'))!;
    expect(page.plan).toMatch(/LIST SUBQUERY 1 \| SEARCH i USING COVERING INDEX incoming_active_arrival \(arrival_date>\? AND arrival_date<\?\) \| USE TEMP B-TREE FOR ORDER BY \| SEARCH r /);
  });

  it('the page is the same whichever way its ids are picked: the register order, the filter, the offset', async () => {
    const all = ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 500 }, admin)).items.map((d) => d.id);
    const paged: number[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 4); page++) paged.push(...ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 4, page }, admin)).items.map((d) => d.id));
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(30);
    // Same-day documents in their register order, the newest first.
    const rows = ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 500 }, admin)).items;
    const key = (d: { arrivalDate: string; arrivalNumber: number; id: number }) => `${d.arrivalDate} ${String(d.arrivalNumber).padStart(8, '0')} ${String(d.id).padStart(8, '0')}`;
    expect(rows.map(key)).toEqual(rows.map(key).sort().reverse());
  });
});
