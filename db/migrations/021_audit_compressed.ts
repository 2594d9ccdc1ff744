import { sql, type Kysely } from 'kysely';
import { carriesSecrecy, encodeChange } from '../audit-codec';
import type { Engine } from '../engine';

const BATCH = 2000;

interface Row {
  id: number;
  before_json: string | null;
  after_json: string | null;
}

/**
 * Each audit row's before and after JSON go into one compressed blob
 * (db/audit-codec.ts), which reads back as the very same text: at ten years
 * the JSON was three quarters of the log and the log half of the database.
 * Whether a row carries a secrecy value, which the access rule read by
 * matching the JSON text, is kept as the row's `secret`. Rows go by id in
 * batches, each written by one statement; the JSON columns go last.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('changes', 'blob').execute();
  await db.schema.alterTable('audit_log').addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await compressRows(db, engine);
  await db.schema.alterTable('audit_log').dropColumn('before_json').execute();
  await db.schema.alterTable('audit_log').dropColumn('after_json').execute();
}

export async function compressRows(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  // PostgreSQL types a VALUES list's parameters as text unless told: the blob is cast where it is given.
  const blob = sql.raw(engine === 'postgres' ? 'bytea' : 'blob');
  let last = 0;
  for (;;) {
    const rows = await sql<Row>`select id, before_json, after_json from audit_log where id > ${last} order by id limit ${BATCH}`.execute(db);
    const changed = rows.rows.flatMap((r) => {
      const changes = encodeChange(r);
      return changes === null ? [] : [sql`(${r.id}, cast(${changes} as ${blob}), ${carriesSecrecy(r) ? 1 : 0})`];
    });
    // A VALUES list names its columns column1, column2… on both engines. The JSON goes at once, so that rows shrink in place rather than grow.
    if (changed.length > 0)
      await sql`update audit_log set changes = v.column2, secret = cast(v.column3 as integer), before_json = null, after_json = null
        from (values ${sql.join(changed)}) as v where audit_log.id = cast(v.column1 as integer)`.execute(db);
    if (rows.rows.length < BATCH) return;
    last = rows.rows[rows.rows.length - 1]!.id;
  }
}
