import { z } from 'zod';
import { method } from './define';
import { fileId } from './files';
import { int, optionalText } from '../validation';

export const backupInfoSchema = z.object({
  /** The backup's file name in the backup folder: what backup.inspect and backup.restore take. */
  id: z.string(),
  createdAt: z.string(),
  /** hang-ngay, khi-thoat, thu-cong, truoc-khoi-phuc, truoc-nhap-excel… */
  reason: z.string(),
  sizeBytes: z.number(),
});
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const backupSettingsSchema = z.object({
  /** Where backups go: a USB drive or another disk; null: the data folder's backups/. */
  dir: z.string().nullable(),
  effectiveDir: z.string(),
  keepDaily: z.number(),
  keepWeekly: z.number(),
  keepMonthly: z.number(),
});

export const backupContentsSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  dataVersion: z.number(),
  ok: z.boolean(),
  counts: z.object({ units: z.number(), incoming: z.number(), outgoing: z.number(), tasks: z.number(), workFiles: z.number(), tthc: z.number() }),
});

/** A backup as backup.list names it: a file name, never a path. */
const backupId = z
  .string({ error: 'Bản sao lưu phải là tên một bản trong danh sách sao lưu.' })
  .trim()
  .min(1, 'Hãy chọn một bản sao lưu.')
  .max(255, 'Tên bản sao lưu dài quá 255 ký tự.')
  .regex(/^[^/\\]+\.(sqlite|dump)$/, 'Bản sao lưu phải là tên một bản trong danh sách sao lưu, không phải đường dẫn.');

/** A backup of the list (its id), or a backup file the administrator uploaded (from a USB drive, an old PC). */
const backupSource = z
  .object({ id: backupId.optional(), fileId: fileId('Tệp sao lưu').optional() })
  .refine((v) => !!v.id !== !!v.fileId, { message: 'Hãy chọn một bản sao lưu trong danh sách, hoặc tải lên một tệp sao lưu (một trong hai).', path: ['id'] });
export type BackupSource = z.infer<typeof backupSource>;

export const backupContracts = {
  'backup.settings': method({ summary: 'Cài đặt sao lưu: thư mục, số bản giữ lại', mode: 'read', input: z.object({}), output: backupSettingsSchema }),
  'backup.updateSettings': method({
    summary: 'Đổi thư mục sao lưu (ổ USB, ổ đĩa khác) và số bản giữ lại theo ngày, tuần, tháng',
    input: z.object({
      dir: optionalText('Thư mục sao lưu', 4000),
      keepDaily: int('Số bản giữ theo ngày', 1, 60).default(7),
      keepWeekly: int('Số bản giữ theo tuần', 0, 52).default(4),
      keepMonthly: int('Số bản giữ theo tháng', 0, 120).default(12),
    }),
    output: backupSettingsSchema,
  }),
  'backup.create': method({ summary: 'Sao lưu ngay (kiểm tra bản sao lưu, chép tệp đính kèm, xoay vòng bản cũ)', mode: 'job', input: z.object({}), output: backupInfoSchema }),
  'backup.compact': method({
    summary: 'Thu gọn cơ sở dữ liệu: ghi lại tệp bỏ các trang trống (sau khi nhập hoặc xóa nhiều), để tệp và các bản sao lưu nhỏ hơn',
    mode: 'job',
    input: z.object({}),
    output: z.object({ beforeBytes: z.number().int().nonnegative(), afterBytes: z.number().int().nonnegative() }),
  }),
  'backup.list': method({ summary: 'Các bản sao lưu, mới nhất trước', mode: 'read', input: z.object({}), output: z.object({ items: z.array(backupInfoSchema) }) }),
  'backup.inspect': method({ summary: 'Xem bản sao lưu chứa gì (ngày, số lượng) trước khi khôi phục', mode: 'read', input: backupSource, output: backupContentsSchema }),
  'backup.restore': method({
    summary: 'Khôi phục từ bản sao lưu; dữ liệu hiện tại được sao lưu trước để có thể hoàn tác',
    mode: 'job',
    input: backupSource,
    output: z.object({ restored: backupContentsSchema, undo: backupInfoSchema }),
  }),
};
