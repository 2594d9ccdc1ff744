import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, UnitsTable } from './schema';

export type UnitRow = Selectable<UnitsTable> & { parent_name: string | null };

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .selectAll('u')
    .select('p.name as parent_name');
}

export interface UnitFilter {
  kind?: 'internal' | 'external';
  includeArchived?: boolean;
  /** Already folded (no diacritics, lower case). */
  qFold?: string | null;
}

export async function listUnitRows(db: Kysely<DB>, f: UnitFilter): Promise<UnitRow[]> {
  let q = baseQuery(db);
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (!f.includeArchived) q = q.where('u.archived_at', 'is', null);
  if (f.qFold) q = q.where(sql<boolean>`u.name_fold like ${`%${escapeLike(f.qFold)}%`} escape '\\'`);
  return q.execute();
}

export async function getUnitRow(db: Kysely<DB>, id: number): Promise<UnitRow | undefined> {
  return baseQuery(db).where('u.id', '=', id).executeTakeFirst();
}

/**
 * An active internal unit whose abbreviation equals this one regardless of
 * case (TTr and TTR are the same unit in a notation), other than `exceptId`.
 * SQLite's upper() knows only ASCII, so the comparison is made here.
 */
export async function findAbbreviationOwner(
  db: Kysely<DB>,
  abbreviation: string,
  exceptId: number | null,
): Promise<{ id: number; name: string } | undefined> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name', 'abbreviation'])
    .where('kind', '=', 'internal')
    .where('archived_at', 'is', null)
    .where('abbreviation', 'is not', null)
    .execute();
  const key = abbreviation.toLocaleUpperCase('vi');
  return rows.find((r) => r.id !== exceptId && r.abbreviation?.toLocaleUpperCase('vi') === key);
}

export async function insertUnitRow(db: Kysely<DB>, row: Omit<UnitsTable, 'id'>): Promise<number> {
  const r = await db.insertInto('units').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUnitRow(db: Kysely<DB>, id: number, patch: Partial<Omit<UnitsTable, 'id'>>): Promise<void> {
  await db.updateTable('units').set(patch).where('id', '=', id).execute();
}

/** Ids of `id` and its ancestors, to refuse a parent that would make a loop. */
export async function ancestorIds(db: Kysely<DB>, id: number): Promise<number[]> {
  const out: number[] = [];
  let cur: number | null = id;
  while (cur !== null && !out.includes(cur)) {
    out.push(cur);
    const row: { parent_id: number | null } | undefined = await db
      .selectFrom('units')
      .select('parent_id')
      .where('id', '=', cur)
      .executeTakeFirst();
    cur = row?.parent_id ?? null;
  }
  return out;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
