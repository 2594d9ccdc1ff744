/** What incoming and outgoing handlers share: the register a document goes to, the units it names, its search entry. */
import type { DocKind, SearchDoc } from '../../../db/search';
import { fieldError } from '../../../shared/api/errors';
import { foldVietnamese } from '../../../shared/text';
import type { Stores } from '../stores';

type WithStores = { stores: Stores };

export async function resolveRegister(ctx: WithStores, kind: DocKind, registerId: number | null | undefined, secret: boolean): Promise<{ id: number; name: string }> {
  if (registerId) {
    const r = await ctx.stores.registers.get(registerId);
    if (!r || r.kind !== kind || r.archived_at !== null)
      throw fieldError('VALIDATION', 'registerId', `Sổ đăng ký (mã ${registerId}) không tồn tại hoặc không phải sổ văn bản ${kind === 'incoming' ? 'đến' : 'đi'}.`);
    if (secret && !r.secret)
      throw fieldError('VALIDATION', 'registerId', `Văn bản mật phải vào sổ văn bản mật, không vào "${r.name}".`);
    return r;
  }
  const r = await ctx.stores.registers.first(kind, secret);
  if (!r) throw fieldError('VALIDATION', 'registerId', 'Chưa có sổ đăng ký phù hợp.');
  return r;
}

/** Units the document names must exist; internal ones for handling and drafting. */
export async function checkUnits(
  ctx: WithStores,
  ids: readonly number[],
  path: string,
  label: string,
  kind: 'internal' | 'external' | 'any' = 'internal',
): Promise<Map<number, { id: number; name: string; abbreviation: string | null }>> {
  const out = new Map<number, { id: number; name: string; abbreviation: string | null }>();
  if (ids.length === 0) return out;
  const rows = await ctx.stores.units.byIds(ids);
  for (const id of ids) {
    const r = rows.find((x) => x.id === id);
    if (!r) throw fieldError('VALIDATION', path, `${label}: không có đơn vị mã ${id}.`);
    if (r.archived_at !== null) throw fieldError('VALIDATION', path, `${label}: đơn vị "${r.name}" đã ngừng sử dụng.`);
    if (kind !== 'any' && r.kind !== kind)
      throw fieldError('VALIDATION', path, `${label}: "${r.name}" không phải đơn vị ${kind === 'internal' ? 'thuộc cơ quan' : 'bên ngoài'}.`);
    out.set(id, { id: r.id, name: r.name, abbreviation: r.abbreviation });
  }
  return out;
}

type SearchFields = { notation: string | null; subject: string; sender: string | null; extra: (string | null)[] };

/** The document's search entry, folded as the search box folds what is typed. */
export function searchEntry(kind: DocKind, id: number, f: SearchFields): SearchDoc {
  return {
    kind,
    id,
    notation: foldVietnamese(f.notation ?? ''),
    subject: foldVietnamese(f.subject),
    sender: foldVietnamese(f.sender ?? ''),
    extra: foldVietnamese(f.extra.filter(Boolean).join(' ')),
  };
}

/** `fresh`: the document was just created, so it has no entry to replace. */
export async function reindex(ctx: WithStores, kind: DocKind, id: number, f: SearchFields, fresh = false): Promise<void> {
  await ctx.stores.registers.index(searchEntry(kind, id, f), fresh);
}
