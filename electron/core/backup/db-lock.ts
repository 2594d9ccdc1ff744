/**
 * One writer per database: `<db>.lock` beside the database, created
 * exclusively, names the program holding it. A second program is refused with
 * that name and since when, before it reads or writes a byte of the database.
 * The lock of a process that died (same machine, process gone) is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from 'date-fns';
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';

const holderSchema = z.object({ program: z.string(), pid: z.number().int(), host: z.string(), since: z.string() });
export type LockHolder = z.infer<typeof holderSchema>;

/** A lock file still being written by its creator is not yet readable; after this long it is junk. */
const UNREADABLE_GRACE_MS = 10_000;

export interface DatabaseLock {
  file: string;
  holder: LockHolder;
  /** Whether the lock file still names this process (nobody removed or took it). */
  held(): boolean;
  release(): void;
}

export const lockFileOf = (dbPath: string) => `${dbPath}.lock`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(text: string): LockHolder | null {
  try {
    const parsed = holderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function inUseError(dbPath: string, holder: LockHolder | null): AppError {
  const name = path.basename(dbPath);
  if (!holder) return new AppError('DB_IN_USE', `Cơ sở dữ liệu ${name} đang được một chương trình khác mở để ghi. Hãy đóng chương trình đó rồi mở lại; chương trình này không ghi gì vào cơ sở dữ liệu.`);
  const since = format(new Date(holder.since), 'dd/MM/yyyy HH:mm');
  const where = holder.host === os.hostname() ? '' : ` trên máy ${holder.host}`;
  return new AppError(
    'DB_IN_USE',
    `Cơ sở dữ liệu ${name} đang được ${holder.program} mở để ghi${where} từ ${since} (tiến trình ${holder.pid}). Hãy dùng chương trình đó, hoặc đóng nó rồi mở lại; chương trình này không ghi gì vào cơ sở dữ liệu.`,
    [],
    { ...holder },
  );
}

/** Moves a dead process's lock aside, unless someone replaced it meanwhile (then it is put back). */
function takeOver(file: string, seen: string): void {
  const aside = `${file}.${process.pid}.cu`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  if (readText(aside) !== seen) {
    try {
      fs.linkSync(aside, file);
    } catch {
      // Someone else holds a newer lock now; the exclusive create below will say so.
    }
  }
  fs.rmSync(aside, { force: true });
}

export function takeDatabaseLock(dbPath: string, program: string, now: Date): DatabaseLock {
  const file = lockFileOf(dbPath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const holder: LockHolder = { program, pid: process.pid, host: os.hostname(), since: now.toISOString() };
  const mine = JSON.stringify(holder);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' });
      return {
        file,
        holder,
        held: () => readText(file) === mine,
        release: () => {
          if (readText(file) === mine) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new AppError('IO', `Không tạo được tệp khóa ${file} bên cạnh cơ sở dữ liệu: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const seen = readText(file);
    const written = fs.statSync(file, { throwIfNoEntry: false });
    if (seen === null || !written) continue;
    const other = readHolder(seen);
    const stale = other ? other.host === os.hostname() && !isAlive(other.pid) : Date.now() - written.mtimeMs > UNREADABLE_GRACE_MS;
    if (!stale) throw inUseError(dbPath, other);
    takeOver(file, seen);
  }
  throw inUseError(dbPath, readHolder(readText(file) ?? ''));
}
