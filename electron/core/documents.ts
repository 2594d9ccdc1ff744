/** What incoming and outgoing handlers share: registers, units, types, the search index. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { indexDoc, type DocKind } from '../../db/search';
import { fieldError } from '../../shared/api/errors';
import { documentTypeByCode } from '../../shared/documents/types';
import { foldVietnamese } from '../../shared/text';
import type { CallContext } from './context';

export async function resolveRegister(
  ctx: CallContext,
  kind: DocKind,
  registerId: number | null | undefined,
  secret: boolean,
): Promise<{ id: number; name: string }> {
  if (registerId) {
    const r = await ctx.db.selectFrom('registers').select(['id', 'name', 'kind', 'secret', 'archived_at']).where('id', '=', registerId).executeTakeFirst();
    if (!r || r.kind !== kind || r.archived_at !== null)
      throw fieldError('VALIDATION', 'registerId', `Sổ đăng ký (mã ${registerId}) không tồn tại hoặc không phải sổ văn bản ${kind === 'incoming' ? 'đến' : 'đi'}.`);
    if (secret && !r.secret)
      throw fieldError('VALIDATION', 'registerId', `Văn bản mật phải vào sổ văn bản mật, không vào "${r.name}".`);
    return r;
  }
  const r = await ctx.db
    .selectFrom('registers')
    .select(['id', 'name'])
    .where('kind', '=', kind)
    .where('secret', '=', secret ? 1 : 0)
    .where('archived_at', 'is', null)
    .orderBy('sort_order')
    .executeTakeFirst();
  if (!r) throw fieldError('VALIDATION', 'registerId', 'Chưa có sổ đăng ký phù hợp.');
  return r;
}

/** Units the document names must exist; internal ones for handling and drafting. */
export async function checkUnits(
  ctx: CallContext,
  ids: readonly number[],
  path: string,
  label: string,
  kind: 'internal' | 'external' | 'any' = 'internal',
): Promise<Map<number, { id: number; name: string; abbreviation: string | null }>> {
  const out = new Map<number, { id: number; name: string; abbreviation: string | null }>();
  if (ids.length === 0) return out;
  const rows = await ctx.db.selectFrom('units').select(['id', 'name', 'abbreviation', 'kind', 'archived_at']).where('id', 'in', [...ids]).execute();
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

export function checkDocumentType(code: string | null, path = 'documentType'): string | null {
  if (!code) return null;
  const t = documentTypeByCode(code);
  if (!t) throw fieldError('VALIDATION', path, `Loại văn bản "${code}" không có trong danh mục (ví dụ BC, KH, QĐ, TB, CV).`);
  return t.code;
}

export function typeName(code: string | null): string | null {
  return code ? documentTypeByCode(code)?.name ?? code : null;
}

export async function reindex(
  db: Kysely<DB>,
  kind: DocKind,
  id: number,
  f: { notation: string | null; subject: string; sender: string | null; extra: (string | null)[] },
): Promise<void> {
  await indexDoc(db, {
    kind,
    id,
    notation: foldVietnamese(f.notation ?? ''),
    subject: foldVietnamese(f.subject),
    sender: foldVietnamese(f.sender ?? ''),
    extra: foldVietnamese(f.extra.filter(Boolean).join(' ')),
  });
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The current year, when a list is asked for without a period. */
export function defaultPeriod(today: string, from: string | null, to: string | null): { from: string; to: string } {
  const y = today.slice(0, 4);
  return { from: from ?? (to ? '0000-01-01' : `${y}-01-01`), to: to ?? (from ? '9999-12-31' : `${y}-12-31`) };
}

/**
 * A register's number and date are its record of what arrived or went when:
 * they are corrected only with a reason, which the audit log keeps with the change.
 */
export function correctionReason(changed: string[], reason: string | null | undefined): string | null {
  if (changed.length && !reason) throw fieldError('VALIDATION', 'reason', `Sửa ${changed.join(' và ')} đã vào sổ cần ghi lý do sửa.`);
  return reason ?? null;
}
