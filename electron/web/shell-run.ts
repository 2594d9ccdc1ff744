/** What the command-line shells (npm run web, npm run server) share: the core as a shell runs it, and a clean stop. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCore, type Core } from '../core/index';
import type { PostgresTarget } from '../../db/engine';

type ShellTarget = { dbPath: string; dataDir?: string | undefined; database?: undefined } | { database: PostgresTarget; dataDir: string; dbPath?: undefined };

/** The core with the day's backup, the backup on quit and the outbox, as every shell runs it; a SQLite file by default, or a PostgreSQL database (its files in dataDir). */
export function shellCore(o: ShellTarget & { programName: string }): Promise<Core> {
  return createCore({
    ...(o.database ? { database: o.database, dataDir: path.resolve(o.dataDir) } : { dbPath: o.dbPath }),
    programName: o.programName,
    autoBackup: true,
    outboxEveryMs: 20_000,
    intakeEveryMs: 3_000,
    sqliteModule: createRequire(import.meta.url).resolve('better-sqlite3'),
    ...(o.dataDir ? { dataDir: path.resolve(o.dataDir) } : {}),
  });
}

/** Ctrl+C or a service stop: the server closes, then the core (its backup on quit), then the process. */
export function stopOnSignals(server: { close(): Promise<void> }, core: { close(): Promise<void> }): void {
  const stop = async () => {
    await server.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
