/**
 * Whole-database comparisons and failure injection for the tests that claim
 * "nothing was written": every row of every table, not row counts.
 */
import Database from 'better-sqlite3';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

export interface TableReader {
  /** Every row of every table (FTS shadow tables included), as one comparable string per table. */
  snapshot(): Record<string, string>;
  close(): void;
}

/** A second, read-only connection: it sees what was committed, which is what survives. */
export function tableReader(dbPath: string): TableReader {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  // data_version changes when another connection commits: until then the last snapshot still holds.
  let cached: { version: unknown; tables: Record<string, string> } | null = null;
  const read = (): Record<string, string> => {
    const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
    // Virtual tables are read through their shadow tables; reading them too would only repeat those rows.
    const virtual = new Set(db.prepare("select name from sqlite_master where type = 'table' and sql like 'create virtual table%'").pluck().all() as string[]);
    return Object.fromEntries(
      // Sorted in JS: FTS5's shadow tables are WITHOUT ROWID, so there is no one ORDER BY for all.
      tables.filter((t) => !virtual.has(t)).map((t) => [t, (db.prepare(`select * from "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort().join('\n')]),
    );
  };
  return {
    snapshot() {
      const version = db.pragma('data_version', { simple: true });
      if (!cached || cached.version !== version) cached = { version, tables: read() };
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
