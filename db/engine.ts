/**
 * Which database engine holds an office's data. SQLite is the default: one
 * file on the PC, embedded, nothing to install. PostgreSQL (15 or later) is
 * for an installation several departments share, or an IT office that wants
 * its own server's backups and monitoring.
 */
export type Engine = 'sqlite' | 'postgres';

export interface PostgresTarget {
  engine: 'postgres';
  /** postgres://user@host:port/database[?sslmode=require|verify-full]; a password in it is allowed but better kept out. */
  url: string;
  /** A file holding the password (first line), for a service that must not have it in its environment. */
  passwordFile?: string;
  /** Connections kept by this app server (default 10). */
  poolSize?: number;
  /** A statement running longer than this is cancelled (default 60 s). */
  statementTimeoutMs?: number;
  /** Waiting longer than this for a row or table lock fails the action instead of hanging it (default 10 s). */
  lockTimeoutMs?: number;
}

export type DatabaseTarget = { engine: 'sqlite'; file: string } | PostgresTarget;

export function toTarget(target: string | DatabaseTarget): DatabaseTarget {
  return typeof target === 'string' ? { engine: 'sqlite', file: target } : target;
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(địa chỉ cơ sở dữ liệu không hợp lệ)';
  }
}

/** host:port of the server, named in messages about it. */
export function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    return safeUrl(url);
  }
}

/** What a message names the database by: the file, or the server and database. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.engine === 'sqlite') return target.file;
  return `${serverOf(target.url)}/${databaseName(target.url)}`;
}

export function databaseName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
  } catch {
    return 'postgres';
  }
}
