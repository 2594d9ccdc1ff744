/**
 * The dialect points on PostgreSQL, each against SQLite where both must
 * agree: migrations, the schema version and its refusal, error mapping,
 * numbering under many connections, search. Runs in the integration-pg
 * project only (it needs the run's cluster, test/support/postgres.ts).
 */
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import type { PostgresTarget } from '../../db/engine';
import { containsText, fold, greatest, ilike, listOf, unindexed } from '../../db/dialect';
import { databaseErrorToAppError } from '../../db/errors';
import { LATEST_VERSION } from '../../db/migrations/index';
import { takeNumber } from '../../db/numbering';
import { postgresPool, readPostgresVersion } from '../../db/postgres';
import type { DB } from '../../db/schema';
import { createCore, type Core } from '../../electron/core/index';
import type { AppError } from '../../shared/api/errors';
import { freePort, ok, standardAgency, tempDir } from '../support/core';
import { emptyDatabase, freshDatabase } from '../support/postgres';

const opened: OpenedDatabase[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const o of opened.splice(0)) await o.close();
});

async function open(target: PostgresTarget | string): Promise<OpenedDatabase> {
  const o = await openDatabase(target, { backupDir: tempDir() });
  opened.push(o);
  return o;
}

const clock = () => new Date('2025-06-10T02:00:00Z');

async function bothCores(): Promise<{ sqlite: Core; postgres: Core }> {
  const dir = tempDir();
  const sqlite = await createCore({ dbPath: path.join(dir, 'van-thu.sqlite'), clock });
  cores.push(sqlite);
  const postgres = await createCore({ database: await freshDatabase(), dataDir: tempDir(), clock });
  cores.push(postgres);
  return { sqlite, postgres };
}

async function versionOf(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query<{ version: number }>('select version from van_thu_schema')).rows[0]!.version);
  } finally {
    await c.end();
  }
}

