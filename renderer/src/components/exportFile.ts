/** Saving an export: the core writes it and answers a handle; the desktop asks where (save dialog), the browser downloads it. */
import type { ApiResult } from '../../../shared/api/errors';
import type { FileHandle } from '../../../shared/api/files';
import { saveFile } from '../api/client';

type Exported = FileHandle & { rows: number };
type Run = () => Promise<ApiResult<Exported>>;

/** The message to show, and the written file's handle (to send it on) when it worked. */
export async function exportFile(run: Run, describe: (rows: number) => string): Promise<{ message: string; file: FileHandle | null }> {
  const r = await run();
  if (!r.ok) return { message: r.error.fields[0]?.message ?? r.error.message, file: null };
  const saved = await saveFile(r.value);
  return { message: `Đã xuất ${describe(r.value.rows)}. ${saved}`, file: r.value };
}

export async function exportToFile(run: Run, describe: (rows: number) => string): Promise<string> {
  return (await exportFile(run, describe)).message;
}
