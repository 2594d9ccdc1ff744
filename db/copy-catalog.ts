/**
 * What db:copy needs to know of a database, read from its own catalogue
 * (SQLite's pragmas, PostgreSQL's pg_catalog): the app's tables (not the
 * search index, which is rebuilt, nor the schema version, which the
 * migrations keep), their columns, primary keys and foreign keys, and a
 * table's rows in key order with values normalised so that both engines
 * give the same text for the same data.
 */
import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Engine } from './engine';
import type { DB } from './schema';

export interface TableInfo {
  name: string;
  columns: string[];
  /** The primary key's columns (all columns when there is none), for the order of the rows. */
  key: string[];
  /** Tables this one's foreign keys point to (itself left out). */
  references: string[];
  /** The key columns holding text: PostgreSQL orders them by byte, as SQLite does. */
  textKey: string[];
}

/** The search index (rebuilt through db/search.ts) and the schema version table. */
const NOT_COPIED = /^(doc_search($|_)|van_thu_schema$|sqlite_)/;

async function rows<T>(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<T[]> {
  return (await query.execute(db)).rows as T[];
}

async function sqliteTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const names = await rows<{ name: string }>(db, sql`select name from sqlite_schema where type = 'table' order by name`);
  const out: TableInfo[] = [];
  for (const { name } of names.filter((n) => !NOT_COPIED.test(n.name))) {
    const cols = await rows<{ name: string; pk: number; type: string }>(db, sql`select name, pk, type from pragma_table_info(${name}) order by cid`);
    const fks = await rows<{ table: string }>(db, sql`select "table" from pragma_foreign_key_list(${name})`);
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const key = pk.length ? pk : cols;
    out.push({
      name,
      columns: cols.map((c) => c.name),
      key: key.map((c) => c.name),
      references: [...new Set(fks.map((f) => f.table))].filter((t) => t !== name),
      textKey: key.filter((c) => !/int|real/i.test(c.type)).map((c) => c.name),
    });
  }
  return out;
}

async function postgresTables(db: Kysely<DB>): Promise<TableInfo[]> {
  const names = await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`);
  const out: TableInfo[] = [];
  for (const { name } of names.filter((n) => !NOT_COPIED.test(n.name))) {
    const cols = await rows<{ name: string; type: string }>(
      db,
      sql`select column_name as name, data_type as type from information_schema.columns where table_schema = 'public' and table_name = ${name} and is_generated = 'NEVER' order by ordinal_position`,
    );
    const pk = await rows<{ name: string }>(
      db,
      sql`select a.attname as name from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey) where i.indrelid = ${name}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
    );
    const fks = await rows<{ ref: string }>(db, sql`select distinct confrelid::regclass::text as ref from pg_constraint where contype = 'f' and conrelid = ${name}::regclass`);
    const key = pk.length ? pk.map((p) => p.name) : cols.map((c) => c.name);
    const typeOf = new Map(cols.map((c) => [c.name, c.type]));
    out.push({
      name,
      columns: cols.map((c) => c.name),
      key,
      references: fks.map((f) => f.ref.replace(/^"|"$/g, '')).filter((t) => t !== name),
      textKey: key.filter((k) => typeOf.get(k) === 'text'),
    });
  }
  return out;
}

export const readTables = (engine: Engine, db: Kysely<DB>): Promise<TableInfo[]> => (engine === 'postgres' ? postgresTables(db) : sqliteTables(db));

/** Parents before children; a cycle (none in the app's schema) is refused rather than copied half. */
export function foreignKeyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: string[]) => {
    if (done.has(t.name)) return;
    if (path.includes(t.name)) throw new Error(`vòng khóa ngoại giữa các bảng ${[...path, t.name].join(' → ')}`);
    for (const r of t.references) {
      const parent = byName.get(r);
      if (parent) visit(parent, [...path, t.name]);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, []);
  return out;
}

/** The ORDER BY of a table's rows: its key, text by byte on PostgreSQL as SQLite compares it. */
function orderBy(engine: Engine, t: TableInfo) {
  return sql.join(t.key.map((k) => (engine === 'postgres' && t.textKey.includes(k) ? sql`${sql.ref(k)} collate "C"` : sql.ref(k))));
}

/** A table's rows in key order, `size` at a time. */
export async function* tableRows(engine: Engine, db: Kysely<DB>, t: TableInfo, size: number): AsyncGenerator<Record<string, unknown>[]> {
  for (let offset = 0; ; offset += size) {
    const page = await rows<Record<string, unknown>>(db, sql`select ${sql.join(t.columns.map((c) => sql.ref(c)))} from ${sql.table(t.name)} order by ${orderBy(engine, t)} limit ${size} offset ${offset}`);
    if (page.length) yield page;
    if (page.length < size) return;
  }
}

/** One value as text both engines agree on: a 64-bit integer read back as a number, a blob as hex. */
function normalised(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint' || typeof v === 'number') return String(v);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  if (typeof v === 'string') return JSON.stringify(v);
  return JSON.stringify(v);
}

/** Row count and SHA-256 of a table's rows in key order. */
export async function tableChecksum(engine: Engine, db: Kysely<DB>, t: TableInfo): Promise<{ rows: number; sha256: string }> {
  const hash = crypto.createHash('sha256');
  let n = 0;
  for await (const page of tableRows(engine, db, t, 2000)) {
    for (const r of page) hash.update(`${t.columns.map((c) => normalised(r[c])).join(',')}\n`);
    n += page.length;
  }
  return { rows: n, sha256: hash.digest('hex') };
}
