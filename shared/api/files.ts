/**
 * Files travel as handles: an export answers {fileId, name, size}; an upload
 * (POST /api/files in the browser, the open dialog on the desktop) gives a
 * fileId that imports, attachments and templates take. No method takes a path.
 */
import { z } from 'zod';
import { method } from './define';

/** The largest file accepted by an upload (a backup to restore can be large). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export const fileHandleSchema = z.object({ fileId: z.string(), name: z.string(), size: z.number() });
export type FileHandle = z.infer<typeof fileHandleSchema>;

/** An export's answer: the handle and how many rows it holds. */
export const exportResultSchema = fileHandleSchema.extend({ rows: z.number() });

export const fileId = (label = 'Tệp') =>
  z
    .string({ error: `${label}: chưa chọn tệp.` })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, `${label}: mã tệp không hợp lệ. Hãy chọn lại tệp.`);

const FORBIDDEN = /[\\/:*?"<>|]/g;

/** A name safe on every system: no folder part, no reserved characters, at most 200 characters with its extension kept. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const visible = [...base].map((c) => (c.charCodeAt(0) < 32 ? '_' : c)).join('');
  const cleaned = visible.replace(FORBIDDEN, '_').replace(/^[.\s]+|[.\s]+$/g, '');
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export const filesContracts = {
  'files.save': method({
    summary: 'Lưu tệp đã xuất: hộp thoại Lưu ở bản máy tính; bản trình duyệt nhận địa chỉ tải về',
    mode: 'read',
    input: z.object({ fileId: fileId() }),
    output: z.object({
      /** The desktop saved it (false when the user cancelled, or in the browser shell). */
      saved: z.boolean(),
      /** Where the browser downloads it (browser shell only); the request carries token and session. */
      downloadUrl: z.string().nullable(),
    }),
  }),
};
