/**
 * The database written again without its empty pages (SQLite VACUUM;
 * PostgreSQL's VACUUM frees them for reuse). A bulk load (the demo, an Excel
 * import) or many deletions leave pages partly empty, and every backup copies
 * them: ten years of the demo shrink by about 3%.
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from './engine';
import type { DB } from './schema';

async function sizeOf(db: Kysely<DB>, engine: Engine): Promise<number> {
  if (engine === 'postgres') {
    const r = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db);
    return Number(r.rows[0]!.n);
  }
  const r = await sql<{ n: number }>`select page_count * page_size as n from pragma_page_count(), pragma_page_size()`.execute(db);
  return Number(r.rows[0]!.n);
}

/** Its size before and after, in bytes. */
export async function compactNow(db: Kysely<DB>, engine: Engine): Promise<{ beforeBytes: number; afterBytes: number }> {
  // On the core's one connection, taken whole: VACUUM cannot run inside a transaction, and no call's transaction is then open.
  return db.connection().execute(async (c) => {
    const beforeBytes = await sizeOf(c, engine);
    await sql`vacuum`.execute(c);
    // The rewritten file went through the write-ahead log: put back into the file, the log emptied.
    if (engine === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(c);
    return { beforeBytes, afterBytes: await sizeOf(c, engine) };
  });
}
