import { sql, type Kysely } from 'kysely';

/**
 * A message whose fate is unknown: the server may have taken it (the line
 * dropped or the reply never came after the message was sent), so it is never
 * sent again by itself; the clerk resends it or marks it delivered. SQLite
 * cannot change a CHECK constraint, so the table is rebuilt with its rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox_new')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('to_json', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'error', 'unknown', 'cancelled')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Version 7 parked a message interrupted mid-send as an error due in 9999; it is exactly an unknown one.
  await sql`insert into outbox_new select id, message_id, to_json, subject, body, attachments_json,
    case when status = 'error' and next_attempt_at >= '9999' then 'unknown' else status end,
    attempts, next_attempt_at, last_error, sent_at, created_at, updated_at from outbox`.execute(db);
  await db.schema.dropTable('outbox').execute();
  await db.schema.alterTable('outbox_new').renameTo('outbox').execute();
  await db.schema.createIndex('outbox_due').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
