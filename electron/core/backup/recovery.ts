/**
 * A damaged database at start: the file is moved aside (never deleted, never
 * written), and the newest backup that passes its check is offered, to be put
 * in its place with restoreDatabaseFile.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { checkFile, stemOf } from '../../../db/backup-file';
import { listBackups } from './handlers';

/** The newest backup of this database file that passes its check; the damaged file's own id cannot be read, so its name decides. */
export function newestGoodBackup(dbPath: string, dir: string): string | null {
  for (const b of listBackups(dir, { stem: stemOf(dbPath), id: null })) if (checkFile(path.join(dir, b.id)).ok) return path.join(dir, b.id);
  return null;
}

export function damagedError(dbPath: string, backupDir: string, now: Date, cause: string): AppError {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const movedTo = `${dbPath}.hong-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(dbPath + suffix)) fs.renameSync(dbPath + suffix, movedTo + suffix);
  const backup = newestGoodBackup(dbPath, backupDir);
  const offer = backup ? `Bản sao lưu còn tốt mới nhất: ${backup}. Hãy khôi phục từ bản này.` : `Không tìm thấy bản sao lưu nào còn tốt trong ${backupDir}; hãy tìm bản sao lưu trên ổ USB hoặc ổ đĩa khác.`;
  return new AppError('DB_DAMAGED', `${cause} Tệp hỏng được chuyển sang ${path.basename(movedTo)} (không bị xóa). ${offer}`, [], { movedTo, backup });
}

/** Puts a checked backup where the database goes; refuses to overwrite an existing database. */
export function restoreDatabaseFile(dbPath: string, backup: string): void {
  if (fs.existsSync(dbPath)) throw new AppError('CONFLICT', `Đã có cơ sở dữ liệu ${dbPath}: không ghi đè. Hãy khôi phục từ trong phần mềm (Cài đặt → Sao lưu).`);
  const check = checkFile(backup);
  if (!check.ok) throw new AppError('DB_DAMAGED', `Bản sao lưu ${backup} cũng hỏng (${check.message}).`);
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  fs.copyFileSync(backup, dbPath);
}
