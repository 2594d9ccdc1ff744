/** Saving an export: the desktop asks where (save dialog); the browser shell downloads the file. Returns the message to show. */
import type { ApiResult } from '../../../shared/api/errors';
import { call, downloadUrl } from '../api/client';

export async function exportToFile(fileName: string, run: (path: string) => Promise<ApiResult<{ path: string; rows: number }>>, describe: (rows: number) => string): Promise<string> {
  const target = await call('files.savePath', { fileName });
  if (!target.ok) return target.error.message;
  if (!target.value.path) return 'Đã hủy.';
  const r = await run(target.value.path);
  if (!r.ok) return r.error.fields[0]?.message ?? r.error.message;
  if (target.value.downloadPath) window.location.assign(downloadUrl(target.value.downloadPath));
  return `Đã xuất ${describe(r.value.rows)}${target.value.downloadPath ? '' : ` vào ${r.value.path}`}.`;
}
