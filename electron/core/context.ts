import type { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Sqlite } from '../../db/connection';
import type { DatabaseTarget, Engine } from '../../db/engine';
import type { MethodName, Output, ParsedInput } from '../../shared/api/index';
import type { SessionUser } from './access';
import type { FileStore } from './file-store';
import type { Stores } from './stores';

/** What the shell running the core can do for it (the desktop opens files; the browser shell cannot). */
export interface HostCapabilities {
  openPath?: (file: string) => Promise<boolean>;
  /** Saves a file the core made where the user chooses (the desktop's save dialog); false when cancelled. */
  saveFile?: (source: string, defaultName: string) => Promise<boolean>;
  /** Encrypts a secret with the operating system's key store (desktop: safeStorage); the browser shell has none. */
  protectSecret?: (plain: string) => string;
  revealSecret?: (stored: string) => string;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  /** Silence allowed while talking to the server, including the wait for its answer to the message. */
  socketMs: number;
}

/** What a handler may use. `db` is the action's transaction for write methods. */
export interface CallContext {
  /** Which engine db speaks to, for what differs between them (db/dialect.ts). */
  engine: Engine;
  /** For the registry and the stores only (lint): handlers use `stores`. */
  db: Kysely<DB>;
  /** The domains' stores, bound to `db` (the action's transaction for write methods). */
  stores: Stores;
  /** The database the core was opened on (backups and restores name and dump it). */
  database: DatabaseTarget;
  /** SQLite's own handle (backups); null on PostgreSQL. */
  sqlite: Sqlite | null;
  dataDir: string;
  /** Exports and uploads, as handles. */
  files: FileStore;
  method: MethodName;
  /** Who acts, for the audit log. */
  actor: string;
  /** The signed-in user; null while the database has no users yet (first run, setup scripts). */
  user: SessionUser | null;
  /** The caller's session token, if any (logout). */
  session: string | null;
  /** The office server's client address; null on the server's own machine (desktop, browser shell, tests). */
  clientAddress: string | null;
  /** What the caller runs, kept with a new session (user agent, "Văn thư (máy tính)"). */
  program: string | null;
  /** Injectable clock: ISO timestamp of now and today's date (YYYY-MM-DD). */
  now(): string;
  today(): string;
  events: EventEmitter;
  host: HostCapabilities;
  /** Tests: the SMTP client's timeouts in milliseconds, short so that a silent server is found out quickly. */
  smtpTimeouts?: SmtpTimeouts;
  /**
   * Puts a backup in the database's place and opens it again (restore); the new connection.
   * SQLite: the caller made the undo backup first. PostgreSQL: the dump is restored after an
   * undo dump the restore makes itself (db/pg-backup.ts), told in `dump`.
   */
  replaceDatabase(from: string): Promise<ReplacedDatabase>;
}

export interface ReplacedDatabase {
  db: Kysely<DB>;
  /** PostgreSQL: what the dump held (rows per table, its data version) and the undo dump made before it. */
  dump: { counts: Record<string, number>; dataVersion: number; undo: { id: string; createdAt: string; reason: string; sizeBytes: number } } | null;
}

export type Handler<M extends MethodName> = (ctx: CallContext, input: ParsedInput<M>) => Promise<Output<M>>;

export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
