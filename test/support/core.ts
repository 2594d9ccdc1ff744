import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/index';
import type { ApiResult } from '../../shared/api/errors';
import { databaseName, type DatabaseTarget, type PostgresTarget } from '../../db/engine';
import { freshDatabase, testEngine } from './postgres';

export function tempDir(prefix = 'vanthu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  dir: string;
  /** The SQLite file; on PostgreSQL the server and database the core names in messages. */
  dbPath: string;
  /** Where the data is, for a second connection to it (test/support/db.ts). */
  database: DatabaseTarget;
  close(): Promise<void>;
}

type MakeCoreOptions = Omit<CoreOptions, 'dbPath' | 'database' | 'clock' | 'queryPlugins'>;

/** A test that opens a core again in the same folder finds its data, as with the SQLite file there. */
const postgresOfDir = new Map<string, Promise<PostgresTarget>>();
function postgresOf(dir: string): Promise<PostgresTarget> {
  const found = postgresOfDir.get(dir) ?? freshDatabase();
  postgresOfDir.set(dir, found);
  return found;
}

/**
 * A core on a new database in a temp folder: a SQLite file, or under
 * VANTHU_TEST_ENGINE=postgres (the integration-pg project) a fresh database
 * on the run's PostgreSQL cluster, the folder then holding its files.
 */
export async function makeCore(opts: { clock?: () => Date; dir?: string; queryPlugins?: CoreOptions['queryPlugins']; options?: MakeCoreOptions } = {}): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const rest = { ...opts.options, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.queryPlugins ? { queryPlugins: opts.queryPlugins } : {}) };
  const database: DatabaseTarget = testEngine() === 'postgres' ? await postgresOf(dir) : { engine: 'sqlite', file: path.join(dir, 'van-thu.sqlite') };
  const core = database.engine === 'postgres' ? await createCore({ ...rest, database, dataDir: opts.options?.dataDir ?? dir }) : await createCore({ ...rest, dbPath: database.file });
  return { core, dir, dbPath: core.dbPath, database, close: () => core.close() };
}

/** The folder of the files a core holds for its callers (tep-tam/<its database>), as electron/core/index.ts names it. */
export function heldDir(t: TestCore): string {
  return path.join(t.dir, 'tep-tam', t.database.engine === 'sqlite' ? path.basename(t.database.file) : `pg-${databaseName(t.database.url)}`);
}

/** How the core's backups end: SQLite copies of the file, or pg_dump's custom format. */
export const backupExtension = (t: TestCore): string => (t.database.engine === 'sqlite' ? '.sqlite' : '.dump');

/** The value of a successful call; a failed one fails the test with its message. */
export function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`Expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

export const standardAgency = {
  name: 'Sở Tài nguyên và Môi trường',
  parentName: 'UBND tỉnh Lạng Sơn',
  abbreviation: 'STNMT',
  place: 'Lạng Sơn',
};

/** Uploads bytes as the browser or the desktop would: the handle's fileId. */
export async function upload(core: Core, name: string, content: Buffer | string, session: string | null = null): Promise<string> {
  return ok(await core.upload(session, name, typeof content === 'string' ? Buffer.from(content) : content)).fileId;
}

/** Uploads a file of this machine (test fixtures) under its own name. */
export function uploadPath(core: Core, file: string, session: string | null = null): Promise<string> {
  return upload(core, path.basename(file), fs.readFileSync(file), session);
}

/** Where the core keeps an export it answered with a handle (to read it in a test). */
export async function heldPath(core: Core, handle: { fileId: string }, session: string | null = null): Promise<string> {
  return ok(await core.download(session, handle.fileId)).path;
}

/** A loopback port nobody listens on now (for a server the test stops and starts again on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
