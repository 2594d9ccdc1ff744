/**
 * Whole-database comparisons and failure injection for the tests that claim
 * "nothing was written": every row of every table, not row counts.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { dbOf, type HasDatabase, type TestDb } from './db';

export interface TableReader {
  /** Every row of every table (FTS shadow tables included), as one comparable string per table. */
  snapshot(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

/** The app's tables, and a value that changes whenever another connection commits (until then the last snapshot still holds). */
interface Catalogue {
  tables(db: TestDb): Promise<string[]>;
  version(db: TestDb): Promise<unknown>;
}

const sqliteCatalogue: Catalogue = {
  async tables(db) {
    const all = await db.rows<{ name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name");
    // Virtual tables are read through their shadow tables; reading them too would only repeat those rows.
    const virtual = new Set((await db.rows<{ name: string }>("select name from sqlite_master where type = 'table' and sql like 'create virtual table%'")).map((r) => r.name));
    return all.map((r) => r.name).filter((t) => !virtual.has(t));
  },
  version: async (db) => (await db.rows('pragma data_version'))[0],
};

const postgresCatalogue: Catalogue = {
  tables: async (db) =>
    (await db.rows<{ name: string }>("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name")).map((r) => r.name),
  // A committed write had a transaction id: the next one to give, or the set of those still open, has moved.
  version: async (db) => (await db.rows<{ s: string }>('select pg_current_snapshot()::text as s'))[0]?.s,
};

/** A second, read-only connection: it sees what was committed, which is what survives. */
export function tableReader(t: HasDatabase): TableReader {
  const db = dbOf(t);
  const catalogue = db.engine === 'sqlite' ? sqliteCatalogue : postgresCatalogue;
  let cached: { version: unknown; tables: Record<string, string> } | null = null;
  const read = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    // Sorted in JS: FTS5's shadow tables are WITHOUT ROWID, so there is no one ORDER BY for all.
    for (const t of await catalogue.tables(db)) out[t] = (await db.raw(`select * from "${t}"`)).map((r) => JSON.stringify(r)).sort().join('\n');
    return out;
  };
  return {
    async snapshot() {
      const version = JSON.stringify(await catalogue.version(db));
      if (!cached || cached.version !== version) cached = { version, tables: await read() };
      return cached.tables;
    },
    close: () => db.close(),
  };
}

/** The tables whose rows differ between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}

const WRITE_SQL = /^\s*(insert|update|delete|replace)\b/i;

function isWrite(node: RootOperationNode): boolean {
  if (node.kind === 'InsertQueryNode' || node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') return true;
  return node.kind === 'RawNode' && WRITE_SQL.test(node.sqlFragments.join('?'));
}

/**
 * A kysely plugin that, once armed, fails the first write statement after it
 * has run: the row is in the transaction, and then the action breaks.
 */
export class FailAfterFirstWrite implements KyselyPlugin {
  armed = false;
  /** Whether the armed failure was thrown (an action that never writes never triggers it). */
  fired = false;
  readonly #writes = new WeakSet<object>();

  arm(): void {
    this.armed = true;
    this.fired = false;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.armed && isWrite(args.node)) this.#writes.add(args.queryId);
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.armed && this.#writes.has(args.queryId)) {
      this.armed = false;
      this.fired = true;
      return Promise.reject(new Error('lỗi giả lập sau câu lệnh ghi đầu tiên'));
    }
    return Promise.resolve(args.result);
  }
}