describe('PostgreSQL engine', () => {
  it('migrates an empty database to the latest version, and refuses one of a newer version without touching it', async () => {
    const url = await emptyDatabase();
    const first = await open({ engine: 'postgres', url });
    expect(first.engine).toBe('postgres');
    expect(first.sqlite).toBeNull();
    const untyped = first.db as unknown as Kysely<unknown>;
    expect(await readPostgresVersion(untyped)).toBe(LATEST_VERSION);
    // The last migrations' tables are there, and a count is a number.
    const tables = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_schema = 'public' and table_name in ('register_counters', 'doc_search', 'intake_items', 'request_log')`.execute(untyped);
    expect(tables.rows[0]!.n).toBe(4);
    // Opening again runs nothing twice.
    await (await openDatabase({ engine: 'postgres', url }, { backupDir: tempDir() })).close();
    expect(await versionOf(url)).toBe(LATEST_VERSION);
    await sql`update van_thu_schema set version = ${LATEST_VERSION + 1}`.execute(untyped);
    await expect(openDatabase({ engine: 'postgres', url }, { backupDir: tempDir() })).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining(`phiên bản dữ liệu ${LATEST_VERSION + 1}`) });
    expect(await versionOf(url)).toBe(LATEST_VERSION + 1);
  });

  it('migration 023 turns the audit log\'s ISO instants into milliseconds, read back as the same text, and names each action and table once; the subject index goes', async () => {
    const url = await emptyDatabase();
    const old = await openDatabase({ engine: 'postgres', url }, { backupDir: tempDir(), targetVersion: 22 });
    const at = ['2025-06-10T02:00:00.000Z', '2025-06-10T02:00:00.123Z', '2030-12-31T23:59:59.999Z'];
    for (const a of at) await sql`insert into audit_log (at, actor, action, entity, entity_id) values (${a}, 'system', 'units.create', 'units', 1)`.execute(old.db);
    await old.close();
    const untyped = (await open({ engine: 'postgres', url })).db as unknown as Kysely<unknown>;
    expect((await sql<{ at: number }>`select at from audit_log order by id`.execute(untyped)).rows.map((r) => r.at)).toEqual(at.map((a) => Date.parse(a)));
    expect((await sql<{ t: string }>`select data_type as t from information_schema.columns where table_name = 'audit_log' and column_name = 'at'`.execute(untyped)).rows).toEqual([{ t: 'bigint' }]);
    expect((await sql`select action, entity, entity_id from audit_log join audit_kinds using (kind) order by id`.execute(untyped)).rows).toEqual(at.map(() => ({ action: 'units.create', entity: 'units', entity_id: 1 })));
    expect((await sql<{ n: number }>`select count(*) as n from pg_indexes where indexname = 'incoming_active_subject'`.execute(untyped)).rows[0]!.n).toBe(0);
    const core = await createCore({ database: { engine: 'postgres', url }, dataDir: tempDir(), clock });
    cores.push(core);
    expect(ok(await core.call('audit.list', { entity: 'units' })).items.map((e) => e.at)).toEqual([...at].reverse());
    expect(ok(await core.call('audit.list', { from: '2030-12-31', to: '2030-12-31' })).total).toBe(1);
  });

  it("migration 025 turns the documents', tasks' and TTHC dossiers' instants into milliseconds, columns in SQLite's order, read back as the same text; a text it cannot read stops it", async () => {
    const url = await emptyDatabase();
    const old = await openDatabase({ engine: 'postgres', url }, { backupDir: tempDir(), targetVersion: 24 });
    const doc = (n: number, created: string, assigned: string | null) =>
      sql`insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, subject, assigned_at, created_at, updated_at)
        values (1, 2025, ${n}, '2025-06-10', 'Sở Tài chính', 'so tai chinh', ${`Văn bản ${n}`}, ${assigned}, ${created}, ${created})`.execute(old.db);
    const at = ['2025-06-10T02:00:00.000Z', '2025-06-10T23:59:59.123Z'];
    await doc(1, at[0]!, at[1]!);
    await doc(2, at[1]!, null);
    await sql`insert into outgoing (register_id, status, document_type, subject, created_at, updated_at) values (3, 'draft', 'BC', 'Dự thảo khuya', ${at[1]}, ${at[1]})`.execute(old.db);
    await old.close();
    const untyped = (await open({ engine: 'postgres', url })).db as unknown as Kysely<unknown>;
    const stored = await sql<{ assigned_at: number | null; created_at: number; updated_at: number }>`select assigned_at, created_at, updated_at from incoming order by id`.execute(untyped);
    expect(stored.rows).toEqual([
      { assigned_at: Date.parse(at[1]!), created_at: Date.parse(at[0]!), updated_at: Date.parse(at[0]!) },
      { assigned_at: null, created_at: Date.parse(at[1]!), updated_at: Date.parse(at[1]!) },
    ]);
    const cols = await sql<{ name: string; type: string; nullable: string }>`select column_name as name, data_type as type, is_nullable as nullable from information_schema.columns
      where table_name = 'incoming' order by ordinal_position`.execute(untyped);
    expect(cols.rows.filter((c) => c.name.endsWith('ed_at') && c.name !== 'completed_at' && c.name !== 'deleted_at')).toEqual([
      { name: 'assigned_at', type: 'bigint', nullable: 'YES' },
      { name: 'created_at', type: 'bigint', nullable: 'NO' },
      { name: 'updated_at', type: 'bigint', nullable: 'NO' },
    ]);
    // db:copy compares the engines' rows column by column.
    const onSqlite = await open(path.join(tempDir(), 'van-thu.sqlite'));
    const order = async (table: string) => (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = ${table} order by ordinal_position`.execute(untyped)).rows.map((c) => c.name);
    const converted = ['incoming', 'outgoing', 'tasks', 'task_occurrences', 'task_progress', 'tthc_dossiers'];
    for (const table of converted) expect(await order(table)).toEqual(onSqlite.sqlite!.prepare('select name from pragma_table_info(?) order by cid').pluck().all(table));
    const types = await sql<{ t: string; n: number }>`select data_type as t, count(*) as n from information_schema.columns
      where table_name in (${sql.join(converted)}) and column_name in ('created_at', 'updated_at') group by data_type`.execute(untyped);
    expect(types.rows).toEqual([{ t: 'bigint', n: 10 }]);
    expect((await sql<{ n: number }>`select count(*) as n from pg_indexes where indexname = 'incoming_active_arrival' and indexdef like '%lead_unit_id, assigned_at, urgency%'`.execute(untyped)).rows[0]!.n).toBe(1);
    const core = await createCore({ database: { engine: 'postgres', url }, dataDir: tempDir(), clock });
    cores.push(core);
    const got = ok(await core.call('incoming.get', { id: 1 }));
    expect([got.createdAt, got.updatedAt]).toEqual([at[0], at[0]]);
    // A draft is listed by its creation's UTC day.
    const drafts = ok(await core.call('outgoing.list', { from: '2025-06-10', to: '2025-06-10' })).items;
    expect(drafts.map((d) => [d.subject, d.createdAt])).toEqual([['Dự thảo khuya', at[1]]]);
    expect(ok(await core.call('outgoing.list', { from: '2025-06-11', to: '2025-06-11' })).total).toBe(0);
    const drafted = ok(await core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo quan trắc không khí' }));
    expect(ok(await core.call('search.global', { q: 'quan trắc không khí' })).hits.map((h) => [h.id, h.date])).toEqual([[drafted.id, '2025-06-10']]);

    const bad = await emptyDatabase();
    const older = await openDatabase({ engine: 'postgres', url: bad }, { backupDir: tempDir(), targetVersion: 24 });
    await sql`insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, subject, created_at, updated_at)
      values (1, 2025, 1, '2025-06-10', 'Sở Tài chính', 'so tai chinh', 'Văn bản hỏng', 'hôm qua', 'hôm qua')`.execute(older.db);
    await older.close();
    await expect(openDatabase({ engine: 'postgres', url: bad }, { backupDir: tempDir() })).rejects.toThrow(/Nâng cấp cơ sở dữ liệu dừng lại: một thời điểm của văn bản đến .* không đọc được .*; cơ sở dữ liệu giữ nguyên/);
    expect(await versionOf(bad)).toBe(24);
    const kept = await openDatabase({ engine: 'postgres', url: bad }, { backupDir: tempDir(), targetVersion: 24 });
    opened.push(kept);
    expect((await sql<{ created_at: string }>`select created_at from incoming`.execute(kept.db)).rows).toEqual([{ created_at: 'hôm qua' }]);
  });

  it('names the database server it cannot reach, never the password', async () => {
    const url = `postgres://vanthu:bi-mat-123@127.0.0.1:${await freePort()}/vanthu`;
    const e = await openDatabase({ engine: 'postgres', url }, { backupDir: tempDir() }).then(
      () => null,
      (x: unknown) => x as AppError,
    );
    expect(e).toMatchObject({ code: 'IO', message: expect.stringMatching(/Không kết nối được máy chủ cơ sở dữ liệu PostgreSQL 127\.0\.0\.1:\d+/) });
    expect(e!.message).not.toContain('bi-mat-123');
  });

  it('maps a unique violation to the same error as SQLite does', async () => {
    const failure = async (o: OpenedDatabase) => {
      const db = o.db as unknown as Kysely<unknown>;
      await sql`insert into settings (key, value_json) values ('k', '1')`.execute(db);
      return sql`insert into settings (key, value_json) values ('k', '2')`.execute(db).then(
        () => null,
        (e: unknown) => databaseErrorToAppError(e)?.toApiError() ?? { code: 'unmapped', message: String(e), fields: [] },
      );
    };
    const onSqlite = await failure(await open(path.join(tempDir(), 'van-thu.sqlite')));
    const onPostgres = await failure(await open(await freshDatabase()));
    expect(onSqlite).toMatchObject({ code: 'CONFLICT' });
    expect(onPostgres).toEqual(onSqlite);
  });

  it('folds, matches case-insensitively and finds fragments in SQL the same way on both engines', async () => {
    const answers = async (o: OpenedDatabase) => {
      const db = o.db as unknown as Kysely<unknown>;
      const e = o.engine;
      const v = (s: string) => sql<string>`${s}`;
      const r = await sql<{ folded: string; like: number; contains: number; literal: number; larger: number; list: string; plain: string }>`select
        (select ${listOf(e, sql<string>`x`, ', ')} from (select 'a' as x union all select 'b') as t) as list,
        ${unindexed(e, v('2025-01-01'))} as plain,
        ${fold(e, v('  Đất   ĐAI Lạng Sơn '))} as folded,
        case when ${ilike(e, v('UBND tỉnh'), 'ubnd%')} then 1 else 0 end as "like",
        case when ${containsText(e, v('448/BC-STNMT'), 'bc-st')} then 1 else 0 end as contains,
        case when ${containsText(e, v('100 phần trăm'), '%')} then 1 else 0 end as literal,
        ${greatest(e, sql<number>`3`, sql<number>`7`)} as larger`.execute(db);
      return r.rows[0];
    };
    const onSqlite = await answers(await open(path.join(tempDir(), 'van-thu.sqlite')));
    expect({ ...onSqlite, list: onSqlite!.list.split(', ').sort() }).toEqual({ folded: 'dat dai lang son', like: 1, contains: 1, literal: 0, larger: 7, list: ['a', 'b'], plain: '2025-01-01' });
    const onPostgres = await answers(await open(await freshDatabase()));
    expect({ ...onPostgres, list: onPostgres!.list.split(', ').sort() }).toEqual({ ...onSqlite, list: ['a', 'b'] });
  });

  it('gives 1..20 without gaps or repeats to 20 transactions at once from two app servers, by the counter row lock alone', async () => {
    const target = await freshDatabase();
    await (await open(target)).close();
    opened.splice(0);
    // Two plain pools on one database play two office servers, without the app's one-writer lock: the row lock must do it.
    const servers = [0, 1].map(() => new Kysely<DB>({ dialect: new PostgresDialect({ pool: postgresPool({ ...target, poolSize: 10 }) }) }));
    try {
      const taken = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          servers[i % 2]!.transaction().execute(async (trx) => {
            const n = await takeNumber(trx, 1, 2025);
            // Work after the number, as a registration does, while the counter row stays locked.
            await sql`select pg_sleep(0.01)`.execute(trx);
            return n;
          }),
        ),
      );
      expect([...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const last = await servers[0]!.selectFrom('register_counters').select('last').where('register_id', '=', 1).where('year', '=', 2025).executeTakeFirstOrThrow();
      expect(last.last).toBe(20);
    } finally {
      for (const s of servers) await s.destroy();
    }
  });

  it('finds the same documents as SQLite: words with đ typed either way, and notation fragments', async () => {
    const { sqlite, postgres } = await bothCores();
    const docs = [
      ['448/BC-STNMT', 'Sở Tài nguyên và Môi trường', 'Báo cáo kết quả công tác quản lý đất đai tháng 8'],
      ['56/KH-UBND', 'UBND tỉnh Lạng Sơn', 'Kế hoạch đo đạc địa chính'],
      ['1467/STNMT-VP', 'Sở Tài nguyên và Môi trường', 'V/v rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất'],
      ['12/TB-SNV', 'Sở Nội vụ', 'Thông báo lịch họp giao ban'],
    ];
    for (const core of [sqlite, postgres]) {
      ok(await core.call('agency.update', standardAgency));
      for (const [i, [notation, senderName, subject]] of docs.entries())
        ok(await core.call('incoming.register', { arrivalDate: `2025-05-0${i + 1}`, senderName, notation, documentDate: '2025-04-30', subject }));
    }
    const ids = async (core: Core, q: string) => ok(await core.call('search.global', { q })).hits.map((h) => `${h.kind}:${h.id}`);
    for (const q of ['đất đai', 'dat dai', 'ĐẤT', 'do dac dia chinh', 'Đo đạc', 'BC-STNMT', '448/BC', 'STNMT-VP', 'stnmt', '1467', 'giao b']) {
      const expected = await ids(sqlite, q);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(await ids(postgres, q), q).toEqual(expected);
    }
  });
});
