/**
 * The other program on a database, for the one-writer tests. The mode is in
 * SECOND_WRITER (so that importing countUp runs nothing):
 * - open DB: opens a core as the browser shell would; prints {opened:false, code,
 *   message} when refused, else registers one document and prints {opened:true}.
 * - hold DB: opens a core, prints "ready", and waits until killed.
 * - count DB N: opens the connection only (no core), prints "ready", waits for a
 *   line on stdin, then runs N read-then-write transactions on a counter table,
 *   as the numbering of a register does; prints {done, failed: [messages]}.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../db/connection';
import { createCore } from '../../electron/core/index';
import { AppError } from '../../shared/api/errors';

const mode = process.env.SECOND_WRITER;
const [dbPath, n] = process.argv.slice(2);

async function open(): Promise<void> {
  try {
    const core = await createCore({ dbPath: dbPath!, programName: 'Văn thư (trình duyệt)', autoBackup: true });
    const r = await core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', notation: `${process.pid}/UBND`, documentDate: '2026-11-18', subject: 'Văn bản của chương trình thứ hai' });
    await core.close();
    process.stdout.write(`${JSON.stringify({ opened: true, registered: r.ok })}\n`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    process.stdout.write(`${JSON.stringify({ opened: false, code: e.code, message: e.message })}\n`);
  }
}

async function hold(): Promise<void> {
  await createCore({ dbPath: dbPath!, programName: 'Văn thư (máy tính)' });
  process.stdout.write('ready\n');
  setInterval(() => {}, 60_000);
}

/** Shared with the parent test: the counter both processes advance. */
export async function countUp(file: string, times: number, who: string, ready: () => Promise<void> = async () => {}): Promise<{ done: number; failed: string[] }> {
  const opened = await openDatabase(file, { backupDir: `${file}-backups` });
  await sql`create table if not exists counter (n integer primary key, who text not null)`.execute(opened.db);
  await ready();
  const failed: string[] = [];
  let done = 0;
  for (let i = 0; i < times; i++) {
    try {
      await opened.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ next: number }>`select coalesce(max(n), 0) + 1 as next from counter`.execute(trx);
        await sql`insert into counter (n, who) values (${rows[0]!.next}, ${who})`.execute(trx);
      });
      done++;
    } catch (e) {
      failed.push(e instanceof Error ? e.message : String(e));
    }
  }
  await opened.close();
  return { done, failed };
}

async function main(): Promise<void> {
  if (mode === 'open') return open();
  if (mode === 'hold') return hold();
  if (mode === 'count') {
    const go = new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
    const result = await countUp(dbPath!, Number(n), 'child', async () => {
      process.stdout.write('ready\n');
      await go;
      process.stdin.destroy();
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

if (mode) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
