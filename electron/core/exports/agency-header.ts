import { getAgencyRow } from '../../../db/agency';
import { AppError } from '../../../shared/api/errors';
import type { CallContext } from '../context';
import type { AgencyHeader } from './task-types';

/** The agency's header blocks; printing needs them, so a missing agency is a clear error. */
export async function agencyHeader(ctx: CallContext): Promise<AgencyHeader> {
  const a = await getAgencyRow(ctx.db);
  if (!a) throw new AppError('CONFLICT', 'Chưa nhập thông tin cơ quan: vào Cài đặt trước khi in.');
  return { name: a.name, parentName: a.parent_name ?? '', abbreviation: a.abbreviation, place: a.place };
}
