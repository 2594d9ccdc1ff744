/** The abbreviations search understands: the common ones and the office's agency and units. */
import { abbreviationLookup, type AbbreviationLookup } from '../../../shared/abbreviations';
import type { Stores } from '../stores';

export async function loadAbbreviations(ctx: { stores: Stores }): Promise<AbbreviationLookup> {
  const [agency, units] = await Promise.all([ctx.stores.agency.get(), ctx.stores.units.abbreviated()]);
  return abbreviationLookup([...(agency ? [{ name: agency.name, abbreviation: agency.abbreviation }] : []), ...units]);
}
