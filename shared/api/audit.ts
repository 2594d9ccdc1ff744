import { z } from 'zod';
import { method } from './define';
import { exportResultSchema } from './files';
import { int, isoDate, optionalIsoDate, optionalText } from '../validation';

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  /** The user's full name where the actor is a user; otherwise a description ("Hộp thư đi", "Hệ thống"). */
  actorName: z.string(),
  action: z.string(),
  /** The method's Vietnamese description. */
  actionLabel: z.string(),
  entity: z.string(),
  /** "Văn bản đến", "Đơn vị"… */
  entityLabel: z.string(),
  entityId: z.number().nullable(),
  /** The record by its number or title: "Văn bản đến số 05 (448/BC-STNMT)". */
  record: z.string(),
  /** Fields the user knows by name whose shown values differ, labelled and written as the screens show them. */
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const filters = {
  from: optionalIsoDate('Từ ngày'),
  to: optionalIsoDate('Đến ngày'),
  entity: optionalText('Đối tượng', 50),
  actor: optionalText('Người thực hiện', 200),
};

export const auditContracts = {
  'audit.list': method({
    summary: 'Nhật ký thay đổi: ai, lúc nào, làm gì, giá trị trước và sau; lọc theo ngày, đối tượng, người',
    mode: 'read',
    input: z.object({ ...filters, entityId: int('Mã đối tượng', 1, Number.MAX_SAFE_INTEGER).nullish(), page: int('Trang', 1, 1_000_000).default(1), pageSize: int('Số dòng mỗi trang', 1, 500).default(100) }),
    output: z.object({ items: z.array(auditEntrySchema), total: z.number() }),
  }),
  'exports.audit': method({
    summary: 'Xuất nhật ký thay đổi ra Excel',
    mode: 'job',
    input: z.object({ ...filters, from: isoDate('Từ ngày'), to: isoDate('Đến ngày') }),
    output: exportResultSchema,
  }),
};
