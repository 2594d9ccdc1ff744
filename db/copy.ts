/**
 * Moving an office's data between engines (npm run db:copy): both databases
 * opened through openDatabase (so both are at the latest version), a target
 * that already holds data refused, every table copied in foreign-key order
 * in batches inside one transaction on the target, PostgreSQL's identity
 * sequences set past the copied ids, the search index rebuilt through
 * db/search.ts, then every table compared: row count and a checksum of its
 * rows in key order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { AppError } from '../shared/api/errors';
import { openDatabase, type OpenedDatabase } from './connection';
import { foreignKeyOrder, readTables, tableChecksum, tableRows, type TableInfo } from './copy-catalog';
import { describeTarget, type DatabaseTarget } from './engine';
import { indexDoc } from './search';
import { documentEntries } from './search-entries';
import type { DB } from './schema';

export interface TableComparison {
  table: string;
  from: { rows: number; sha256: string };
  to: { rows: number; sha256: string };
  same: boolean;
}

/** SQLite allows 32766 parameters per statement; PostgreSQL 65535. */
const PARAMETERS = 30_000;

async function counts(o: OpenedDatabase, tables: readonly TableInfo[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of tables) out.set(t.name, Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t.name)}`.execute(o.db)).rows[0]?.n ?? 0));
  return out;
}

/**
 * The rows the migrations themselves put into a new database (the database
 * id, default registers…): a target holding exactly as many rows is empty.
 */
async function migratedRows(tables: readonly TableInfo[]): Promise<Map<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-copy-'));
  try {
    const fresh = await openDatabase(path.join(dir, 'moi.sqlite'), { backupDir: dir });
    try {
      return await counts(fresh, tables);
    } finally {
      await fresh.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function refuseNonEmpty(to: OpenedDatabase, tables: readonly TableInfo[]): Promise<void> {
  const [found, fresh] = await Promise.all([counts(to, tables), migratedRows(tables)]);
  const full = tables.filter((t) => (found.get(t.name) ?? 0) !== (fresh.get(t.name) ?? 0)).map((t) => `${t.name} (${found.get(t.name)} dòng)`);
  if (full.length) {
    throw new AppError('CONFLICT', `Cơ sở dữ liệu đích ${to.path} đã có dữ liệu: ${full.join(', ')}. Không chép đè: hãy chọn một cơ sở dữ liệu mới, trống.`);
  }
}

function sameTables(a: readonly TableInfo[], b: readonly TableInfo[]): void {
  const cols = (ts: readonly TableInfo[]) => new Map(ts.map((t) => [t.name, [...t.columns].sort().join(',')]));
  const [ca, cb] = [cols(a), cols(b)];
  const differ = [...new Set([...ca.keys(), ...cb.keys()])].filter((t) => ca.get(t) !== cb.get(t));
  if (differ.length) throw new AppError('INTERNAL', `Hai cơ sở dữ liệu khác cấu trúc ở các bảng: ${differ.join(', ')}.`);
}

async function copyRows(from: OpenedDatabase, trx: Kysely<DB>, tables: readonly TableInfo[]): Promise<void> {
  // The rows the migrations made (the target's own database id, default registers) give way to the source's.
  for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
  await sql`delete from doc_search`.execute(trx);
  for (const t of tables) {
    const batch = Math.max(1, Math.floor(PARAMETERS / t.columns.length));
    const cols = sql.join(t.columns.map((c) => sql.ref(c)));
    for await (const page of tableRows(from.engine, from.db, t, batch)) {
      const values = sql.join(page.map((r) => sql`(${sql.join(t.columns.map((c) => r[c] ?? null))})`));
      await sql`insert into ${sql.table(t.name)} (${cols}) values ${values}`.execute(trx);
    }
  }
}

/** Identity columns continue after the largest copied id. */
async function setSequences(trx: Kysely<DB>): Promise<void> {
  const identity = await sql<{ t: string; c: string }>`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`.execute(trx);
  for (const { t, c } of identity.rows) {
    await sql`select setval(pg_get_serial_sequence(${`"${t}"`}, ${c}), coalesce((select max(${sql.ref(c)}) from ${sql.table(t)}), 0) + 1, false)`.execute(trx);
  }
}

/** The target's index from the source's documents (SQLite's index keeps no copy of their text to read). */
async function rebuildSearch(from: OpenedDatabase, trx: Kysely<DB>): Promise<number> {
  const docs = await documentEntries(from.db);
  for (const d of docs) await indexDoc(trx, d);
  return docs.length;
}

async function compareTables(from: OpenedDatabase, to: OpenedDatabase, tables: readonly TableInfo[], toTables: readonly TableInfo[]): Promise<TableComparison[]> {
  const compared: TableComparison[] = [];
  const byName = new Map(toTables.map((t) => [t.name, t]));
  for (const t of tables) {
    const a = await tableChecksum(from.engine, from.db, t);
    const b = await tableChecksum(to.engine, to.db, byName.get(t.name) ?? t);
    compared.push({ table: t.name, from: a, to: b, same: a.rows === b.rows && a.sha256 === b.sha256 });
  }
  return compared;
}

/** Per table, the row counts and checksums of two databases of the same version (what db:copy prints after copying). */
export async function compareDatabases(a: DatabaseTarget, b: DatabaseTarget, opts: { backupDir: string }): Promise<TableComparison[]> {
  const from = await openDatabase(a, { backupDir: opts.backupDir });
  try {
    const to = await openDatabase(b, { backupDir: opts.backupDir });
    try {
      return await compareTables(from, to, await readTables(from.engine, from.db), await readTables(to.engine, to.db));
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}

export interface CopyResult {
  tables: TableComparison[];
  searchRows: { from: number; to: number };
  same: boolean;
}

export async function copyDatabase(fromTarget: DatabaseTarget, toTarget: DatabaseTarget, opts: { backupDir: string }): Promise<CopyResult> {
  if (describeTarget(fromTarget) === describeTarget(toTarget)) throw new AppError('VALIDATION', 'Nguồn và đích là cùng một cơ sở dữ liệu.');
  const from = await openDatabase(fromTarget, { backupDir: opts.backupDir });
  try {
    const to = await openDatabase(toTarget, { backupDir: opts.backupDir });
    try {
      const tables = foreignKeyOrder(await readTables(from.engine, from.db));
      const toTables = await readTables(to.engine, to.db);
      sameTables(tables, toTables);
      await refuseNonEmpty(to, toTables);
      let indexed = 0;
      await to.db.transaction().execute(async (trx) => {
        // A row pointing at a later row of its own table (a unit's parent created after it) is checked at commit on SQLite.
        if (to.engine === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
        await copyRows(from, trx, tables);
        if (to.engine === 'postgres') await setSequences(trx);
        indexed = await rebuildSearch(from, trx);
      });
      const compared = await compareTables(from, to, tables, toTables);
      const searchTo = Number((await sql<{ n: number }>`select count(*) as n from doc_search`.execute(to.db)).rows[0]?.n ?? 0);
      return { tables: compared, searchRows: { from: indexed, to: searchTo }, same: compared.every((c) => c.same) && indexed === searchTo };
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
