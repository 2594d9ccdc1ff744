/** Where an imported sheet comes from (an uploaded file's handle), and the backup taken before a real import. */
import { fieldError } from '../../../shared/api/errors';
import { makeBackup } from '../backup/handlers';
import type { CallContext } from '../context';

/** Largest sheet read: a ten-year register is a few MB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The one place an import reads the user's file: the caller's own upload, a regular file of the core's store, at most 50 MB. */
export function readSource(ctx: CallContext, input: { fileId: string }): Buffer {
  return ctx.files.read(ctx.user, input.fileId, MAX_IMPORT_BYTES).content;
}

/** Into the backup folder and its rotation, like every other backup (a pg_dump on PostgreSQL). */
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
