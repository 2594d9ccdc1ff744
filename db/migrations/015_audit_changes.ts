import { sql, type Kysely } from 'kysely';
import { compactStored } from '../audit-changes';

const BATCH = 2000;

/**
 * Audit rows written before this version hold full before/after copies of
 * the record: each is rewritten to the fields that changed (db/audit-changes.ts),
 * which the audit page and its export show exactly as before. Rows go by id
 * in batches, so memory stays flat on a ten-year log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
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
