/** Queries for incoming documents. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { AbbreviationLookup } from '../shared/abbreviations';
import type { DB, IncomingTable } from './schema';
import { escapeLike } from './units';
import { takeNumber } from './numbering';
import { engineOf } from './dialect';
import type { Engine } from './engine';
import { matchingIds } from './search';

export type IncomingRow = Selectable<IncomingTable> & {
  register_name: string;
  lead_unit_name: string | null;
  reply_notation: string | null;
};

/** The caller's access rule: over alias `i` for the documents, over `o` for the reply named beside them. */
export interface IncomingAccess {
  row: Expression<SqlBool>;
  reply: Expression<SqlBool>;
}

export function incomingBase(db: Kysely<DB>, access: IncomingAccess) {
  return db
    .selectFrom('incoming as i')
    .innerJoin('registers as r', 'r.id', 'i.register_id')
    .leftJoin('units as lu', 'lu.id', 'i.lead_unit_id')
    .leftJoin('outgoing as o', 'o.id', 'i.reply_outgoing_id')
    .selectAll('i')
    .select(['r.name as register_name', 'lu.name as lead_unit_name', sql<string | null>`case when ${access.reply} then o.notation end`.as('reply_notation')])
    .where('i.deleted_at', 'is', null)
    .where(access.row);
}

export async function getIncomingRow(db: Kysely<DB>, id: number, access: IncomingAccess): Promise<IncomingRow | undefined> {
  return incomingBase(db, access).where('i.id', '=', id).executeTakeFirst();
}

export async function coordinatorsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
  const out = new Map<number, { id: number; name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('incoming_coordinators as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.incoming_id', 'u.id', 'u.name'])
    .where('c.incoming_id', 'in', ids)
    .orderBy('u.sort_order')
    .execute();
  for (const r of rows) {
    const list = out.get(r.incoming_id) ?? [];
    list.push({ id: r.id, name: r.name });
    out.set(r.incoming_id, list);
  }
  return out;
}

export async function setCoordinators(db: Kysely<DB>, incomingId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('incoming_coordinators').where('incoming_id', '=', incomingId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length > 0) {
    await db.insertInto('incoming_coordinators').values(unique.map((unit_id) => ({ incoming_id: incomingId, unit_id }))).execute();
  }
}

/** The next arrival number: numbers never repeat and imported ones are continued. */
export function nextArrivalNumber(db: Kysely<DB>, registerId: number, year: number): Promise<number> {
  return takeNumber(db, registerId, year);
}

export async function arrivalNumberTaken(db: Kysely<DB>, registerId: number, year: number, n: number): Promise<boolean> {
  const r = await db
    .selectFrom('incoming')
    .select('id')
    .where('register_id', '=', registerId)
    .where('year', '=', year)
    .where('arrival_number', '=', n)
    .executeTakeFirst();
  return r !== undefined;
}

export async function findDuplicate(
  db: Kysely<DB>,
  k: { notationKey: string; documentDate: string; senderFold: string; exceptId: number | null },
  visible: Expression<SqlBool>,
) {
  // Every duplicate counts, including those the caller may not see; `visible` says whether it may be named.
  let q = db
    .selectFrom('incoming as i')
    .select(['i.id', 'i.arrival_number', 'i.arrival_date', 'i.notation', 'i.sender_name', 'i.document_date'])
    .select(sql<number>`case when ${visible} then 1 else 0 end`.as('visible'))
    .where('i.notation_key', '=', k.notationKey)
    .where('i.document_date', '=', k.documentDate)
    .where('i.sender_fold', '=', k.senderFold)
    .where('i.deleted_at', 'is', null);
  if (k.exceptId !== null) q = q.where('i.id', '!=', k.exceptId);
  return q.orderBy('visible', 'desc').executeTakeFirst();
}

export interface IncomingFilter {
  from: string;
  to: string;
  registerIds: number[] | null;
  senderFold: string | null;
  documentType: string | null;
  unitId: number | null;
  status: string | null;
  urgency: string | null;
  secrecy: string | null;
  access: IncomingAccess;
  qFold: string | null;
  /** What abbreviations in qFold and senderFold stand for. */
  abbreviations?: AbbreviationLookup;
  today: string;
}

