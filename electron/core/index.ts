/**
 * The backend core: a plain Node module. Both shells (Electron IPC, HTTP) and
 * the tests create it on a database file and call it by method name.
 */
import { EventEmitter } from 'node:events';
import type { Kysely, KyselyPlugin } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import { CHECK_AT_START_BYTES, openDatabase, openElsewhere, refuseNetworkPath, type OpenedDatabase } from '../../db/connection';
import { databaseName, describeTarget, type DatabaseTarget, type PostgresTarget } from '../../db/engine';
import { restorePgBackup } from '../../db/pg-backup';
import type { DB } from '../../db/schema';
import type { ApiResult, Input, MethodName, Output } from '../../shared/api/index';
import { toIsoDate } from '../../shared/dates';
import { installVietnameseMessages } from '../../shared/locale';
import { agencyHandlers } from './agency/handlers';
import type { HandlerMap, HostCapabilities, ReplacedDatabase, SmtpTimeouts } from './context';
import { attachmentsHandlers } from './attachments/handlers';
import { exportsHandlers } from './registers/exports';
import { importsHandlers } from './registers/imports';
import { filesHandlers } from './files';
import { createFileStore, type HeldFile } from './file-store';
import type { FileHandle } from '../../shared/api/files';
import { createRegistry, type BaseContext, type CallOptions } from './registry';
import { makeStores } from './stores';
import { backupDirOf, backupHandlers, backupOwner, dailyBackup, makeBackup, readBackupSettings, removeLeftovers } from './backup/handlers';
import { takeDatabaseLock, type DatabaseLock } from './backup/db-lock';
import { trashHandlers } from './trash/handlers';
import { damagedError } from './backup/recovery';
import { checkInBackground, type IntegrityResult } from './backup/integrity';
import { authenticator, sessionLive } from './auth/sign-in';
import { authHandlers } from './auth/handlers';
import { reportsHandlers } from './reports/handlers';
import { processOutbox, sendHandlers, settleInterrupted } from './send/handlers';
import { templatesHandlers } from './templates/handlers';
import { dashboardHandlers } from './reports/dashboard';
import { jobsHandlers } from './jobs';
import { AppError } from '../../shared/api/errors';
import { auditHandlers } from './audit/handlers';
import { incomingHandlers } from './incoming/handlers';
import { outgoingHandlers } from './outgoing/handlers';
import { searchHandlers } from './search/handlers';
import { unitsHandlers } from './units/handlers';
import { tasksHandlers } from './tasks/handlers';
import { taskImportHandlers } from './tasks/import';
import { taskExportsHandlers } from './tasks/exports';
import { calendarHandlers } from './calendar/handlers';
import { dossiersHandlers } from './dossiers/handlers';
import { tthcImportHandlers } from './tthc/import';
import { dossierExportsHandlers } from './dossiers/exports';
import { tthcExportsHandlers } from './tthc/exports';
import { tthcHandlers } from './tthc/handlers';
import { documentsReadHandlers } from './documents-read/handlers';
import { trustHandlers } from './signatures/handlers';
import { intakeHandlers, startIntake, type IntakeOptions } from './intake/index';

interface CommonCoreOptions {
  /** Attachments, exports and backups live here; default: the database's folder. */
  dataDir?: string;
  /** Fixed clock for tests. */
  clock?: () => Date;
  host?: HostCapabilities;
  /** Shells: a backup at the first start of each day and on quit. */
  autoBackup?: boolean;
  /** Tests only: see OpenOptions.pragmas. */
  pragmas?: readonly string[];
  /** Shells: send the outbox's due messages every this many milliseconds. */
  outboxEveryMs?: number;
  /** Shells: where better-sqlite3 is, so a large database can be checked by a worker thread after start. */
  sqliteModule?: string;
  /** Databases larger than this are checked in the background instead of before use (default 64 MB). */
  checkAtStartBytes?: number;
  /** Tests: the outbox's SMTP timeouts. */
  smtpTimeouts?: SmtpTimeouts;
  /** Tests only: kysely plugins on every query the handlers run, e.g. to inject a failure after a write. */
  queryPlugins?: readonly KyselyPlugin[];
  /** Shells: scan the watched folders (and fetch the office mailbox when due) every this many milliseconds; tests make it short. */
  intakeEveryMs?: number;
  /** The intake queue's timings (stableMs, the mailbox's interval and retry delays) and, in tests, the IMAP server's CA. */
  intake?: Omit<IntakeOptions, 'everyMs'>;
  /** Who holds the database, told to a second program that tries to open it: "Văn thư (máy tính)", "Văn thư (trình duyệt)". */
  programName?: string;
}

