/**
 * What the PostgreSQL backups and the copy need beside the pool: a single
 * connection to a database of the same server (the maintenance database to
 * create, rename and drop databases), and Debian's pg_dump / pg_restore run
 * with the password in their environment (PGPASSWORD), never on their
 * command line where every user of the machine could read it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { AppError } from '../shared/api/errors';
import { safeUrl, type PostgresTarget } from './engine';
import { connectionError } from './errors';
import { readPasswordFile } from './postgres';

/** Debian's postgresql-client puts them here; VANTHU_PG_CLIENT_BIN points elsewhere (tests play a missing one with it). */
export const clientBinDir = (): string => process.env.VANTHU_PG_CLIENT_BIN ?? '/usr/bin';

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The password: the file's, else the URL's, else PGPASSWORD's (undefined: none, e.g. trust or a .pgpass). */
function passwordOf(target: PostgresTarget): string | undefined {
  if (target.passwordFile) return readPasswordFile(target.passwordFile);
  const inUrl = new URL(target.url).password;
  return inUrl ? decodeURIComponent(inUrl) : process.env.PGPASSWORD;
}

/** The same server and user, another database; the URL keeps its sslmode and drops the password. */
export function urlOfDatabase(url: string, database: string | null): string {
  const u = new URL(url);
  u.password = '';
  if (database !== null) u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export async function withClient<T>(target: PostgresTarget, database: string | null, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const password = passwordOf(target);
  const c = new pg.Client({ connectionString: urlOfDatabase(target.url, database), application_name: 'van-thu-sao-luu', ...(password !== undefined ? { password } : {}) });
  try {
    await c.connect();
  } catch (e) {
    throw connectionError(e, target.url) ?? e;
  }
  try {
    return await run(c);
  } finally {
    await c.end();
  }
}

/** Runs pg_dump or pg_restore on `database` of the target's server; their stderr is the error's message. */
export function runClientTool(tool: 'pg_dump' | 'pg_restore', target: PostgresTarget, database: string | null, args: readonly string[]): Promise<void> {
  const bin = path.join(clientBinDir(), tool);
  if (!fs.existsSync(bin)) {
    return Promise.reject(new AppError('IO', `Không có chương trình ${tool} (${bin}), cần cho sao lưu và khôi phục PostgreSQL. Hãy cài bằng: apt-get install postgresql-client`));
  }
  const password = passwordOf(target);
  const env = { ...process.env, ...(password !== undefined ? { PGPASSWORD: password } : {}) };
  const dbname = urlOfDatabase(target.url, database);
  return new Promise((resolve, reject) => {
    execFile(bin, [...args, `--dbname=${dbname}`], { env, maxBuffer: 16 * 1024 * 1024 }, (e, _stdout, stderr) => {
      if (!e) return resolve();
      const said = String(stderr).trim().split('\n').slice(-3).join(' ') || e.message;
      reject(new AppError('IO', `${tool} không chạy được trên ${safeUrl(dbname)}: ${said}`));
    });
  });
}

/** Every table of the app (public schema) and its row count, read on `c` (inside its snapshot, if it has one). */
export async function tableCounts(c: pg.Client): Promise<Record<string, number>> {
  const tables = (await c.query<{ name: string }>("select tablename as name from pg_tables where schemaname = 'public' order by tablename")).rows;
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = Number((await c.query<{ n: string }>(`select count(*) as n from ${quoteIdent(name)}`)).rows[0]?.n ?? 0);
  return out;
}

/** The tables whose counts differ, as "table: a ≠ b". */
export function countDifferences(a: Record<string, number>, b: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return names.filter((t) => a[t] !== b[t]).map((t) => `${t}: ${a[t] ?? 'không có'} ≠ ${b[t] ?? 'không có'}`);
}
