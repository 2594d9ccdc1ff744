import { sql, type Kysely } from 'kysely';
import { compactStored } from '../audit-changes';

const BATCH = 2000;

interface Row {
  id: number;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

/**
 * The indexes of incoming documents that cost more than they serve: the
 * sender index served no query but the sender suggestions' grouping (a scan
 * of every document either way: they match a fragment anywhere in the name);
 * the duplicate check finds a handful of rows by notation and date, so the
 * sender, the longest of its three columns, need not be in the index, nor
 * the documents without a notation or removed, which it never looks for.
 */
async function smallerIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('incoming_sender').execute();
  await db.schema.dropIndex('incoming_duplicate').execute();
  await sql`create index incoming_duplicate on incoming (notation_key, document_date) where notation_key is not null and deleted_at is null`.execute(db);
}

/**
 * Audit rows of a record created or removed whole held the whole record, its
 * derived fields and empty values included: each is rewritten to what the
 * record was made of (db/audit-record.ts), which the audit page and its export
 * put back together as before. Rows go by id in batches, and each batch is
 * written by one statement, so that ten years convert in seconds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await compactRecords(db);
  await smallerIndexes(db);
}

export async function compactRecords(db: Kysely<unknown>): Promise<void> {
  let last = 0;
  for (;;) {
    const rows = await sql<Row>`
      select id, entity, entity_id, before_json, after_json from audit_log
      where id > ${last} and (before_json is null or after_json is null) order by id limit ${BATCH}`.execute(db);
    const changed = rows.rows.flatMap((r) => {
      const c = compactStored(r.before_json, r.after_json, { entity: r.entity, entityId: r.entity_id });
      return c.before_json === r.before_json && c.after_json === r.after_json ? [] : [sql`(${r.id}, ${c.before_json}, ${c.after_json})`];
    });
    // A VALUES list names its columns column1, column2… on both engines; the id is cast for PostgreSQL, which reads parameters as text.
    if (changed.length > 0)
      await sql`update audit_log set before_json = v.column2, after_json = v.column3
        from (values ${sql.join(changed)}) as v where audit_log.id = cast(v.column1 as integer)`.execute(db);
    if (rows.rows.length < BATCH) return;
    last = rows.rows[rows.rows.length - 1]!.id;
  }
}
