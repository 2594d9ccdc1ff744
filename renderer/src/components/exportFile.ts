/** Saving an export: the desktop asks where (save dialog); the browser shell downloads the file. */
import type { ApiResult } from '../../../shared/api/errors';
import { call, downloadUrl } from '../api/client';

type Run = (path: string) => Promise<ApiResult<{ path: string; rows: number }>>;

/** The message to show, and the written file (to send it on) when it worked. */
export async function exportFile(fileName: string, run: Run, describe: (rows: number) => string): Promise<{ message: string; path: string | null }> {
  const target = await call('files.savePath', { fileName });
  if (!target.ok) return { message: target.error.message, path: null };
  if (!target.value.path) return { message: 'Đã hủy.', path: null };
  const r = await run(target.value.path);
  if (!r.ok) return { message: r.error.fields[0]?.message ?? r.error.message, path: null };
  if (target.value.downloadPath) window.location.assign(downloadUrl(target.value.downloadPath));
  return { message: `Đã xuất ${describe(r.value.rows)}${target.value.downloadPath ? '' : ` vào ${r.value.path}`}.`, path: r.value.path };
}

export async function exportToFile(fileName: string, run: Run, describe: (rows: number) => string): Promise<string> {
  return (await exportFile(fileName, run, describe)).message;
}