/**
 * A SQLite file by its path (the default), or any target (db/engine.ts); a
 * PostgreSQL database has no folder of its own, so it needs dataDir.
 */
export type CoreOptions = CommonCoreOptions & ({ dbPath: string; database?: undefined } | { database: DatabaseTarget; dbPath?: undefined; dataDir: string });

/** On PostgreSQL the server keeps other programs' writes safe: no lock file. */
const noLock: Pick<DatabaseLock, 'file' | 'held' | 'release'> = { file: '', held: () => true, release: () => undefined };

export interface CoreEvent {
  type: string;
  [k: string]: unknown;
}

const handlers: HandlerMap<MethodName> = {
  ...agencyHandlers,
  ...unitsHandlers,
  ...incomingHandlers,
  ...outgoingHandlers,
  ...searchHandlers,
  ...attachmentsHandlers,
  ...exportsHandlers,
  ...importsHandlers,
  ...filesHandlers,
  ...tasksHandlers,
  ...taskImportHandlers,
  ...taskExportsHandlers,
  ...calendarHandlers,
  ...tthcHandlers,
  ...dossiersHandlers,
  ...dossierExportsHandlers,
  ...tthcExportsHandlers,
  ...tthcImportHandlers,
  ...backupHandlers,
  ...trashHandlers,
  ...auditHandlers,
  ...authHandlers,
  ...reportsHandlers,
  ...sendHandlers,
  ...templatesHandlers,
  ...dashboardHandlers,
  ...jobsHandlers,
  ...documentsReadHandlers,
  ...trustHandlers,
  ...intakeHandlers,
};

