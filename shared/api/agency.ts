import { z } from 'zod';
import { method } from './define';
import { abbreviation, optionalText, text } from '../validation';

export const agencySchema = z.object({
  configured: z.boolean(),
  name: z.string(),
  parentName: z.string(),
  abbreviation: z.string(),
  place: z.string(),
  /** Mã định danh của cơ quan trên trục liên thông (edXML OrganId), '' until set. */
  organId: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

/** An edXML OrganId (QCVN 102:2016), e.g. 000.00.15.H36; '' or null clears it. */
export const organIdInput = (label: string) =>
  optionalText(label, 50).refine((v) => v === null || /^[A-Za-z0-9._-]+$/.test(v), 'Mã định danh cơ quan chỉ gồm chữ, số và dấu chấm (ví dụ 000.00.15.H36).');

export const agencyUpdateInput = z.object({
  name: text('Tên cơ quan', 200),
  parentName: optionalText('Cơ quan chủ quản', 200),
  abbreviation: abbreviation('Tên viết tắt của cơ quan'),
  place: text('Địa danh', 100),
  organId: organIdInput('Mã định danh cơ quan (OrganId)').optional(),
});
export type AgencyUpdateInput = z.input<typeof agencyUpdateInput>;

export const agencyContracts = {
  'agency.get': method({
    summary: 'Thông tin cơ quan (tên, cơ quan chủ quản, viết tắt, địa danh)',
    mode: 'read',
    input: z.object({}),
    output: agencySchema,
  }),
  'agency.update': method({
    summary: 'Cập nhật thông tin cơ quan',
    input: agencyUpdateInput,
    output: agencySchema,
  }),
};
