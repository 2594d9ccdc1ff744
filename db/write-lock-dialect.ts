/**
 * kysely's SQLite dialect with write transactions that take the write lock at
 * their start. kysely begins with a deferred BEGIN: the lock is then asked for
 * at the first write, and if another connection committed meanwhile SQLite
 * answers SQLITE_BUSY at once (busy_timeout cannot help an upgrade). BEGIN
 * IMMEDIATE waits its turn, under busy_timeout, before anything is read.
 *
 * SQLite also rolls a transaction back by itself after some failures (a full
 * disk, an I/O error). kysely's ROLLBACK would then fail with "cannot rollback
 * - no transaction is active" and hide the cause, and statements after it
 * would run outside any transaction. Here the cause is kept and re-thrown, and
 * nothing more runs until the transaction ends.
 */
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type Database from 'better-sqlite3';
import { statementCache } from './statement-cache';

class WriteLockDriver implements Driver {
  readonly #inner: SqliteDriver;
  readonly #sqlite: Database.Database;
  #inTransaction = false;
  /** The failure after which SQLite ended the transaction itself. */
  #lost: unknown = null;
  readonly #execute: ReturnType<typeof statementCache>;

  constructor(sqlite: Database.Database) {
    this.#sqlite = sqlite;
    this.#inner = new SqliteDriver({ database: sqlite });
    this.#execute = statementCache(sqlite);
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection();
    const guard = <T>(run: () => T): T => {
      if (this.#lost) throw this.#lost;
      try {
        return run();
      } catch (e) {
        if (this.#inTransaction && !this.#sqlite.inTransaction) this.#lost = e;
        throw e;
      }
    };
    return {
      executeQuery: <R>(q: CompiledQuery): Promise<QueryResult<R>> => guard(() => Promise.resolve(this.#execute<R>(q))),
      streamQuery: <R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> => guard(() => connection.streamQuery<R>(q, chunkSize)),
    };
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    this.#inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A transaction SQLite already rolled back must not be reported as committed.
    if (!this.#lost && !this.#sqlite.inTransaction) this.#lost = new Error('Giao dịch đã bị SQLite hủy trước khi ghi xong.');
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.#end();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lost = this.#lost;
    this.#end();
    if (!lost && this.#sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  #end(): void {
    this.#inTransaction = false;
    this.#lost = null;
  }

  savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.savepoint(connection, name, compile);
  }

  rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.rollbackToSavepoint(connection, name, compile);
  }

  releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    return this.#inner.releaseSavepoint(connection, name, compile);
  }

  releaseConnection(): Promise<void> {
    return this.#inner.releaseConnection();
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

export class WriteLockDialect extends SqliteDialect {
  readonly #sqlite: Database.Database;
  constructor(sqlite: Database.Database) {
    super({ database: sqlite });
    this.#sqlite = sqlite;
  }
  override createDriver(): Driver {
    return new WriteLockDriver(this.#sqlite);
  }
}
