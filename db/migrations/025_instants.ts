import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../engine';

/** Ids per filling statement: each is one pass over a range of the documents. */
const BATCH = 10_000;

/** The incoming documents' instants, each with the words an error names it by. */
const INSTANTS = [
  { column: 'assigned_at', what: 'thời điểm giao xử lý' },
  { column: 'created_at', what: 'thời điểm tạo' },
  { column: 'updated_at', what: 'thời điểm sửa' },
] as const;

/**
 * The incoming documents' instants (when registered, last changed, assigned)
 * as epoch milliseconds (6 bytes) instead of ISO text (24), as 023 did for the
 * audit log: at ten years some 13 MB in the rows and 2.6 in the index of the
 * live documents, which holds assigned_at. The store reads them back as the
 * very text the app wrote (db/instant.ts). completed_at, transfer_date and the
 * deadline are dates (YYYY-MM-DD) and stay; deleted_at stays text too: the
 * trash reads it from five tables in one union, and it is null in nearly every row.
 *
 * SQLite keeps a column's declared type (a text column would turn the numbers
 * back into text), and other tables point at incoming, whose copy cannot be
 * swapped in inside the migration's transaction (foreign_keys cannot change
 * there): each instant gets a new integer column, filled, and takes the old
 * one's name, the index that holds assigned_at made again as 020 made it.
 * PostgreSQL does the same steps, so that both engines end with the columns in
 * one order (db:copy compares their rows column by column).
 *
 * NOT NULL stays on created_at and updated_at. SQLite adds such a column only
 * with a default: 0, which no row keeps (every writer names both columns, and
 * the fill replaces it); PostgreSQL adds the column, fills it, then sets NOT
 * NULL, with no default. A text that is not an instant stops the migration
 * before anything is changed (SQLite) or as it is read (PostgreSQL), and the
 * transaction leaves the database as it was.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine === 'sqlite') await refuseUnreadable(db);
  for (const { column } of INSTANTS) {
    const type = sql.raw(engine === 'postgres' ? 'bigint' : column === 'assigned_at' ? 'integer' : 'integer not null default 0');
    await sql`alter table incoming add column ${sql.ref(`${column}_ms`)} ${type}`.execute(db);
  }
  const range = await sql<{ last: number | null }>`select max(id) as last from incoming`.execute(db);
  const last = Number(range.rows[0]?.last ?? 0);
  const sets = sql.join(INSTANTS.map(({ column }) => sql`${sql.ref(`${column}_ms`)} = ${milliseconds(engine, sql.ref(column))}`));
  for (let from = 0; from < last; from += BATCH) {
    await sql`update incoming set ${sets} where id > ${from} and id <= ${from + BATCH}`.execute(db).catch((e: unknown) => {
      throw new Error(`Nâng cấp cơ sở dữ liệu dừng lại: một thời điểm của văn bản đến (mã ${from + 1}–${from + BATCH}) không đọc được (${e instanceof Error ? e.message : String(e)}); cơ sở dữ liệu giữ nguyên.`);
    });
  }
  await sql`drop index incoming_active_arrival`.execute(db);
  for (const { column } of INSTANTS) {
    await sql`alter table incoming drop column ${sql.ref(column)}`.execute(db);
    await sql`alter table incoming rename column ${sql.ref(`${column}_ms`)} to ${sql.ref(column)}`.execute(db);
  }
  if (engine === 'postgres') await sql`alter table incoming alter column created_at set not null, alter column updated_at set not null`.execute(db);
  await sql`create index incoming_active_arrival on incoming
    (arrival_date, arrival_number, id, secrecy, completed_at, deadline, lead_unit_id, assigned_at, urgency, document_type, deleted_at)
    where deleted_at is null`.execute(db);
}

/** The ISO text's instant in milliseconds: SQLite to the millisecond with unixepoch's 'subsec', PostgreSQL's epoch exact (numeric). */
function milliseconds(engine: Engine, text: RawBuilder<unknown>): RawBuilder<unknown> {
  return engine === 'postgres' ? sql`round(extract(epoch from cast(${text} as timestamptz)) * 1000)` : sql`cast(round(unixepoch(${text}, 'subsec') * 1000) as integer)`;
}

/** SQLite reads a text it cannot parse as null: the first such document is named before anything changes. */
async function refuseUnreadable(db: Kysely<unknown>): Promise<void> {
  for (const { column, what } of INSTANTS) {
    const bad = await sql<{ id: number; text: string }>`select id, ${sql.ref(column)} as text from incoming
      where ${sql.ref(column)} is not null and unixepoch(${sql.ref(column)}, 'subsec') is null order by id limit 1`.execute(db);
    const r = bad.rows[0];
    if (r) throw new Error(`Nâng cấp cơ sở dữ liệu dừng lại: văn bản đến mã ${r.id} có ${what} "${r.text}" không đọc được; cơ sở dữ liệu giữ nguyên.`);
  }
}
