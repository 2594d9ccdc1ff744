import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqlBool } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index';
import type { DB } from '../../db/schema';
import { holds, impliedByStatus, taskStatus, type StatusFacts } from '../../electron/core/tasks/rules';
import { tasksStore, type TaskFilter } from '../../electron/core/tasks/store';
import { taskStates, taskStatuses, type TaskStatus } from '../../shared/tasks/status';

// The status rule is declared once (tasks/rules.ts); the store's SQL and taskStatus() are both read
// from it. Every combination of state, deadline and completion around today and the due-soon limit
// is put in an in-memory database and its status asked of both.
const clock = { today: '2026-11-25', soonUntil: '2026-11-30' };
const dues = [null, '2026-11-20', '2026-11-24', '2026-11-25', '2026-11-27', '2026-11-30', '2026-12-01'];
const completions = (due: string | null) => [null, '2026-11-19', '2026-11-22', due, '2026-11-26', '2026-12-02'];
const cases: StatusFacts[] = taskStates.flatMap((state) => dues.flatMap((due) => [...new Set(completions(due))].map((completedAt) => ({ state, due, completedAt }))));

const everyone = { row: sql<SqlBool>`1 = 1`, incomingSource: sql<SqlBool>`1 = 1`, outgoingSource: sql<SqlBool>`1 = 1` };
const filter = (status: TaskStatus | null): TaskFilter => ({ access: everyone, unitId: null, status, source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null });
const page = { offset: 0, limit: 1000, sort: 'due' as const, dir: 'asc' as const };

let sqlite: Database.Database;
let db: Kysely<DB>;
const idOf = new Map<number, StatusFacts>();

beforeAll(async () => {
  sqlite = new Database(':memory:');
  db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  for (const m of migrations) await m.up(db as unknown as Kysely<unknown>);
  const at = Date.parse('2026-11-01T00:00:00.000Z');
  for (const [i, f] of cases.entries()) {
    const task = await db
      .insertInto('tasks')
      .values({ content: `Trường hợp ${i}`, content_fold: `truong hop ${i}`, source_incoming_id: null, source_outgoing_id: null, source_text: null, assigned_by: null, lead_unit_id: null, person: null, start_date: null, time_text: null, recurrence_json: null, focus: 0, field: null, target_quantity: null, target_unit: null, in_superior_programme: 0, state: f.state, state_reason: null, note: null, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const occ = await db
      .insertInto('task_occurrences')
      .values({ task_id: task.id, period_key: 'once', period_label: null, due_date: f.due, completed_at: f.completedAt, result: null, created_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    idOf.set(occ.id, f);
  }
});

afterAll(async () => {
  await db.destroy();
});

describe('one status rule, in SQL and in TypeScript (today 25/11/2026, due soon until 30/11/2026)', () => {
  it('gives every occurrence the same status in the store as taskStatus()', async () => {
    const { rows, total } = await tasksStore({ db, engine: 'sqlite' }).list(filter(null), clock, page);
    expect(total).toBe(cases.length);
    const differ = rows.map((r) => ({ facts: idOf.get(r.occurrence_id)!, sql: r.status })).filter((r) => r.sql !== taskStatus(r.facts, clock.today, clock.soonUntil));
    expect(differ).toEqual([]);
    // The table reaches every status, so agreement is not agreement on a few.
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(taskStatuses));
  });

  it.each(taskStatuses)('filters and counts %s as taskStatus() does, index hint included', async (status) => {
    const store = tasksStore({ db, engine: 'sqlite' });
    const { rows, total } = await store.list(filter(status), clock, page);
    const expected = cases.filter((f) => taskStatus(f, clock.today, clock.soonUntil) === status);
    expect(total).toBe(expected.length);
    expect(rows.map((r) => idOf.get(r.occurrence_id))).toEqual(expect.arrayContaining(expected));
    const summed = (await store.summary({ from: null, to: null }, clock, everyone)).filter((r) => r.status === status).reduce((n, r) => n + r.n, 0);
    expect(summed).toBe(expected.length);
  });

  it('a status\'s index hint holds wherever the rule gives that status', () => {
    for (const [status, hint] of Object.entries(impliedByStatus)) {
      const given = cases.filter((f) => taskStatus(f, clock.today, clock.soonUntil) === status);
      expect(given.length, status).toBeGreaterThan(0);
      for (const f of given) expect(holds(hint, f, clock), `${status} ${JSON.stringify(f)}`).toBe(true);
    }
  });
});
