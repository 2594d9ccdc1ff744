import { sql, type Kysely } from 'kysely';

/**
 * Registers and the incoming and outgoing documents. Numbers are unique per
 * register and year; the search index is a separate concern (003).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('registers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('incoming', 'outgoing')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived_at', 'text')
    .execute();
  await sql`insert into registers (kind, name, secret, sort_order) values
    ('incoming', 'Sổ văn bản đến', 0, 1),
    ('incoming', 'Sổ văn bản đến mật', 1, 2),
    ('outgoing', 'Sổ văn bản đi', 0, 3),
    ('outgoing', 'Sổ văn bản đi mật', 1, 4)`.execute(db);

  await db.schema
    .createTable('incoming')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('arrival_number', 'integer', (c) => c.notNull())
    .addColumn('arrival_date', 'text', (c) => c.notNull())
    .addColumn('sender_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('sender_name', 'text', (c) => c.notNull())
    .addColumn('sender_fold', 'text', (c) => c.notNull())
    .addColumn('notation', 'text')
    .addColumn('notation_key', 'text')
    .addColumn('document_number', 'integer')
    .addColumn('document_type', 'text')
    .addColumn('document_date', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('urgency', 'text')
    .addColumn('secrecy', 'text')
    .addColumn('pages', 'integer')
    .addColumn('received_via', 'text')
    .addColumn('recipient_text', 'text')
    .addColumn('transfer_date', 'text')
    .addColumn('instruction', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('deadline', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('reply_outgoing_id', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Never two documents with one number in a register's year.
  await db.schema.createIndex('incoming_number').unique().on('incoming').columns(['register_id', 'year', 'arrival_number']).execute();
  // Lists and counts of a period read only this index (deleted rows are not in it).
  await db.schema
    .createIndex('incoming_active_arrival')
    .on('incoming')
    .columns(['arrival_date', 'arrival_number'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('incoming_duplicate').on('incoming').columns(['notation_key', 'document_date']).execute();
  await db.schema.createIndex('incoming_sender').on('incoming').columns(['sender_fold', 'arrival_date']).execute();
  await db.schema.createIndex('incoming_lead').on('incoming').columns(['lead_unit_id', 'arrival_date']).execute();
  await db.schema.createIndex('incoming_deadline').on('incoming').columns(['deadline']).execute();

  await db.schema
    .createTable('incoming_coordinators')
    .addColumn('incoming_id', 'integer', (c) => c.notNull().references('incoming.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('incoming_coordinators_pk', ['incoming_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('outgoing')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id'))
    .addColumn('year', 'integer')
    .addColumn('number', 'integer')
    .addColumn('notation', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'issued', 'sent', 'cancelled')`))
    .addColumn('issue_date', 'text')
    .addColumn('document_type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('signing_authority', 'text')
    .addColumn('drafting_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('drafter_initials', 'text')
    .addColumn('recipients_text', 'text')
    .addColumn('copies', 'integer')
    .addColumn('urgency', 'text')
    .addColumn('secrecy', 'text')
    .addColumn('transfer_date', 'text')
    .addColumn('sent_via', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('outgoing_number').unique().on('outgoing').columns(['register_id', 'year', 'number']).execute();
  await db.schema.createIndex('outgoing_issue').on('outgoing').columns(['issue_date', 'number']).execute();
  await db.schema.createIndex('outgoing_status').on('outgoing').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('outgoing_recipients')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('outgoing_id', 'integer', (c) => c.notNull().references('outgoing.id'))
    .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('outgoing_recipients_doc').on('outgoing_recipients').column('outgoing_id').execute();

  await db.schema
    .createTable('outgoing_replies')
    .addColumn('outgoing_id', 'integer', (c) => c.notNull().references('outgoing.id'))
    .addColumn('incoming_id', 'integer', (c) => c.notNull().references('incoming.id'))
    .addPrimaryKeyConstraint('outgoing_replies_pk', ['outgoing_id', 'incoming_id'])
    .execute();
  await db.schema.createIndex('outgoing_replies_incoming').on('outgoing_replies').column('incoming_id').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('owner_kind', 'text', (c) => c.notNull().check(sql`owner_kind in ('incoming', 'outgoing')`))
    .addColumn('owner_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('attachments_owner').on('attachments').columns(['owner_kind', 'owner_id']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .execute();
}
