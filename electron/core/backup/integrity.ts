/**
 * The integrity check of a large database, off the main thread: a worker
 * opens the file read-only and runs quick_check while the office works. The
 * shell says where better-sqlite3 is (the packaged app and the browser shell
 * resolve modules differently).
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require(workerData.module);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const result = String(db.pragma('quick_check', { simple: true }));
  db.close();
  parentPort.postMessage({ ok: result === 'ok', message: result });
} catch (e) {
  parentPort.postMessage({ ok: false, message: e && e.message ? e.message : String(e) });
}
`;

export interface IntegrityResult {
  ok: boolean;
  message: string;
}

export function checkInBackground(file: string, sqliteModule: string): Promise<IntegrityResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, module: sqliteModule } });
    worker.once('message', (r: IntegrityResult) => {
      resolve(r);
      void worker.terminate();
    });
    worker.once('error', (e) => resolve({ ok: false, message: e.message }));
  });
}
