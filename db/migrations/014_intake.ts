import { sql, type Kysely } from 'kysely';

/**
 * Intake: documents waiting to be registered, whatever way they came (mail,
 * a watched folder, an upload). Their files are kept under cho-vao-so/ beside
 * the database, named by sha256, so an item survives restarts. The mailbox's
 * place per IMAP folder (UIDVALIDITY, last UID) and the keys of messages
 * already taken (Message-ID + sha256) keep a message from being taken twice,
 * also when the server renumbers a folder. A watched folder whose files are
 * left in place remembers what it took. The register keeps where each
 * document came from (incoming.origin).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intake_items')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('waiting', 'set_aside', 'registered')`))
    .addColumn('origin_kind', 'text', (c) => c.notNull().check(sql`origin_kind in ('mail', 'folder', 'upload')`))
    .addColumn('origin_json', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text')
    .addColumn('reading', 'text', (c) => c.notNull().check(sql`reading in ('pending', 'done', 'failed')`))
    .addColumn('read_json', 'text')
    .addColumn('read_error', 'text')
    .addColumn('set_aside_reason', 'text')
    .addColumn('incoming_id', 'integer', (c) => c.references('incoming.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_items_status').on('intake_items').columns(['status', 'id']).execute();
  await db.schema
    .createTable('intake_files')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('item_id', 'integer', (c) => c.notNull().references('intake_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_files_item').on('intake_files').column('item_id').execute();
  await db.schema.createIndex('intake_files_sha').on('intake_files').column('sha256').execute();
  await db.schema.createIndex('attachments_sha').on('attachments').column('sha256').execute();
  await db.schema
    .createTable('intake_mail_folders')
    .addColumn('folder', 'text', (c) => c.primaryKey())
    .addColumn('uid_validity', 'text', (c) => c.notNull())
    .addColumn('last_uid', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('intake_mail_taken')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('intake_watch_folders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('after_take', 'text', (c) => c.notNull().check(sql`after_take in ('move', 'leave')`))
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('last_scan_at', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema
    .createTable('intake_folder_taken')
    .addColumn('folder_id', 'integer', (c) => c.notNull().references('intake_watch_folders.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mtime_ms', 'integer', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('intake_folder_taken_pk', ['folder_id', 'name', 'size', 'mtime_ms'])
    .execute();
  await db.schema.alterTable('incoming').addColumn('origin', 'text').execute();
}
