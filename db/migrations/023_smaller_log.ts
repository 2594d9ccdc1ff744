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
 * The audit log's `at` is kept as epoch milliseconds (6 bytes) instead of ISO
 * text (24), in the row and in its index: the same instant to the millisecond,
 * read back by the store as the very text the app wrote (db/audit.ts).
 * PostgreSQL converts the column in place; SQLite keeps a column's declared
 * type, and its text type would turn the numbers back into text, so the log
 * is copied into a table of the new type, ids kept, and the indexes made anew.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await sql`drop index incoming_active_subject`.execute(db);
  if (engine === 'postgres') {
    await sql`alter table audit_log alter column at type bigint using round(extract(epoch from cast(at as timestamptz)) * 1000)`.execute(db);
    return;
  }
  await sql`create table audit_log_new (
    id integer primary key autoincrement, at integer not null, actor text not null, action text not null, entity text not null,
    entity_id integer, client_address text, changes blob, secret integer default 0 not null)`.execute(db);
  const range = await sql<{ last: number | null }>`select max(id) as last from audit_log`.execute(db);
  const last = range.rows[0]?.last ?? 0;
  for (let from = 0; from < last; from += BATCH) {
    // SQLite parses the ISO text to the millisecond (unixepoch's 'subsec'); a text it cannot read stops the migration on NOT NULL, changing nothing.
    await sql`insert into audit_log_new (id, at, actor, action, entity, entity_id, client_address, changes, secret)
      select id, cast(round(unixepoch(at, 'subsec') * 1000) as integer), actor, action, entity, entity_id, client_address, changes, secret
      from audit_log where id > ${from} and id <= ${from + BATCH} order by id`.execute(db);
  }
  // AUTOINCREMENT never gives an id twice, even one whose row is gone: the old log's counter carries on.
  const seq = await sql<{ seq: number }>`select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`alter table audit_log_new rename to audit_log`.execute(db);
  const kept = seq.rows[0]?.seq;
  if (kept !== undefined) {
    await sql`delete from sqlite_sequence where name = 'audit_log'`.execute(db);
    await sql`insert into sqlite_sequence (name, seq) values ('audit_log', ${kept})`.execute(db);
  }
  await sql`create index audit_log_entity on audit_log (entity, entity_id)`.execute(db);
  await sql`create index audit_log_at on audit_log (at)`.execute(db);
}
