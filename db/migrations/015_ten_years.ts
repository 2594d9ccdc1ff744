import { sql, type Kysely } from 'kysely';
import { compactStored } from '../audit-changes';
import type { Engine } from '../engine';

const BATCH = 2000;

/**
 * Audit rows written before this version hold full before/after copies of
 * the record: each is rewritten to the fields that changed (db/audit-changes.ts),
 * which the audit page and its export show exactly as before. Rows go by id
 * in batches, so memory stays flat on a ten-year log.
 */
async function compactAudit(db: Kysely<unknown>): Promise<void> {
  let last = 0;
  for (;;) {
    const rows = await sql<{ id: number; before_json: string | null; after_json: string | null }>`
      select id, before_json, after_json from audit_log where id > ${last} order by id limit ${BATCH}`.execute(db);
    for (const r of rows.rows) {
      const c = compactStored(r.before_json, r.after_json);
      if (c.before_json !== r.before_json || c.after_json !== r.after_json)
        await sql`update audit_log set before_json = ${c.before_json}, after_json = ${c.after_json} where id = ${r.id}`.execute(db);
    }
    if (rows.rows.length < BATCH) return;
    last = rows.rows[rows.rows.length - 1]!.id;
  }
}

/**
 * What ten years of registers need: the audit log of changes only, a counter
 * per register and year (db/numbering.ts) continuing from the numbers given,
 * a duplicate check that seeks its three columns instead of reading every
 * document of a common sender, and a period index that also holds secrecy, so
 * the register's total for a user without the secret grant is counted from
 * the index alone; the open task occurrences by due date, for what is overdue.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await compactAudit(db);
  const counters = db.schema
    .createTable('register_counters')
    .addColumn('register_id', 'integer', (c) => c.notNull().references('registers.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_counters_pk', ['register_id', 'year']);
  // A table clustered on its key is SQLite's; PostgreSQL's rows are found by the key's index anyway.
  await (engine === 'postgres' ? counters : counters.modifyEnd(sql`without rowid`)).execute();
  await sql`insert into register_counters (register_id, year, last)
    select register_id, year, max(n) from (
      select register_id, year, arrival_number n from incoming
      union all select register_id, year, number from outgoing where number is not null and year is not null) as given
    group by register_id, year`.execute(db);
  await db.schema.dropIndex('incoming_duplicate').execute();
  await db.schema.createIndex('incoming_duplicate').on('incoming').columns(['notation_key', 'document_date', 'sender_fold']).execute();
  await db.schema.dropIndex('incoming_active_arrival').execute();
  await db.schema
    .createIndex('incoming_active_arrival')
    .on('incoming')
    .columns(['arrival_date', 'arrival_number', 'secrecy'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema.createIndex('task_occurrences_open_due').on('task_occurrences').column('due_date').where(sql.ref('completed_at'), 'is', null).execute();
}
