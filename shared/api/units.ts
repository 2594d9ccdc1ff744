import { z } from 'zod';
import { method } from './define';
import { bool, id, int, oneOf, optionalEmail, optionalId, optionalText, text } from '../validation';
import { abbreviation } from '../validation';
import { organIdInput } from './agency';

export const unitKinds = ['internal', 'external'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const unitSchema = z.object({
  id: z.number(),
  name: z.string(),
  abbreviation: z.string().nullable(),
  kind: z.enum(unitKinds),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  email: z.string().nullable(),
  /** An external agency's edXML OrganId, kept from the packages it sent. */
  organId: z.string().nullable(),
  order: z.number(),
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

const optionalAbbreviation = abbreviation('Tên viết tắt')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((v) => v ?? null);

const unitFields = {
  name: text('Tên đơn vị', 200),
  abbreviation: optionalAbbreviation,
  kind: oneOf('Loại đơn vị', unitKinds),
  parentId: optionalId('Đơn vị cấp trên'),
  email: optionalEmail('Thư điện tử'),
  organId: organIdInput('Mã định danh (OrganId)').optional(),
  order: int('Thứ tự', 0, 100000).optional(),
};

/** Internal units need an abbreviation: it is the "-VP" of a công văn's notation. */
function requireInternalAbbreviation(v: { kind?: UnitKind; abbreviation?: string | null }, ctx: z.RefinementCtx) {
  if (v.kind === 'internal' && !v.abbreviation) {
    ctx.addIssue({
      code: 'custom',
      path: ['abbreviation'],
      message: 'Tên viết tắt không được để trống với đơn vị thuộc cơ quan (dùng trong ký hiệu văn bản, ví dụ VP).',
    });
  }
}

export const unitsCreateInput = z.object(unitFields).superRefine(requireInternalAbbreviation);
export type UnitsCreateInput = z.input<typeof unitsCreateInput>;

export const unitsUpdateInput = z.object({
  id: id('Mã đơn vị'),
  name: unitFields.name.optional(),
  abbreviation: optionalAbbreviation.optional(),
  kind: unitFields.kind.optional(),
  parentId: unitFields.parentId.optional(),
  email: unitFields.email.optional(),
  organId: unitFields.organId,
  order: unitFields.order,
});
export type UnitsUpdateInput = z.input<typeof unitsUpdateInput>;

export const unitsListInput = z.object({
  kind: oneOf('Loại đơn vị', unitKinds).optional(),
  includeArchived: bool('Gồm đơn vị đã lưu trữ').optional(),
  q: optionalText('Từ khóa', 200),
});

export const unitsContracts = {
  'units.list': method({
    summary: 'Danh sách đơn vị trong và ngoài cơ quan, xếp theo thứ tự rồi theo tên (đối chiếu tiếng Việt)',
    mode: 'read',
    input: unitsListInput,
    output: z.object({ items: z.array(unitSchema) }),
  }),
  'units.create': method({
    summary: 'Thêm đơn vị',
    input: unitsCreateInput,
    output: unitSchema,
  }),
  'units.update': method({
    summary: 'Sửa đơn vị',
    input: unitsUpdateInput,
    output: unitSchema,
  }),
  'units.archive': method({
    summary: 'Ngừng sử dụng đơn vị (không xóa; khôi phục được)',
    input: z.object({ id: id('Mã đơn vị') }),
    output: unitSchema,
  }),
  'units.restore': method({
    summary: 'Dùng lại đơn vị đã ngừng sử dụng',
    input: z.object({ id: id('Mã đơn vị') }),
    output: unitSchema,
  }),
};
