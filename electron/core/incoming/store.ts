/** The incoming register's SQL: documents, their coordinating units, duplicates, filters and counts. */
import { keptCount } from '../../../db/kept-counts';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { IncomingStatus } from '../../../shared/documents/fields';
import { escapeLike } from '../../../db/like';
import { storedAt } from '../../../db/instant';
import type { DB, IncomingTable } from '../../../db/schema';
import { compiledIdInsert } from '../../../db/compiled';
import { matchingIds, newestMatches, type QueryLexicon } from '../../../db/search';
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
  /** Only these documents (those of qFold already found), instead of qFold. */
  ids?: number[];
  /** What the words of qFold and senderFold stand for (abbreviations, the last word's terms). */
  lexicon?: QueryLexicon;
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
  if (f.senderFold) parts.push(sql<SqlBool>`+i.id in ${matchingIds(f.senderFold, 'incoming', 'sender', f.lexicon, engine)}`);
  if (f.documentType) parts.push(sql<SqlBool>`i.document_type = ${f.documentType}`);
  if (f.unitId)
    parts.push(sql<SqlBool>`(i.lead_unit_id = ${f.unitId} or exists (select 1 from incoming_coordinators c where c.incoming_id = i.id and c.unit_id = ${f.unitId}))`);
  if (f.status) parts.push(incomingStatusCondition(f.status, f.today));
  if (f.urgency) parts.push(sql<SqlBool>`i.urgency = ${f.urgency}`);
  if (f.secrecy) parts.push(sql<SqlBool>`i.secrecy = ${f.secrecy}`);
  if (f.qFold) parts.push(sql<SqlBool>`+i.id in ${matchingIds(f.qFold, 'incoming', undefined, f.lexicon, engine)}`);
  if (f.ids) parts.push(sql<SqlBool>`i.id in (${sql.join(f.ids.length ? f.ids : [-1])})`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/**
 * One page of the filter, same-day documents in their register order. The
 * page's ids are chosen first, from the documents alone (the period index
 * holds the register's order and every filtered column), and only its rows
 * are read whole and joined: the rows skipped before a deep page, and those a
 * sort by another column puts in order, are never read in full.
 */
type PageOf = { limit: number; offset: number };

/** The page's ids in the page's order, from the documents alone. */
function pageIds(db: Kysely<DB>, f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: PageOf) {
  return db
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
}

/** The rows of these ids (a page's), whole and joined, in the page's order. */
function rowsOf(db: Kysely<DB>, f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', ids: ReturnType<typeof pageIds> | number[]) {
  return incomingBase(db, f.access).where('i.id', 'in', ids).orderBy(sort, dir).orderBy('i.arrival_number', dir).orderBy('i.id', dir).execute();
}

function listIncoming(db: Kysely<DB>, f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: PageOf) {
  return rowsOf(db, f, sort, dir, pageIds(db, f, sort, dir, page));
}

/**
 * A page and the filter's total. With a sender named, both come from one pass:
 * the sender's matches are sought in the full-text index of all years (a
 * common name matches thousands), which a count and then a page each did, so
 * the page's ids carry the total (a window count over the filter). A page past
 * the end has no row to carry it, and is counted apart.
 */
async function pageIncoming(db: Kysely<DB>, f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: PageOf): Promise<{ rows: IncomingRow[]; total: number }> {
  if (!f.senderFold || f.qFold) return { total: await countIncoming(db, f), rows: await listIncoming(db, f, sort, dir, page) };
  const found = await pageIds(db, f, sort, dir, page).select(sql<number>`count(*) over ()`.as('total')).execute();
  if (found.length === 0) return { total: await countIncoming(db, f), rows: [] };
  return { total: Number(found[0]!.total), rows: await rowsOf(db, f, sort, dir, found.map((r) => r.id)) };
}

/** The filter's total, from the documents alone: no join, so a period is counted from its index. */
async function countIncoming(db: Kysely<DB>, f: IncomingFilter): Promise<number> {
  const q = db
    .selectFrom('incoming as i')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.deleted_at', 'is', null)
    .where(f.access.row)
    .where(incomingCondition(f, engineOf(db)));
  // The same count while nothing is written: the pages of one period (db/kept-counts.ts), keyed by the query itself.
  const c = q.compile();
  return keptCount(db, `${c.sql}\u0000${JSON.stringify(c.parameters)}`, async () => Number((await q.executeTakeFirstOrThrow()).n));
}

export interface PageKey {
  id: number;
  arrival_date: string;
  arrival_number: number;
}

/**
 * The filter's documents among the newest `visit` matches of its free text,
 * newest first, `cap` at most: FTS5 hands the matches over newest first and
 * each is looked up by id, so a common word costs the cap, not ten years.
 */
async function newestOfText(db: Kysely<DB>, f: IncomingFilter & { qFold: string }, visit: number, cap: number): Promise<PageKey[]> {
  const engine = engineOf(db);
  const r = await sql<PageKey>`select i.id, i.arrival_date, i.arrival_number from ${newestMatches(f.qFold, 'incoming', f.lexicon, engine, visit)} as m
    join incoming as i on i.id = m.id
    where i.deleted_at is null and ${f.access.row} and ${incomingCondition({ ...f, qFold: null }, engine)}
    order by m.id desc limit ${cap}`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), arrival_date: x.arrival_date, arrival_number: Number(x.arrival_number) }));
}

