import { AppError } from '../../../shared/api/errors';
import type { Stores } from '../stores';
import type { AgencyHeader } from './types';

/** The agency's header blocks; printing needs them, so a missing agency is a clear error. */
export async function agencyHeader(ctx: { stores: Stores }): Promise<AgencyHeader> {
  const a = await ctx.stores.agency.get();
  if (!a) throw new AppError('CONFLICT', 'Chưa nhập thông tin cơ quan: vào Cài đặt trước khi in.');
  return { name: a.name, parentName: a.parent_name ?? '', abbreviation: a.abbreviation, place: a.place };
}
