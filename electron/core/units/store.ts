/** The units of the office and the bodies outside it that send or receive documents. */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import { escapeLike } from '../../../db/like';
import type { DB, UnitsTable } from '../../../db/schema';
import type { StoreHandle } from '../stores';

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

/** Also read by the task reader's unit matching (through its own module). */
export async function listUnitRows(db: Kysely<DB>, f: UnitFilter): Promise<UnitRow[]> {
  let q = baseQuery(db);
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (!f.includeArchived) q = q.where('u.archived_at', 'is', null);
  if (f.qFold) q = q.where(sql<boolean>`u.name_fold like ${`%${escapeLike(f.qFold)}%`} escape '\\'`);
  return q.execute();
}

const externalNamed = compiledOnce(1, (db, nameFold: string) =>
  db.selectFrom('units').select('id').where('kind', '=', 'external').where('archived_at', 'is', null).where('name_fold', '=', nameFold),
);

const unitsWithIds = (db: Kysely<DB>, ids: readonly number[]) => db.selectFrom('units').select(['id', 'name', 'abbreviation', 'kind', 'archived_at']).where('id', 'in', [...ids]).execute();
const unitWithId = compiledOnce(1, (db, id: number) => db.selectFrom('units').select(['id', 'name', 'abbreviation', 'kind', 'archived_at']).where('id', '=', id));

export function unitsStore(h: StoreHandle) {
  const { db, memo } = h;
  // Every write of the units table is this store's: insert and update drop what the transaction kept of it.
  const kept = <T>(key: string, load: () => Promise<T>) => (memo ? memo.get(`units:${key}`, load) : load());
  return {
    list: (f: UnitFilter) => listUnitRows(db, f),

    get: (id: number): Promise<UnitRow | undefined> => baseQuery(db).where('u.id', '=', id).executeTakeFirst(),

    /** The units a document names, archived or not: the caller says which it accepts. */
    async byIds(ids: readonly number[]) {
      if (!memo) return unitsWithIds(db, ids);
      const rows = await Promise.all([...new Set(ids)].map((id) => kept(`id:${id}`, async () => (await unitWithId(db, id))[0])));
      return rows.filter((r) => r !== undefined);
    },

    /** The active external unit of this folded name, to link a typed sender to it. */
    externalByName: (nameFold: string): Promise<number | null> => kept(`external:${nameFold}`, async () => (await externalNamed(db, nameFold))[0]?.id ?? null),

    /** Active external units whose name holds one of the typed (folded) forms. */
    externalMatching(typed: readonly string[], limit: number) {
      const likes = typed.map((t) => sql<SqlBool>`name_fold like ${`%${escapeLike(t)}%`} escape '\\'`);
      return db.selectFrom('units').select(['id', 'name']).where('kind', '=', 'external').where('archived_at', 'is', null).where(sql<SqlBool>`(${sql.join(likes, sql` or `)})`).limit(limit).execute();
    },

    /** Every active unit, to match a sheet's names and abbreviations against. */
    active: () => db.selectFrom('units').select(['id', 'name_fold', 'abbreviation', 'kind']).where('archived_at', 'is', null).execute(),

    /** Active units with an abbreviation: what search expands. */
    abbreviated: () => db.selectFrom('units').select(['name', 'abbreviation']).where('archived_at', 'is', null).where('abbreviation', 'is not', null).execute(),

    /**
     * An active internal unit whose abbreviation equals this one regardless of
     * case (TTr and TTR are the same unit in a notation), other than `exceptId`.
     * SQLite's upper() knows only ASCII, so the comparison is made here.
     */
    async abbreviationOwner(abbreviation: string, exceptId: number | null): Promise<{ id: number; name: string } | undefined> {
      const rows = await db
        .selectFrom('units')
        .select(['id', 'name', 'abbreviation'])
        .where('kind', '=', 'internal')
        .where('archived_at', 'is', null)
        .where('abbreviation', 'is not', null)
        .execute();
      const key = abbreviation.toLocaleUpperCase('vi');
      return rows.find((r) => r.id !== exceptId && r.abbreviation?.toLocaleUpperCase('vi') === key);
    },

    async insert(row: Omit<UnitsTable, 'id'>): Promise<number> {
      memo?.forget('units');
      const r = await db.insertInto('units').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async update(id: number, patch: Partial<Omit<UnitsTable, 'id'>>): Promise<void> {
      memo?.forget('units');
      await db.updateTable('units').set(patch).where('id', '=', id).execute();
    },

    /** Ids of `id` and its ancestors, to refuse a parent that would make a loop. */
    async ancestorIds(id: number): Promise<number[]> {
      const out: number[] = [];
      let cur: number | null = id;
      while (cur !== null && !out.includes(cur)) {
        out.push(cur);
        const row: { parent_id: number | null } | undefined = await db.selectFrom('units').select('parent_id').where('id', '=', cur).executeTakeFirst();
        cur = row?.parent_id ?? null;
      }
      return out;
    },
  };
}
