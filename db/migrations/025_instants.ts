import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from '../engine';

/** Ids per filling statement: each is one pass over a range of the documents. */
const BATCH = 10_000;

interface Instant {
  column: string;
  /** What an error calls it. */
  what: string;
  nullable?: boolean;
}

interface Converted {
  table: 'incoming' | 'outgoing' | 'tasks' | 'task_occurrences' | 'task_progress' | 'tthc_dossiers';
  /** What an error calls a row. */
  row: string;
  instants: readonly Instant[];
  /** The indexes that hold an instant, dropped before it and made again as their last migration made them. */
  indexes: readonly RawBuilder<unknown>[];
  dropped: readonly string[];
}

const CREATED = { column: 'created_at', what: 'thời điểm tạo' };
const UPDATED = { column: 'updated_at', what: 'thời điểm sửa' };

const TABLES: readonly Converted[] = [
  {
    table: 'incoming',
    row: 'văn bản đến',
    instants: [{ column: 'assigned_at', what: 'thời điểm giao xử lý', nullable: true }, CREATED, UPDATED],
    dropped: ['incoming_active_arrival'],
    // As 020 made it.
    indexes: [
      sql`create index incoming_active_arrival on incoming
        (arrival_date, arrival_number, id, secrecy, completed_at, deadline, lead_unit_id, assigned_at, urgency, document_type, deleted_at)
        where deleted_at is null`,
    ],
  },
  {
    table: 'outgoing',
    row: 'văn bản đi',
    instants: [CREATED, UPDATED],
    dropped: ['outgoing_status'],
    // As 002 made it.
    indexes: [sql`create index "outgoing_status" on "outgoing" ("status", "created_at")`],
  },
  { table: 'tasks', row: 'nhiệm vụ', instants: [CREATED, UPDATED], dropped: [], indexes: [] },
  // completed_at is the day the period was done (YYYY-MM-DD).
  { table: 'task_occurrences', row: 'kỳ thực hiện nhiệm vụ', instants: [CREATED], dropped: [], indexes: [] },
  { table: 'task_progress', row: 'báo cáo tiến độ', instants: [CREATED], dropped: [], indexes: [] },
  // received_at, result_date and withdrawn_at are days (YYYY-MM-DD).
  { table: 'tthc_dossiers', row: 'hồ sơ thủ tục hành chính', instants: [CREATED, UPDATED], dropped: [], indexes: [] },
];

/**
 * The rows' instants (when created and last changed; an incoming document's
 * assignment) in the documents, tasks with their periods and progress
 * reports, and TTHC dossiers, as epoch milliseconds (6 bytes) instead of ISO
 * text (24), as 023 did for the audit log: at ten years some 17 MB in the rows
 * and in the indexes that hold them (the live incoming documents' with
 * assigned_at, outgoing_status with created_at). The stores read them back as
 * the very text the app wrote (db/instant.ts). Days (YYYY-MM-DD: completed_at,
 * received_at, transfer_date, deadlines) stay as they are; deleted_at stays
 * text too: the trash reads it from five tables in one union, and it is null
 * in nearly every row.
 *
 * SQLite keeps a column's declared type (a text column would turn the numbers
 * back into text), and other tables point at most of them, whose copies cannot be
 * swapped in inside the migration's transaction (foreign_keys cannot change
 * there): each instant gets a new integer column, filled in batches, that
 * takes the old one's name, and the indexes that held it are made again.
 * PostgreSQL takes the same steps, so that both engines end with the columns
 * in one order (db:copy compares their rows column by column).
 *
 * NOT NULL stays on created_at and updated_at. SQLite adds such a column only
 * with a default: 0, which no row keeps (every writer names both columns, and
 * the fill replaces it); PostgreSQL adds the column, fills it, then sets NOT
 * NULL, with no default. A text that is not an instant stops the migration:
 * on SQLite before anything is changed, on PostgreSQL as it is read; either
 * way the transaction leaves the database as it was.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  if (engine === 'sqlite') for (const t of TABLES) await refuseUnreadable(db, t);
  for (const t of TABLES) await convert(db, engine, t);
}

async function convert(db: Kysely<unknown>, engine: Engine, t: Converted): Promise<void> {
  const table = sql.table(t.table);
  for (const { column, nullable } of t.instants) {
    const type = sql.raw(engine === 'postgres' ? 'bigint' : nullable ? 'integer' : 'integer not null default 0');
    await sql`alter table ${table} add column ${sql.ref(`${column}_ms`)} ${type}`.execute(db);
  }
  const range = await sql<{ last: number | null }>`select max(id) as last from ${table}`.execute(db);
  const last = Number(range.rows[0]?.last ?? 0);
  const sets = sql.join(t.instants.map(({ column }) => sql`${sql.ref(`${column}_ms`)} = ${milliseconds(engine, sql.ref(column))}`));
  for (let from = 0; from < last; from += BATCH) {
    await sql`update ${table} set ${sets} where id > ${from} and id <= ${from + BATCH}`.execute(db).catch((e: unknown) => {
      throw new Error(`Nâng cấp cơ sở dữ liệu dừng lại: một thời điểm của ${t.row} (mã ${from + 1}–${from + BATCH}) không đọc được (${e instanceof Error ? e.message : String(e)}); cơ sở dữ liệu giữ nguyên.`);
    });
  }
  for (const name of t.dropped) await sql`drop index ${sql.ref(name)}`.execute(db);
  for (const { column } of t.instants) {
    await sql`alter table ${table} drop column ${sql.ref(column)}`.execute(db);
    await sql`alter table ${table} rename column ${sql.ref(`${column}_ms`)} to ${sql.ref(column)}`.execute(db);
  }
  if (engine === 'postgres' && t.instants.some((i) => !i.nullable)) {
    const required = t.instants.filter((i) => !i.nullable).map(({ column }) => sql`alter column ${sql.ref(column)} set not null`);
    await sql`alter table ${table} ${sql.join(required)}`.execute(db);
  }
  for (const index of t.indexes) await index.execute(db);
}

/** The ISO text's instant in milliseconds: SQLite to the millisecond with unixepoch's 'subsec', PostgreSQL's epoch exact (numeric). */
function milliseconds(engine: Engine, text: RawBuilder<unknown>): RawBuilder<unknown> {
  return engine === 'postgres' ? sql`round(extract(epoch from cast(${text} as timestamptz)) * 1000)` : sql`cast(round(unixepoch(${text}, 'subsec') * 1000) as integer)`;
}

/** SQLite reads a text it cannot parse as null: the first such row is named before anything changes. */
async function refuseUnreadable(db: Kysely<unknown>, t: Converted): Promise<void> {
  for (const { column, what } of t.instants) {
    const bad = await sql<{ id: number; text: string }>`select id, ${sql.ref(column)} as text from ${sql.table(t.table)}
      where ${sql.ref(column)} is not null and unixepoch(${sql.ref(column)}, 'subsec') is null order by id limit 1`.execute(db);
    const r = bad.rows[0];
    if (r) throw new Error(`Nâng cấp cơ sở dữ liệu dừng lại: ${t.row} mã ${r.id} có ${what} "${r.text}" không đọc được; cơ sở dữ liệu giữ nguyên.`);
  }
}
