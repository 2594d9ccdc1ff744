import { sql, type Kysely } from 'kysely';
import { publishedAdjustments } from '../../shared/calendar/published';

/**
 * Working-day adjustments, work files for the archive (yearly list, documents,
 * hand-over) and administrative-procedure (TTHC) dossiers. A TTHC dossier's
 * status is not stored: it follows from its dates and today.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('off', 'work')`))
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  for (const a of publishedAdjustments) {
    await sql`insert into calendar_days (date, kind, note, updated_at) values (${a.date}, ${a.kind}, ${a.note}, ${now})`.execute(db);
  }

  await db.schema
    .createTable('dossier_headings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('dossier_headings.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('dossier_headings_year').on('dossier_headings').columns(['year', 'parent_id', 'position']).execute();

  await db.schema
    .createTable('dossier_handovers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('giver_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('giver_person', 'text', (c) => c.notNull())
    .addColumn('receiver', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('dossiers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('heading_id', 'integer', (c) => c.references('dossier_headings.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_fold', 'text', (c) => c.notNull())
    // 0 means permanent (Vĩnh viễn).
    .addColumn('retention_years', 'integer', (c) => c.notNull().check(sql`retention_years >= 0`))
    .addColumn('keeper_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('keeper_person', 'text')
    .addColumn('note', 'text')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state in ('open', 'closed', 'handed_over')`))
    .addColumn('work_ended_at', 'text')
    .addColumn('handover_id', 'integer', (c) => c.references('dossier_handovers.id'))
    .addColumn('extra_sheets', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('dossiers_code').unique().on('dossiers').columns(['year', 'code']).where(sql.ref('deleted_at'), 'is', null).execute();

  await db.schema
    .createTable('dossier_documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('dossier_id', 'integer', (c) => c.notNull().references('dossiers.id'))
    .addColumn('incoming_id', 'integer', (c) => c.references('incoming.id'))
    .addColumn('outgoing_id', 'integer', (c) => c.references('outgoing.id'))
    .addColumn('notation', 'text')
    .addColumn('doc_date', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('sheets', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('dossier_documents_dossier').on('dossier_documents').columns(['dossier_id', 'doc_date']).execute();

  await db.schema
    .createTable('tthc_procedures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('processing_days', 'integer', (c) => c.notNull().check(sql`processing_days > 0`))
    .addColumn('fee', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();

  await db.schema
    .createTable('tthc_dossiers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'integer', (c) => c.notNull().references('tthc_procedures.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_fold', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull().check(sql`applicant_kind in ('person', 'organisation')`))
    .addColumn('applicant_address', 'text')
    .addColumn('applicant_phone', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('direct', 'online3', 'online4', 'post')`))
    .addColumn('handling_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('result_date', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('new_due_date', 'text')
    .addColumn('delay_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addCheckConstraint('tthc_done_once', sql`result_date is null or withdrawn_at is null`)
    .execute();
  await db.schema.createIndex('tthc_dossiers_code').unique().on('tthc_dossiers').column('code').where(sql.ref('deleted_at'), 'is', null).execute();
  // Period figures read by received date and by the date a dossier left the desk.
  await db.schema.createIndex('tthc_dossiers_received').on('tthc_dossiers').columns(['received_at', 'due_date']).execute();
  await db.schema.createIndex('tthc_dossiers_result').on('tthc_dossiers').columns(['result_date', 'due_date']).execute();
}
