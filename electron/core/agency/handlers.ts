import type { Agency } from '../../../shared/api/agency';
import type { HandlerMap } from '../context';
import type { AgencyTable } from '../../../db/schema';

function toAgency(row: AgencyTable | undefined): Agency {
  if (!row) return { configured: false, name: '', parentName: '', abbreviation: '', place: '', organId: '' };
  return {
    configured: true,
    name: row.name,
    parentName: row.parent_name ?? '',
    abbreviation: row.abbreviation,
    place: row.place,
    organId: row.organ_id ?? '',
  };
}

export const agencyHandlers: HandlerMap<'agency.get' | 'agency.update'> = {
  'agency.get': async (ctx) => toAgency(await ctx.stores.agency.get()),

  'agency.update': async (ctx, input) => {
    const before = await ctx.stores.agency.get();
    const row = {
      name: input.name,
      parent_name: input.parentName,
      abbreviation: input.abbreviation,
      place: input.place,
      // Left out, the OrganId already set stays: older callers do not know the field.
      organ_id: input.organId === undefined ? before?.organ_id ?? null : input.organId,
      updated_at: ctx.now(),
    };
    await ctx.stores.agency.save(row);
    const after = await ctx.stores.agency.get();
    await ctx.stores.audit.write({
      at: ctx.now(),
      actor: ctx.actor,
      action: ctx.method,
      entity: 'agency',
      entityId: 1,
      before: before ?? null,
      after,
    });
    return toAgency(after);
  },
};