/** The status rule of shared/documents/fields.ts, as SQL for filtering. */
function statusCondition(status: string, today: string): Expression<SqlBool> {
  const open = sql<SqlBool>`i.completed_at is null`;
  const notLate = sql<SqlBool>`(i.deadline is null or i.deadline >= ${today})`;
  switch (status) {
    case 'overdue':
      return sql<SqlBool>`${open} and i.deadline < ${today}`;
    case 'unassigned':
      return sql<SqlBool>`${open} and ${notLate} and i.lead_unit_id is null and i.assigned_at is null`;
    case 'in_progress':
      return sql<SqlBool>`${open} and ${notLate} and (i.lead_unit_id is not null or i.assigned_at is not null)`;
    case 'done_on_time':
      return sql<SqlBool>`i.completed_at is not null and i.deadline is not null and i.completed_at <= i.deadline`;
    case 'done_late':
      return sql<SqlBool>`i.completed_at is not null and i.deadline is not null and i.completed_at > i.deadline`;
    default:
      return sql<SqlBool>`i.completed_at is not null and i.deadline is null`;
  }
}

/** The period and the filters as one condition over alias `i` (incomingBase adds the access rule). */
function incomingCondition(f: IncomingFilter, engine: Engine): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`i.arrival_date >= ${f.from}`, sql<SqlBool>`i.arrival_date <= ${f.to}`];
  if (f.registerIds) parts.push(sql<SqlBool>`i.register_id in (${sql.join(f.registerIds.length ? f.registerIds : [-1])})`);
  // The unary plus keeps SQLite driving from the period index and probing the
  // matches, instead of fetching every matching document of all years.
  if (f.senderFold) parts.push(sql<SqlBool>`+i.id in ${matchingIds(f.senderFold, 'incoming', 'sender', f.abbreviations, engine)}`);
  if (f.documentType) parts.push(sql<SqlBool>`i.document_type = ${f.documentType}`);
  if (f.unitId)
    parts.push(sql<SqlBool>`(i.lead_unit_id = ${f.unitId} or exists (select 1 from incoming_coordinators c where c.incoming_id = i.id and c.unit_id = ${f.unitId}))`);
  if (f.status) parts.push(statusCondition(f.status, f.today));
  if (f.urgency) parts.push(sql<SqlBool>`i.urgency = ${f.urgency}`);
  if (f.secrecy) parts.push(sql<SqlBool>`i.secrecy = ${f.secrecy}`);
  if (f.qFold) parts.push(sql<SqlBool>`+i.id in ${matchingIds(f.qFold, 'incoming', undefined, f.abbreviations, engine)}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

export function filteredIncoming(db: Kysely<DB>, f: IncomingFilter) {
  return incomingBase(db, f.access).where(incomingCondition(f, engineOf(db)));
}

/** The filter's total, from the documents alone: no join, so a period is counted from its index. */
export async function countIncoming(db: Kysely<DB>, f: IncomingFilter): Promise<number> {
  const r = await db
    .selectFrom('incoming as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.deleted_at', 'is', null)
    .where(f.access.row)
    .where(incomingCondition(f, engineOf(db)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Senders whose name holds one of the typed forms (the query as typed and with abbreviations spelled out). */
export async function senderSuggestions(db: Kysely<DB>, typed: readonly string[], limit: number, visible: Expression<SqlBool>) {
  const likes = typed.map((t) => `%${escapeLike(t)}%`);
  const matches = (column: string) => sql<SqlBool>`(${sql.join(likes.map((l) => sql`${sql.ref(column)} like ${l} escape '\\'`), sql` or `)})`;
  const units = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'external')
    .where('archived_at', 'is', null)
    .where(matches('name_fold'))
    .limit(limit)
    .execute();
  const history = await db
    .selectFrom('incoming as i')
    .select((eb) => [
      eb.fn.max('i.sender_name').as('sender_name'),
      eb.fn.max('i.sender_unit_id').as('sender_unit_id'),
      eb.fn.countAll<number>().as('uses'),
    ])
    .where(matches('i.sender_fold'))
    .where('i.deleted_at', 'is', null)
    .where(visible)
    .groupBy(['i.sender_fold'])
    .orderBy('uses', 'desc')
    .limit(limit)
    .execute();
  return { units, history };
}
