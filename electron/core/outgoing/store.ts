/** The outgoing register's SQL: documents, recipients, the incoming ones they answer, filters. */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { DB, OutgoingTable } from '../../../db/schema';
import { compiledIdInsert } from '../../../db/compiled';
import { DAY_MS, dayStart } from '../../../db/instant';
import { matchingIds, type QueryLexicon } from '../../../db/search';
import { engineOf } from '../../../db/dialect';
import type { StoreHandle } from '../stores';

export type OutgoingRow = Selectable<OutgoingTable> & {
  register_name: string;
  drafting_unit_name: string | null;
  drafting_unit_abbreviation: string | null;
};

/** `visible` is the caller's access rule over alias `o`. */
function outgoingBase(db: Kysely<DB>, visible: Expression<SqlBool>) {
  return db
    .selectFrom('outgoing as o')
    .innerJoin('registers as r', 'r.id', 'o.register_id')
    .leftJoin('units as du', 'du.id', 'o.drafting_unit_id')
    .selectAll('o')
    .select(['r.name as register_name', 'du.name as drafting_unit_name', 'du.abbreviation as drafting_unit_abbreviation'])
    .where('o.deleted_at', 'is', null)
    .where(visible);
}

async function getOutgoingRow(db: Kysely<DB>, id: number, visible: Expression<SqlBool>): Promise<OutgoingRow | undefined> {
  return outgoingBase(db, visible).where('o.id', '=', id).executeTakeFirst();
}

async function recipientsOf(db: Kysely<DB>, ids: number[]) {
  const out = new Map<number, { unitId: number | null; name: string }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('outgoing_recipients')
    .select(['outgoing_id', 'unit_id', 'name'])
    .where('outgoing_id', 'in', ids)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.outgoing_id) ?? [];
    list.push({ unitId: r.unit_id, name: r.name });
    out.set(r.outgoing_id, list);
  }
  return out;
}

