import { sql, type Kysely } from 'kysely';

/**
 * Tasks and their occurrences. A task is what was assigned; an occurrence is
 * one deadline of it (a one-off task has one, a recurring task one per
 * period), with its own completion, progress and reminders. Status is not
 * stored: it depends on today.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_fold', 'text', (c) => c.notNull())
    .addColumn('source_incoming_id', 'integer', (c) => c.references('incoming.id'))
    .addColumn('source_outgoing_id', 'integer', (c) => c.references('outgoing.id'))
    .addColumn('source_text', 'text')
    .addColumn('assigned_by', 'text')
    .addColumn('lead_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('person', 'text')
    .addColumn('start_date', 'text')
    .addColumn('time_text', 'text')
    .addColumn('recurrence_json', 'text')
    .addColumn('focus', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('field', 'text')
    .addColumn('target_quantity', 'real')
    .addColumn('target_unit', 'text')
    .addColumn('in_superior_programme', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('active').check(sql`state in ('active', 'paused', 'cancelled')`))
    .addColumn('state_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('tasks_lead_unit').on('tasks').column('lead_unit_id').where(sql.ref('deleted_at'), 'is', null).execute();
  await db.schema.createIndex('tasks_source_incoming').on('tasks').column('source_incoming_id').execute();

  await db.schema
    .createTable('task_coordinators')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('task_coordinators_pk', ['task_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('task_occurrences')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text')
    .addColumn('due_date', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('result', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_occurrences_period').unique().on('task_occurrences').columns(['task_id', 'period_key']).execute();
  // Overdue and due-soon lists read open occurrences by deadline.
  await db.schema.createIndex('task_occurrences_due').on('task_occurrences').columns(['due_date', 'task_id']).execute();

  await db.schema
    .createTable('task_progress')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('task_occurrences.id'))
    .addColumn('report_date', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('quantity', 'real')
    .addColumn('percent', 'real')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_progress_occurrence').on('task_progress').columns(['occurrence_id', 'report_date']).execute();

  await db.schema
    .createTable('task_reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('occurrence_id', 'integer', (c) => c.notNull().references('task_occurrences.id'))
    .addColumn('reminder_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_reminders_occurrence').on('task_reminders').column('occurrence_id').execute();
}