export async function createCore(opts: CoreOptions) {
  installVietnameseMessages();
  const target: DatabaseTarget = opts.database ?? { engine: 'sqlite', file: opts.dbPath };
  // What the SQLite-only parts (lock file, checks, backups, restore) work on; null on PostgreSQL.
  const sqliteFile = target.engine === 'sqlite' ? target.file : null;
  const dbPath = sqliteFile ?? describeTarget(target);
  const dataDir = opts.dataDir ?? path.dirname(path.resolve(dbPath));
  const backupDir = path.join(dataDir, 'backups');
  const clock = opts.clock ?? (() => new Date());
  const checkAtStartBytes = opts.checkAtStartBytes ?? CHECK_AT_START_BYTES;
  if (sqliteFile) refuseNetworkPath(sqliteFile);
  // Taken before the file is read: a second program is refused before it writes a byte.
  const lock: Pick<DatabaseLock, 'file' | 'held' | 'release'> = sqliteFile ? takeDatabaseLock(sqliteFile, opts.programName ?? 'Văn thư', clock()) : noLock;
  let opened: OpenedDatabase = await openDatabase(target, { backupDir, checkAtStartBytes, ...(opts.pragmas ? { pragmas: opts.pragmas } : {}) }).catch((e: unknown) => {
    const error = sqliteFile && e instanceof AppError && e.code === 'DB_DAMAGED' ? damagedError(sqliteFile, backupDir, clock(), e.message) : e;
    lock.release();
    throw error;
  });
  const events = new EventEmitter();
  // Per database, so that two databases in one folder never see each other's files.
  const files = createFileStore(path.join(dataDir, 'tep-tam', sqliteFile ? path.basename(sqliteFile) : `pg-${databaseName(target.engine === 'postgres' ? target.url : '')}`), () => clock().getTime());
  const plugged = (db: Kysely<DB>) => (opts.queryPlugins ?? []).reduce((d, p) => d.withPlugin(p), db);
  // What may still read the file in this process; a restore waits for it.
  let background: Promise<unknown> = Promise.resolve();
  const base: BaseContext = {
    authenticate: (session, method, clientAddress, within) => (within ? authenticator(within) : gate)(session, method, clientAddress),
    engine: opened.engine,
    database: target,
    db: plugged(opened.db),
    stores: makeStores({ db: plugged(opened.db), engine: opened.engine }),
    sqlite: opened.sqlite,
    dataDir,
    files,
    now: () => clock().toISOString(),
    today: () => toIsoDate(clock()),
    events,
    host: opts.host ?? {},
    ...(opts.smtpTimeouts ? { smtpTimeouts: opts.smtpTimeouts } : {}),
    async replaceDatabase(from: string): Promise<ReplacedDatabase> {
      if (target.engine === 'postgres') return replacePostgres(target, from);
      const sqliteFile = target.file;
      const incoming = `${sqliteFile}.dang-khoi-phuc`;
      if (path.resolve(from) !== path.resolve(incoming)) fs.copyFileSync(from, incoming);
      await background;
      if (!lock.held()) throw new AppError('DB_IN_USE', `Tệp khóa ${path.basename(lock.file)} của cơ sở dữ liệu đã bị xóa hoặc bị chương trình khác lấy: chưa khôi phục, dữ liệu hiện tại giữ nguyên. Hãy đóng các chương trình Văn thư khác rồi mở lại.`);
      await opened.close();
      // Another program with the file open would keep writing to the replaced file and lose what it saves.
      const busy = openElsewhere(sqliteFile);
      if (!busy) {
        for (const f of [`${sqliteFile}-wal`, `${sqliteFile}-shm`]) fs.rmSync(f, { force: true });
        fs.renameSync(incoming, sqliteFile);
      }
      // An older backup is migrated like any older database.
      await reopen();
      if (busy) throw new AppError('DB_IN_USE', `Có chương trình khác đang mở tệp ${path.basename(sqliteFile)}: chưa khôi phục, dữ liệu hiện tại giữ nguyên. Hãy đóng chương trình đó rồi thử lại.`);
      return { db: opened.db, dump: null };
    },
  };
  async function reopen(): Promise<void> {
    opened = await openDatabase(target, { backupDir });
    base.db = plugged(opened.db);
    base.stores = makeStores({ db: base.db, engine: base.engine });
    base.sqlite = opened.sqlite;
  }
  /**
   * The dump goes into a new database and is checked, an undo dump is made,
   * then this server's pool is closed for the swap (restorePgBackup); it is
   * opened again whatever came of the swap, on the data as it then is.
   */
  async function replacePostgres(pgTarget: PostgresTarget, from: string): Promise<ReplacedDatabase> {
    await background;
    const settings = await readBackupSettings(base);
    let released = false;
    const undoOptions = { dir: backupDirOf(dataDir, settings), owner: await backupOwner(base), at: clock().toISOString(), reason: 'truoc-khoi-phuc', keep: settings };
    let r: Awaited<ReturnType<typeof restorePgBackup>>;
    try {
      r = await restorePgBackup(pgTarget, from, {
        ...undoOptions,
        release: async () => {
          released = true;
          await opened.close();
        },
      });
    } finally {
      if (released) await reopen();
    }
    const { id, createdAt, reason, sizeBytes } = r.undo;
    return { db: opened.db, dump: { counts: r.counts, dataVersion: r.dataVersion, undo: { id, createdAt, reason, sizeBytes } } };
  }
  const gate = authenticator(base);
  const registry = createRegistry(base, handlers);
  // The day's first backup runs while the office starts working (seconds on a ten-year database); quitting waits for it.
  await removeLeftovers(base);
  const daily = opts.autoBackup ? dailyBackup(base) : Promise.resolve(null);
  await settleInterrupted(base);
  // A large database opens at once and is checked meanwhile; a problem is announced, the data left as is.
  const integrity =
    opts.sqliteModule && sqliteFile && fs.statSync(sqliteFile).size > checkAtStartBytes
      ? checkInBackground(sqliteFile, opts.sqliteModule).then((r) => {
          if (!r.ok) console.error(`Kiểm tra cơ sở dữ liệu: có lỗi (${r.message}). Hãy khôi phục từ bản sao lưu gần nhất.`);
          events.emit('event', { type: 'integrity', ok: r.ok, message: r.message });
          return r;
        })
      : Promise.resolve<IntegrityResult | null>(null);
  background = Promise.all([daily, integrity]);
  // The outbox runs as the app itself, not as a signed-in user.
  const outboxCtx = () => ({ ...base, method: 'send.process' as const, actor: 'hop-thu-di', user: null, session: null, clientAddress: null, program: null });
  let sending = false;
  const outboxTimer = opts.outboxEveryMs
    ? setInterval(() => {
        if (sending) return;
        sending = true;
        void processOutbox(outboxCtx())
          .catch((e: unknown) => console.error(`Hộp thư đi: ${e instanceof Error ? e.message : String(e)}`))
          .finally(() => (sending = false));
      }, opts.outboxEveryMs)
    : null;
  // The queue's reader, mailbox and watched folders run as the app itself too.
  const intake = startIntake((method) => ({ ...base, method, actor: 'cho-vao-so', user: null, session: null, clientAddress: null, program: null }), { ...opts.intake, ...(opts.intakeEveryMs ? { everyMs: opts.intakeEveryMs } : {}) });
  // Typed for callers that know the method (tests, demo); the shells pass
  // whatever arrived and get the same validation.
  function call<M extends MethodName>(method: M, input: Input<M>, callOpts?: CallOptions): Promise<ApiResult<Output<M>>>;
  function call(method: string, input: unknown, callOpts?: CallOptions): Promise<ApiResult<unknown>>;
  function call(method: string, input: unknown, callOpts?: CallOptions): Promise<ApiResult<unknown>> {
    // A session begun on the server's own machine is told apart from the clients' by the program's name.
    return registry.call(method, input, { program: opts.programName ?? null, ...callOpts });
  }
  return {
    /** The SQLite file, or on PostgreSQL the server and database (for messages). */
    dbPath,
    engine: opened.engine,
    dataDir,
    migrationBackup: opened.migrationBackup,
    /** The background integrity check of a large database (null when it was checked before use). */
    integrity,
    call,
    /** Many calls in one transaction, each undone alone when it fails (or, atomic, all with the first failure): see Registry.batch. */
    batch: registry.batch,
    describe: registry.describe,
    onEvent(listener: (e: CoreEvent) => void): () => void {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    /**
     * The shells' way in for a file's bytes (POST /api/files, the desktop's open
     * dialog): any signed-in user may upload; the handle is theirs alone.
     */
    async upload(session: string | null, name: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<ApiResult<FileHandle>> {
      try {
        const user = await gate(session, 'files.save');
        return { ok: true, value: await files.receive(user, name, content) };
      } catch (e) {
        return { ok: false, error: e instanceof AppError ? e.toApiError() : { code: 'IO', message: `Không nhận được tệp: ${e instanceof Error ? e.message : String(e)}`, fields: [] } };
      }
    },
    /** The download route: the caller's own handle (open() streams it); UNAUTHORIZED without a session, NOT_FOUND for another user's. */
    async download(session: string | null, fileId: string): Promise<ApiResult<HeldFile & { open(): fs.ReadStream }>> {
      try {
        const held = files.get(await gate(session, 'files.save'), fileId);
        return { ok: true, value: { ...held, open: () => fs.createReadStream(held.path) } };
      } catch (e) {
        return { ok: false, error: e instanceof AppError ? e.toApiError() : { code: 'NOT_FOUND', message: 'Không có tệp này.', fields: [] } };
      }
    },
    /**
     * The events one session may see (the HTTP shells' GET /api/events):
     * data.changed for every signed-in session, a job's progress only for the
     * user who started it. When the session ends (signed out, ended by the
     * administrator, idle) the listener gets session.ended and nothing more.
     */
    async subscribe(session: string | null, listener: (e: CoreEvent) => void): Promise<ApiResult<() => void>> {
      try {
        const user = await gate(session, 'jobs.cancel');
        let off = () => undefined as void;
        const check = () => {
          if (!session) return;
          void sessionLive(base, session).then((live) => {
            if (live) return;
            off();
            listener({ type: 'session.ended' });
          }, () => undefined);
        };
        const onEvent = (e: CoreEvent) => {
          if (e.type === 'job.progress' && e.userId !== (user?.id ?? null)) return;
          listener(e);
          if (e.type === 'data.changed') check();
        };
        const timer = setInterval(check, 30_000);
        events.on('event', onEvent);
        off = () => {
          clearInterval(timer);
          events.off('event', onEvent);
        };
        return { ok: true, value: () => off() };
      } catch (e) {
        return { ok: false, error: e instanceof AppError ? e.toApiError() : { code: 'INTERNAL', message: `Không nhận được sự kiện: ${e instanceof Error ? e.message : String(e)}`, fields: [] } };
      }
    },
    async close(): Promise<void> {
      await daily;
      if (outboxTimer) clearInterval(outboxTimer);
      await intake.stop();
      if (opts.autoBackup) await makeBackup(base, 'khi-thoat').catch((e: unknown) => console.error(`Sao lưu khi thoát không được: ${e instanceof Error ? e.message : String(e)}`));
      await opened.close();
      files.close();
      lock.release();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
