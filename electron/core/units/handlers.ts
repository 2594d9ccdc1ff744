import { AppError, fieldError } from '../../../shared/api/errors';
import type { Unit, UnitKind } from '../../../shared/api/units';
import { compareVi, foldVietnamese } from '../../../shared/text';
import type { CallContext, HandlerMap } from '../context';
import type { UnitRow } from './store';

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    name: r.name,
    abbreviation: r.abbreviation,
    kind: r.kind,
    parentId: r.parent_id,
    parentName: r.parent_name,
    email: r.email,
    organId: r.organ_id ?? null,
    order: r.sort_order,
    archived: r.archived_at !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

async function mustGet(ctx: CallContext, id: number): Promise<UnitRow> {
  const row = await ctx.stores.units.get(id);
  if (!row) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy đơn vị có mã ${id}.`);
  return row;
}

async function checkAbbreviation(ctx: CallContext, kind: UnitKind, abbreviation: string | null, exceptId: number | null) {
  if (kind !== 'internal' || !abbreviation) return;
  const owner = await ctx.stores.units.abbreviationOwner(abbreviation, exceptId);
  if (owner) {
    throw fieldError('CONFLICT', 'abbreviation', `Tên viết tắt "${abbreviation}" đã dùng cho đơn vị "${owner.name}".`, {
      unitId: owner.id,
    });
  }
}

async function checkParent(ctx: CallContext, parentId: number | null, kind: UnitKind, selfId: number | null) {
  if (parentId === null) return;
  const parent = await ctx.stores.units.get(parentId);
  if (!parent) throw fieldError('VALIDATION', 'parentId', `Đơn vị cấp trên (mã ${parentId}) không tồn tại.`);
  if (parent.kind !== kind)
    throw fieldError('VALIDATION', 'parentId', 'Đơn vị cấp trên phải cùng loại (trong cơ quan hoặc bên ngoài).');
  if (selfId !== null && (await ctx.stores.units.ancestorIds(parentId)).includes(selfId))
    throw fieldError('VALIDATION', 'parentId', 'Đơn vị cấp trên không được là chính đơn vị này hoặc đơn vị cấp dưới của nó.');
}

async function audit(ctx: CallContext, id: number, before: UnitRow | null, after: UnitRow) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'units', entityId: id, before, after });
}

export const unitsHandlers: HandlerMap<'units.list' | 'units.create' | 'units.update' | 'units.archive' | 'units.restore'> = {
  'units.list': async (ctx, input) => {
    const rows = await ctx.stores.units.list({
      ...(input.kind ? { kind: input.kind } : {}),
      includeArchived: input.includeArchived ?? false,
      qFold: input.q ? foldVietnamese(input.q) : null,
    });
    // SQLite has no Vietnamese collation; the lists are short, so sort here.
    rows.sort((a, b) => a.sort_order - b.sort_order || compareVi(a.name, b.name));
    return { items: rows.map(toUnit) };
  },

  'units.create': async (ctx, input) => {
    await checkAbbreviation(ctx, input.kind, input.abbreviation, null);
    await checkParent(ctx, input.parentId, input.kind, null);
    const now = ctx.now();
    const id = await ctx.stores.units.insert({
      name: input.name,
      name_fold: foldVietnamese(input.name),
      abbreviation: input.abbreviation,
      kind: input.kind,
      parent_id: input.parentId,
      email: input.email,
      organ_id: input.organId ?? null,
      sort_order: input.order ?? 0,
      created_at: now,
      updated_at: now,
      archived_at: null,
    });
    const after = await mustGet(ctx, id);
    await audit(ctx, id, null, after);
    return toUnit(after);
  },

  'units.update': async (ctx, input) => {
    const before = await mustGet(ctx, input.id);
    const kind = input.kind ?? before.kind;
    const abbreviation = input.abbreviation !== undefined ? input.abbreviation : before.abbreviation;
    const parentId = input.parentId !== undefined ? input.parentId : before.parent_id;
    if (kind === 'internal' && !abbreviation)
      throw fieldError('VALIDATION', 'abbreviation', 'Tên viết tắt không được để trống với đơn vị thuộc cơ quan.');
    if (before.archived_at === null) await checkAbbreviation(ctx, kind, abbreviation, before.id);
    await checkParent(ctx, parentId, kind, before.id);
    await ctx.stores.units.update(before.id, {
      ...(input.name !== undefined ? { name: input.name, name_fold: foldVietnamese(input.name) } : {}),
      abbreviation,
      kind,
      parent_id: parentId,
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.organId !== undefined ? { organ_id: input.organId } : {}),
      ...(input.order !== undefined ? { sort_order: input.order } : {}),
      updated_at: ctx.now(),
    });
    const after = await mustGet(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return toUnit(after);
  },

  'units.archive': async (ctx, input) => {
    const before = await mustGet(ctx, input.id);
    if (before.archived_at !== null) throw new AppError('CONFLICT', `Đơn vị "${before.name}" đã ngừng sử dụng từ trước.`);
    await ctx.stores.units.update(before.id, { archived_at: ctx.now(), updated_at: ctx.now() });
    const after = await mustGet(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return toUnit(after);
  },

  'units.restore': async (ctx, input) => {
    const before = await mustGet(ctx, input.id);
    if (before.archived_at === null) throw new AppError('CONFLICT', `Đơn vị "${before.name}" đang được sử dụng.`);
    await checkAbbreviation(ctx, before.kind, before.abbreviation, before.id);
    await ctx.stores.units.update(before.id, { archived_at: null, updated_at: ctx.now() });
    const after = await mustGet(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return toUnit(after);
  },
};
