import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine';

/** Ids per copying statement: each is one pass over a range of the log's rows. */
const BATCH = 10_000;

/**
 * A smaller database at ten years (the file and every backup of it).
 *
 * The register by subject loses the index of migration 022 (28 MB at ten
 * years, the tenth of the file): a year's page by subject is sought by period
 * and sorted as before it, about a millisecond more, and a page of all years
 * by subject, which no clerk asks for daily, reads and sorts them (~45 ms).
 *
 * Each audit row's `at` is kept as epoch milliseconds (6 bytes) instead of ISO
 * text (24), in the row and in its index: the same instant to the millisecond,
 * read back by the store as the very text the app wrote (db/audit.ts). Its
 * action and table, a few dozen pairs repeated over the whole log
 * (some 25 bytes a row), are named once in audit_kinds and the row holds the
 * pair's number, `kind` (one byte); the index by record holds it too.
 *
 * PostgreSQL converts the table in place. SQLite keeps a column's declared
 * type, and a text column would turn the numbers back into text, so the log is
 * copied into a table of the new columns, ids kept, and the indexes made anew.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await sql`drop index incoming_active_subject`.execute(db);
  await db.schema
    .createTable('audit_kinds')
    .addColumn('kind', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addUniqueConstraint('audit_kinds_action_entity', ['action', 'entity'])
    .execute();
  await sql`insert into audit_kinds (action, entity) select distinct action, entity from audit_log order by action, entity`.execute(db);
  await sql`drop index audit_log_entity`.execute(db);
  if (engine === 'postgres') await convertInPlace(db);
  else await copyConverted(db);
  await sql`create index audit_log_entity on audit_log (kind, entity_id)`.execute(db);
}

async function convertInPlace(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('kind', 'integer', (c) => c.references('audit_kinds.kind')).execute();
  await sql`update audit_log set kind = k.kind from audit_kinds k where k.action = audit_log.action and k.entity = audit_log.entity`.execute(db);
  await sql`alter table audit_log alter column kind set not null, drop column action, drop column entity,
    alter column at type bigint using round(extract(epoch from cast(at as timestamptz)) * 1000)`.execute(db);
}

async function copyConverted(db: Kysely<unknown>): Promise<void> {
  // The columns in PostgreSQL's order, which adds `kind` last: db:copy compares the rows of both engines column by column.
  await sql`create table audit_log_new (
    id integer primary key autoincrement, at integer not null, actor text not null, entity_id integer, client_address text,
    changes blob, secret integer default 0 not null, kind integer not null references audit_kinds (kind))`.execute(db);
  const range = await sql<{ last: number | null }>`select max(id) as last from audit_log`.execute(db);
  const last = range.rows[0]?.last ?? 0;
  for (let from = 0; from < last; from += BATCH) {
    // SQLite parses the ISO text to the millisecond (unixepoch's 'subsec'); a text it cannot read stops the migration on NOT NULL, changing nothing.
    await sql`insert into audit_log_new (id, at, actor, entity_id, client_address, changes, secret, kind)
      select l.id, cast(round(unixepoch(l.at, 'subsec') * 1000) as integer), l.actor, l.entity_id, l.client_address, l.changes, l.secret, k.kind
      from audit_log l join audit_kinds k on k.action = l.action and k.entity = l.entity
      where l.id > ${from} and l.id <= ${from + BATCH} order by l.id`.execute(db);
  }
  const counts = await sql<{ old: number; copied: number }>`select (select count(*) from audit_log) as old, (select count(*) from audit_log_new) as copied`.execute(db);
  const c = counts.rows[0];
  if (!c || c.old !== c.copied) throw new Error(`Nâng cấp nhật ký dừng lại: chép được ${c?.copied} trên ${c?.old} dòng; cơ sở dữ liệu giữ nguyên.`);
  // AUTOINCREMENT never gives an id twice, even one whose row is gone: the old log's counter carries on.
  const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_new rename to audit_log`.execute(db);
  const kept = seq.rows[0]?.seq;
  if (kept !== undefined) {
    await sql`delete from sqlite_sequence where name = 'audit_log'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) values ('audit_log', ${kept})`.execute(db);
  }
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
}
