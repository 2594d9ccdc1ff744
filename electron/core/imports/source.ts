/** Where an imported sheet comes from (a path on this PC, or uploaded content), and the backup taken before a real import. */
import fs from 'node:fs';
import { fieldError } from '../../../shared/api/errors';
import { makeBackup } from '../backup';
import type { CallContext } from '../context';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const tooLarge = (size: number) => fieldError('VALIDATION', 'path', `Tệp quá lớn (${Math.ceil(size / 1024 / 1024)} MB): tối đa 50 MB.`);

/**
 * The one place an import touches the user's file. Opened without blocking
 * (a FIFO or a device would otherwise hold the process), then read only if
 * the opened file is a regular one of at most 50 MB.
 */
export function readSource(input: { path?: string | null; contentBase64?: string | undefined }): Buffer {
  if (!input.path) {
    const data = Buffer.from(input.contentBase64 ?? '', 'base64');
    if (data.length > MAX_IMPORT_BYTES) throw tooLarge(data.length);
    return data;
  }
  let fd: number;
  try {
    fd = fs.openSync(input.path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch {
    throw fieldError('VALIDATION', 'path', `Không tìm thấy hoặc không mở được tệp ${input.path}.`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw fieldError('VALIDATION', 'path', `${input.path} không phải một tệp thông thường: chọn tệp Excel (.xlsx).`);
    if (st.size > MAX_IMPORT_BYTES) throw tooLarge(st.size);
    const data = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, data, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return data.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** Into the backup folder and its rotation, like every other backup. */
export async function backupBeforeImport(ctx: CallContext): Promise<void> {
  await makeBackup(ctx, 'truoc-nhap-excel');
}

/** Reads the sheet; what cannot be read is the user's file's problem, told as such. */
export async function readChecked<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw fieldError('VALIDATION', 'path', `Không đọc được tệp Excel: ${e instanceof Error ? e.message : String(e)}`);
  }
}
