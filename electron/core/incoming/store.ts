/** The incoming register's SQL: documents, their coordinating units, duplicates, filters and counts. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { AbbreviationLookup } from '../../../shared/abbreviations';
import type { IncomingStatus } from '../../../shared/documents/fields';
import { escapeLike } from '../../../db/like';
import type { DB, IncomingTable } from '../../../db/schema';
import { compiledRowInsert } from '../../../db/compiled';
import { matchingIds } from '../../../db/search';
import { engineOf } from '../../../db/dialect';
import type { Engine } from '../../../db/engine';
import type { StoreHandle } from '../stores';
import { incomingStatusRule, type IncomingCondition } from './rules';

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

function incomingBase(db: Kysely<DB>, access: IncomingAccess) {
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

async function getIncomingRow(db: Kysely<DB>, id: number, access: IncomingAccess): Promise<IncomingRow | undefined> {
  return incomingBase(db, access).where('i.id', '=', id).executeTakeFirst();
}

async function coordinatorsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, { id: number; name: string }[]>> {
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

async function setCoordinators(db: Kysely<DB>, incomingId: number, unitIds: number[]): Promise<void> {
  await db.deleteFrom('incoming_coordinators').where('incoming_id', '=', incomingId).execute();
  const unique = [...new Set(unitIds)];
  if (unique.length > 0) {
    await db.insertInto('incoming_coordinators').values(unique.map((unit_id) => ({ incoming_id: incomingId, unit_id }))).execute();
  }
}

async function findDuplicate(
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
  status: IncomingStatus | null;
  urgency: string | null;
  secrecy: string | null;
  access: IncomingAccess;
  qFold: string | null;
  /** What abbreviations in qFold and senderFold stand for. */
  abbreviations?: AbbreviationLookup;
  today: string;
}

/** Each condition of rules.ts over alias `i`, as SQL (a unit test holds the two together). */
function conditionSql(today: string): Record<IncomingCondition, Expression<SqlBool>> {
  return {
    open: sql<SqlBool>`i.completed_at is null`,
    completed: sql<SqlBool>`i.completed_at is not null`,
    lateToday: sql<SqlBool>`i.deadline < ${today}`,
    notLateToday: sql<SqlBool>`(i.deadline is null or i.deadline >= ${today})`,
    assigned: sql<SqlBool>`(i.lead_unit_id is not null or i.assigned_at is not null)`,
    unassigned: sql<SqlBool>`i.lead_unit_id is null and i.assigned_at is null`,
    noDeadline: sql<SqlBool>`i.deadline is null`,
    completedOnTime: sql<SqlBool>`i.deadline is not null and i.completed_at <= i.deadline`,
    completedLate: sql<SqlBool>`i.deadline is not null and i.completed_at > i.deadline`,
  };
}

