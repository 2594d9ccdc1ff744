import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine';

/**
 * A message whose fate is unknown: the server may have taken it (the line
 * dropped or the reply never came after the message was sent), so it is never
 * sent again by itself; the clerk resends it or marks it delivered. SQLite
 * cannot change a CHECK constraint, so the table is rebuilt from its own
 * definition with the one status added, and its rows copied over.
 * PostgreSQL changes the constraint in place.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine === 'postgres') {
    await sql`alter table outbox drop constraint outbox_status_check`.execute(db);
    await sql`alter table outbox add constraint outbox_status_check check (status in ('pending', 'sending', 'sent', 'error', 'unknown', 'cancelled'))`.execute(db);
    await sql`update outbox set status = 'unknown' where status = 'error' and next_attempt_at >= '9999'`.execute(db);
    return;
  }
  const found = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'outbox'`.execute(db);
  const before = found.rows[0]?.sql ?? '';
  const after = before.replace(/^create table "outbox"/i, 'create table "outbox_new"').replace("'error', 'cancelled')", "'error', 'unknown', 'cancelled')");
  if (!after.startsWith('create table "outbox_new"') || !after.includes("'unknown'")) throw new Error(`Bảng outbox không như phiên bản 7: ${before}`);
  await sql.raw(after).execute(db);
  // Version 7 parked a message interrupted mid-send as an error due in 9999; it is exactly an unknown one.
  await sql`insert into outbox_new select id, message_id, to_json, subject, body, attachments_json,
    case when status = 'error' and next_attempt_at >= '9999' then 'unknown' else status end,
    attempts, next_attempt_at, last_error, sent_at, created_at, updated_at from outbox`.execute(db);
  await db.schema.dropTable('outbox').execute();
  await db.schema.alterTable('outbox_new').renameTo('outbox').execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