/** Whether the free text has `n` matches or more. */
async function textHasAtLeast(db: Kysely<DB>, f: IncomingFilter & { qFold: string }, n: number): Promise<boolean> {
  const r = await sql<{ n: number }>`select count(*) as n from ${newestMatches(f.qFold, 'incoming', f.lexicon, engineOf(db), n)} as m`.execute(db);
  return Number(r.rows[0]?.n ?? 0) >= n;
}

/**
 * Whether a document of the filter (its free text aside) older by id than
 * `belowId` comes in the register's order (newest first) at or before `key`:
 * if none, the newest matches by id hold every document up to `key`.
 */
async function olderIdBefore(db: Kysely<DB>, f: IncomingFilter, key: PageKey, belowId: number): Promise<boolean> {
  const r = await db
    .selectFrom('incoming as i')
    .select('i.id')
    .where('i.deleted_at', 'is', null)
    .where(f.access.row)
    // The period starts at the key, so that SQLite reads from the period index only what comes before it.
    .where(incomingCondition({ ...f, qFold: null, from: key.arrival_date > f.from ? key.arrival_date : f.from }, engineOf(db)))
    .where(sql<SqlBool>`(i.arrival_date > ${key.arrival_date} or i.arrival_number > ${key.arrival_number} or (i.arrival_number = ${key.arrival_number} and i.id >= ${key.id}))`)
    .where(sql<SqlBool>`+i.id < ${belowId}`)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
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

const insertIncoming = compiledIdInsert((db, row: Omit<IncomingTable, 'id'>) => db.insertInto('incoming').values(row));

export function incomingStore(h: StoreHandle) {
  const { db } = h;
  return {
    get: (id: number, access: IncomingAccess) => getIncomingRow(db, id, access),
    coordinatorsOf: (ids: number[]) => coordinatorsOf(db, ids),
    setCoordinators: (id: number, unitIds: number[]) => setCoordinators(db, id, unitIds),
    findDuplicate: (k: { notationKey: string; documentDate: string; senderFold: string; exceptId: number | null }, visible: Expression<SqlBool>) => findDuplicate(db, k, visible),
    count: (f: IncomingFilter) => countIncoming(db, f),
    newestOfText: (f: IncomingFilter & { qFold: string }, visit: number, cap: number) => newestOfText(db, f, visit, cap),
    textHasAtLeast: (f: IncomingFilter & { qFold: string }, n: number) => textHasAtLeast(db, f, n),
    olderIdBefore: (f: IncomingFilter, key: PageKey, belowId: number) => olderIdBefore(db, f, key, belowId),
    /** These documents whole, in this order. */
    rows: async (ids: number[], access: IncomingAccess) => {
      const rows = ids.length ? await incomingBase(db, access).where('i.id', 'in', ids).execute() : [];
      const at = new Map(ids.map((id, k) => [id, k]));
      return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
    },

    list: (f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: PageOf) => listIncoming(db, f, sort, dir, page),
    /** One page of the register and the filter's total (incoming.list). */
    page: (f: IncomingFilter, sort: IncomingSort, dir: 'asc' | 'desc', page: PageOf) => pageIncoming(db, f, sort, dir, page),

    senderHistory: (typed: readonly string[], limit: number, visible: Expression<SqlBool>) => senderHistory(db, typed, limit, visible),

    async numberTaken(registerId: number, year: number, n: number): Promise<boolean> {
      const r = await db.selectFrom('incoming').select('id').where('register_id', '=', registerId).where('year', '=', year).where('arrival_number', '=', n).executeTakeFirst();
      return r !== undefined;
    },

    insert: (row: Omit<IncomingTable, 'id'>): Promise<number> => insertIncoming(db, row),

    /** Many rows in one statement (an import's batch): each new id by its register, year and number, since RETURNING keeps no order. */
    insertMany: (rows: Omit<IncomingTable, 'id'>[]) => db.insertInto('incoming').values(rows).returning(['id', 'register_id', 'year', 'arrival_number']).execute(),

    /** Of these numbers of a register's year, those already given. */
    async numbersTaken(registerId: number, year: number, ns: number[]): Promise<Set<number>> {
      if (ns.length === 0) return new Set();
      const rows = await db.selectFrom('incoming').select('arrival_number').where('register_id', '=', registerId).where('year', '=', year).where('arrival_number', 'in', ns).execute();
      return new Set(rows.map((r) => r.arrival_number));
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
      await db.updateTable('incoming').set({ reply_outgoing_id: outgoingId, updated_at: storedAt(now) }).where('id', 'in', ids).execute();
      await db.updateTable('incoming').set({ completed_at: issueDate }).where('id', 'in', ids).where('completed_at', 'is', null).execute();
    },
  };
}
