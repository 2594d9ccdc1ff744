/** What the command-line shells (npm run web, npm run server) share: the core as a shell runs it, and a clean stop. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCore, type Core } from '../core/index';

/** The core with the day's backup, the backup on quit and the outbox, as every shell runs it. */
export function shellCore(o: { dbPath: string; programName: string; dataDir?: string | undefined }): Promise<Core> {
  return createCore({
    dbPath: o.dbPath,
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
