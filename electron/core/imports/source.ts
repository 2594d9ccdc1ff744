/** Where an imported sheet comes from (a path on this PC, or uploaded content), and the backup taken before a real import. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fieldError } from '../../../shared/api/errors';
import { makeBackup } from '../backup';
import type { CallContext } from '../context';

export function sourceFile(input: { path?: string | null; contentBase64?: string | undefined; fileName?: string | undefined }): { file: string; cleanup: () => void } {
  if (input.path) {
    if (!fs.existsSync(input.path)) throw fieldError('VALIDATION', 'path', `Không tìm thấy tệp ${input.path}.`);
    return { file: input.path, cleanup: () => {} };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-import-'));
  const file = path.join(dir, 'upload.xlsx');
  fs.writeFileSync(file, Buffer.from(input.contentBase64 ?? '', 'base64'));
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
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