/** The incoming documents an outgoing one answers, those the caller may see (`visible` over alias `i`). */
async function repliesOf(db: Kysely<DB>, ids: number[], visible: Expression<SqlBool>) {
  const out = new Map<number, { id: number; notation: string | null; arrivalNumber: number }[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('outgoing_replies as x')
    .innerJoin('incoming as i', 'i.id', 'x.incoming_id')
    .select(['x.outgoing_id', 'i.id', 'i.notation', 'i.arrival_number'])
    .where('x.outgoing_id', 'in', ids)
    .where(visible)
    .execute();
  for (const r of rows) {
    const list = out.get(r.outgoing_id) ?? [];
    list.push({ id: r.id, notation: r.notation, arrivalNumber: r.arrival_number });
    out.set(r.outgoing_id, list);
  }
  return out;
}

async function setRecipients(db: Kysely<DB>, outgoingId: number, list: { unitId: number | null; name: string }[]) {
  await db.deleteFrom('outgoing_recipients').where('outgoing_id', '=', outgoingId).execute();
  if (list.length === 0) return;
  await db
    .insertInto('outgoing_recipients')
    .values(list.map((r, i) => ({ outgoing_id: outgoingId, unit_id: r.unitId, name: r.name, sort_order: i })))
    .execute();
}

async function setReplies(db: Kysely<DB>, outgoingId: number, incomingIds: number[]) {
  await db.deleteFrom('outgoing_replies').where('outgoing_id', '=', outgoingId).execute();
  const unique = [...new Set(incomingIds)];
  if (unique.length === 0) return;
  await db.insertInto('outgoing_replies').values(unique.map((incoming_id) => ({ outgoing_id: outgoingId, incoming_id }))).execute();
}

export interface OutgoingFilter {
  from: string;
  to: string;
  registerIds: number[] | null;
  documentType: string | null;
  unitId: number | null;
  status: string | null;
  urgency: string | null;
  secrecy: string | null;
  visible: Expression<SqlBool>;
  qFold: string | null;
  lexicon?: QueryLexicon;
}

/**
 * The period and the filters as one condition over alias `o` (the caller adds
 * the access rule). Drafts have no issue date: they are listed by the day they
 * were created.
 */
function outgoingCondition(db: Kysely<DB>, f: OutgoingFilter): Expression<SqlBool> {
  // Written as an OR of two indexable ranges (issue date; drafts by creation day).
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`(o.issue_date between ${f.from} and ${f.to} or (o.issue_date is null and o.created_at >= ${dayStart(f.from)} and o.created_at < ${dayStart(f.to) + DAY_MS}))`];
  if (f.registerIds) parts.push(sql<SqlBool>`o.register_id in (${sql.join(f.registerIds.length ? f.registerIds : [-1])})`);
  if (f.documentType) parts.push(sql<SqlBool>`o.document_type = ${f.documentType}`);
  if (f.unitId) parts.push(sql<SqlBool>`o.drafting_unit_id = ${f.unitId}`);
  if (f.status) parts.push(sql<SqlBool>`o.status = ${f.status}`);
  if (f.urgency) parts.push(sql<SqlBool>`o.urgency = ${f.urgency}`);
  if (f.secrecy) parts.push(sql<SqlBool>`o.secrecy = ${f.secrecy}`);
  if (f.qFold) parts.push(sql<SqlBool>`+o.id in ${matchingIds(f.qFold, 'outgoing', undefined, f.lexicon, engineOf(db))}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** The filter's documents, from the outgoing table alone: a count, or a page's ids, reads no joined row. */
function filteredIds(db: Kysely<DB>, f: OutgoingFilter) {
  return db.selectFrom('outgoing as o').where('o.deleted_at', 'is', null).where(f.visible).where(outgoingCondition(db, f));
}

/**
 * One page: its ids first, from the documents alone, then only its rows read
 * whole and joined; a year sorted by number was every row of the year read
 * with its register and unit, then sorted.
 */
function listOutgoing(db: Kysely<DB>, f: OutgoingFilter, sort: OutgoingSort, dir: 'asc' | 'desc', page: { limit: number; offset: number }) {
  const ids = filteredIds(db, f).select('o.id').orderBy(sort, dir).orderBy('o.id', dir).limit(page.limit).offset(page.offset);
  return outgoingBase(db, f.visible).where('o.id', 'in', ids).orderBy(sort, dir).orderBy('o.id', dir).execute();
}

export type OutgoingSort = 'o.issue_date' | 'o.number' | 'o.subject' | 'o.created_at';

const insertOutgoing = compiledIdInsert((db, row: Omit<OutgoingTable, 'id'>) => db.insertInto('outgoing').values(row));

export function outgoingStore(h: StoreHandle) {
  const { db } = h;
  return {
    get: (id: number, visible: Expression<SqlBool>) => getOutgoingRow(db, id, visible),
    recipientsOf: (ids: number[]) => recipientsOf(db, ids),
    repliesOf: (ids: number[], visible: Expression<SqlBool>) => repliesOf(db, ids, visible),
    setRecipients: (id: number, list: { unitId: number | null; name: string }[]) => setRecipients(db, id, list),
    setReplies: (id: number, incomingIds: number[]) => setReplies(db, id, incomingIds),

    async count(f: OutgoingFilter): Promise<number> {
      const r = await filteredIds(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    list: (f: OutgoingFilter, sort: OutgoingSort, dir: 'asc' | 'desc', page: { limit: number; offset: number }) => listOutgoing(db, f, sort, dir, page),

    /** A document by id, deleted or not, if the caller may see it (`visible` over alias `o`). */
    find: (id: number, visible: Expression<SqlBool>) => db.selectFrom('outgoing as o').select(['o.id', 'o.deleted_at']).where('o.id', '=', id).where(visible).executeTakeFirst(),

    /** Records that this outgoing document answers that incoming one (once). */
    async addReply(outgoingId: number, incomingId: number): Promise<void> {
      await db.insertInto('outgoing_replies').values({ outgoing_id: outgoingId, incoming_id: incomingId }).onConflict((oc) => oc.doNothing()).execute();
    },

    /** Every incoming document this one answers, also those the caller may not see. */
    async replyIds(outgoingId: number): Promise<number[]> {
      return (await db.selectFrom('outgoing_replies').select('incoming_id').where('outgoing_id', '=', outgoingId).execute()).map((r) => r.incoming_id);
    },

    async numberTaken(registerId: number, year: number, n: number): Promise<boolean> {
      const r = await db.selectFrom('outgoing').select('id').where('register_id', '=', registerId).where('year', '=', year).where('number', '=', n).executeTakeFirst();
      return r !== undefined;
    },

    /** Of these numbers of a register's year, those already given. */
    async numbersTaken(registerId: number, year: number, ns: number[]): Promise<Set<number>> {
      if (ns.length === 0) return new Set();
      const rows = await db.selectFrom('outgoing').select('number').where('register_id', '=', registerId).where('year', '=', year).where('number', 'in', ns).execute();
      return new Set(rows.flatMap((r) => (r.number === null ? [] : [r.number])));
    },

    insert: (row: Omit<OutgoingTable, 'id'>): Promise<number> => insertOutgoing(db, row),

    async update(id: number, patch: Partial<Omit<OutgoingTable, 'id'>>): Promise<void> {
      await db.updateTable('outgoing').set(patch).where('id', '=', id).execute();
    },
  };
}
