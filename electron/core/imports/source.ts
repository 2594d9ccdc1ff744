/** Where an imported sheet comes from (an uploaded file's handle), and the backup taken before a real import. */
import { fieldError } from '../../../shared/api/errors';
import { makeBackup } from '../backup';
import type { CallContext } from '../context';

/** Largest sheet read: a ten-year register is a few MB. */
const MAX_SHEET_BYTES = 50 * 1024 * 1024;

export function sourceFile(ctx: CallContext, input: { fileId: string }): { file: string; cleanup: () => void } {
  const f = ctx.files.get(ctx.user, input.fileId);
  if (f.size > MAX_SHEET_BYTES) throw fieldError('VALIDATION', 'fileId', `Tệp "${f.name}" quá lớn: tối đa 50 MB.`);
  return { file: f.path, cleanup: () => {} };
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
    throw fieldError('VALIDATION', 'fileId', `Không đọc được tệp Excel: ${e instanceof Error ? e.message : String(e)}`);
  }
}