/** The status rule of rules.ts as one SQL condition over alias `i`, for filtering and counting. */
export function incomingStatusCondition(status: IncomingStatus, today: string): Expression<SqlBool> {
  const c = conditionSql(today);
  return sql<SqlBool>`${sql.join(incomingStatusRule[status].map((name) => c[name]), sql` and `)}`;
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
  if (f.status) parts.push(incomingStatusCondition(f.status, f.today));
  if (f.urgency) parts.push(sql<SqlBool>`i.urgency = ${f.urgency}`);
  if (f.secrecy) parts.push(sql<SqlBool>`i.secrecy = ${f.secrecy}`);
  if (f.qFold) parts.push(sql<SqlBool>`+i.id in ${matchingIds(f.qFold, 'incoming', undefined, f.abbreviations, engine)}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * One page of the filter, same-day documents in their register order. The
 * page's ids are chosen first, from the documents alone (the period index
 * holds the register's order and every filtered column), and only its rows
 * are read whole and joined: the rows skipped before a deep page, and those a
 * sort by another column puts in order, are never read in full.
 */
function listIncoming(db: Kysely<DB>, f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: { limit: number; offset: number }) {
  const ids = db
    .selectFrom('incoming as i')
    .select('i.id')
    .where('i.deleted_at', 'is', null)
    .where(f.access.row)
    .where(incomingCondition(f, engineOf(db)))
    .orderBy(sort, dir)
    .orderBy('i.arrival_number', dir)
    .orderBy('i.id', dir)
    .limit(page.limit)
    .offset(page.offset);
  return incomingBase(db, f.access).where('i.id', 'in', ids).orderBy(sort, dir).orderBy('i.arrival_number', dir).orderBy('i.id', dir).execute();
}

/** The filter's total, from the documents alone: no join, so a period is counted from its index. */
async function countIncoming(db: Kysely<DB>, f: IncomingFilter): Promise<number> {
  const r = await db
    .selectFrom('incoming as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.deleted_at', 'is', null)
    .where(f.access.row)
    .where(incomingCondition(f, engineOf(db)))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What was typed as senders before, by use, holding one of the typed forms (as typed and with abbreviations spelled out). */
function senderHistory(db: Kysely<DB>, typed: readonly string[], limit: number, visible: Expression<SqlBool>) {
  const likes = typed.map((t) => sql<SqlBool>`i.sender_fold like ${`%${escapeLike(t)}%`} escape '\\'`);
  return db
    .selectFrom('incoming as i')
    .select((eb) => [
      eb.fn.max('i.sender_name').as('sender_name'),
      eb.fn.max('i.sender_unit_id').as('sender_unit_id'),
      eb.fn.countAll<number>().as('uses'),
    ])
    .where(sql<SqlBool>`(${sql.join(likes, sql` or `)})`)
    .where('i.deleted_at', 'is', null)
    .where(visible)
    .groupBy(['i.sender_fold'])
    .orderBy('uses', 'desc')
    .limit(limit)
    .execute();
}

export type IncomingSort = 'i.arrival_date' | 'i.document_date' | 'i.sender_fold' | 'i.subject' | 'i.deadline';

const insertIncoming = compiledRowInsert((db, row: Omit<IncomingTable, 'id'>) => db.insertInto('incoming').values(row).returning('id'));

export function incomingStore(h: StoreHandle) {
  const { db } = h;
  return {
    get: (id: number, access: IncomingAccess) => getIncomingRow(db, id, access),
    coordinatorsOf: (ids: number[]) => coordinatorsOf(db, ids),
    setCoordinators: (id: number, unitIds: number[]) => setCoordinators(db, id, unitIds),
    findDuplicate: (k: { notationKey: string; documentDate: string; senderFold: string; exceptId: number | null }, visible: Expression<SqlBool>) => findDuplicate(db, k, visible),
    count: (f: IncomingFilter) => countIncoming(db, f),

    list: (f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: { limit: number; offset: number }) => listIncoming(db, f, sort, dir, page),

    senderHistory: (typed: readonly string[], limit: number, visible: Expression<SqlBool>) => senderHistory(db, typed, limit, visible),

    async numberTaken(registerId: number, year: number, n: number): Promise<boolean> {
      const r = await db.selectFrom('incoming').select('id').where('register_id', '=', registerId).where('year', '=', year).where('arrival_number', '=', n).executeTakeFirst();
      return r !== undefined;
    },

    async insert(row: Omit<IncomingTable, 'id'>): Promise<number> {
      const [r] = await insertIncoming(db, row);
      if (!r) throw new Error('Không ghi được văn bản đến.');
      return r.id;
    },

    async update(id: number, patch: Partial<Omit<IncomingTable, 'id'>>): Promise<void> {
      await db.updateTable('incoming').set(patch).where('id', '=', id).execute();
    },

    /** The columns kept beside the API's view of a document: the recognised text (indexed) and when it was directed. */
    extras: (id: number) => db.selectFrom('incoming').select(['recognised_text', 'assigned_at']).where('id', '=', id).executeTakeFirst(),

    /** Of these ids, the live documents the caller may see (`visible` over alias `i`). */
    async visibleIds(ids: number[], visible: Expression<SqlBool>): Promise<number[]> {
      const rows = await db.selectFrom('incoming as i').select('i.id').where('i.id', 'in', ids).where('i.deleted_at', 'is', null).where(visible).execute();
      return rows.map((r) => r.id);
    },

    /** An outgoing document issued in reply: each document it answers names it, and an open one is completed on the issue date. */
    async answeredBy(ids: number[], outgoingId: number, issueDate: string, now: string): Promise<void> {
      await db.updateTable('incoming').set({ reply_outgoing_id: outgoingId, updated_at: now }).where('id', 'in', ids).execute();
      await db.updateTable('incoming').set({ completed_at: issueDate }).where('id', 'in', ids).where('completed_at', 'is', null).execute();
    },
  };
}
