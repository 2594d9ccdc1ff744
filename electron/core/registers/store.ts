/** The registers (sổ đăng ký), their numbers per year, the printed books' rows, and the search index entries of their documents. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import { engineOf, listOf, unindexed } from '../../../db/dialect';
import { keepNumber, takeNumber } from '../../../db/numbering';
import type { DB } from '../../../db/schema';
import { indexDoc, indexDocs, type DocKind, type SearchDoc } from '../../../db/search';
import { visibleRegister, type SessionUser } from '../access/index';
import type { StoreHandle } from '../stores';

/** A printed book: one register's documents in a period. */
export interface BookQuery {
  registerId: number;
  from: string;
  to: string;
}

/** The caller's access rule over the incoming documents (alias `i`) and outgoing ones (alias `o`). */
export interface BookAccess {
  incoming: Expression<SqlBool>;
  outgoing: Expression<SqlBool>;
}

function incomingBook(db: Kysely<DB>, q: BookQuery, followUp: boolean, visible: Expression<SqlBool>) {
  // The unary plus keeps SQLite on the period index, in the book's order, instead of reading
  // every year of the register by its number index and sorting them (most of a year's export at ten years).
  let b = db
    .selectFrom('incoming as i')
    .where(sql<SqlBool>`${unindexed(engineOf(db), sql.ref('i.register_id'))} = ${q.registerId}`)
    .where('i.deleted_at', 'is', null)
    .where(visible)
    .where('i.arrival_date', '>=', q.from)
    .where('i.arrival_date', '<=', q.to);
  // The follow-up book holds what was given to someone to handle.
  if (followUp) b = b.where((eb) => eb.or([eb('i.lead_unit_id', 'is not', null), eb('i.deadline', 'is not', null)]));
  return b;
}

function outgoingBook(db: Kysely<DB>, q: BookQuery, visible: Expression<SqlBool>) {
  return db
    .selectFrom('outgoing as o')
    .where('o.register_id', '=', q.registerId)
    .where('o.deleted_at', 'is', null)
    .where(visible)
    .where('o.status', '!=', 'draft')
    .where('o.issue_date', '>=', q.from)
    .where('o.issue_date', '<=', q.to);
}

const firstRegister = compiledOnce(2, (db, kind: DocKind, secret: number) =>
  db.selectFrom('registers').select(['id', 'name']).where('kind', '=', kind).where('secret', '=', secret).where('archived_at', 'is', null).orderBy('sort_order').limit(1),
);

const registerById = compiledOnce(1, (db, id: number) => db.selectFrom('registers').select(['id', 'name', 'kind', 'secret', 'archived_at']).where('id', '=', id));

export function registersStore(h: StoreHandle) {
  const { db, memo } = h;
  // Only migrations write the registers table: within a transaction, its rows are read once.
  const kept = <T>(key: string, load: () => Promise<T>) => (memo ? memo.get(`registers:${key}`, load) : load());
  return {
    get: (id: number) => kept(`id:${id}`, async () => (await registerById(db, id))[0]),

    /** The first active register of a kind, secret or not: where a document goes when none is named. */
    first: (kind: DocKind, secret: boolean) => kept(`first:${kind}:${secret}`, async () => (await firstRegister(db, kind, secret ? 1 : 0))[0]),

    /** Whether the user may see this register (the secret one only with the grant). */
    async visible(id: number, user: SessionUser | null): Promise<boolean> {
      const r = await db.selectFrom('registers as r').select('r.id').where('r.id', '=', id).where(visibleRegister(user)).executeTakeFirst();
      return r !== undefined;
    },

    /** The next number of a register's year, inside the caller's transaction: no two documents get one number. */
    takeNumber: (registerId: number, year: number) => takeNumber(db, registerId, year),

    /** A number given by hand (an import, a correction): the counter continues after it. */
    keepNumber: (registerId: number, year: number, n: number) => keepNumber(db, registerId, year, n),

    /** The document's entry in the search index, its fields already folded; `fresh`: the document was just created. */
    index: (entry: SearchDoc, fresh?: boolean) => indexDoc(db, entry, fresh),

    /** Many documents' entries at once (an import's batch). */
    indexMany: (entries: readonly SearchDoc[]) => indexDocs(db, entries),

    /** Each year's first and last number and count in a book. */
    bookStats(kind: 'incoming' | 'outgoing' | 'followUp', q: BookQuery, access: BookAccess) {
      return kind === 'outgoing'
        ? outgoingBook(db, q, access.outgoing)
            .select((eb) => [eb.ref('o.year').as('year'), eb.fn.min('o.number').as('first'), eb.fn.max('o.number').as('last'), eb.fn.countAll<number>().as('n')])
            .groupBy('o.year')
            .execute()
        : incomingBook(db, q, kind === 'followUp', access.incoming)
            .select((eb) => [eb.ref('i.year').as('year'), eb.fn.min('i.arrival_number').as('first'), eb.fn.max('i.arrival_number').as('last'), eb.fn.countAll<number>().as('n')])
            .groupBy('i.year')
            .execute();
    },

    /** The incoming book's next rows after a (date, number) key, with the lead unit, coordinators and the visible reply. */
    incomingChunk(q: BookQuery, followUp: boolean, after: { date: string; number: number }, limit: number, access: BookAccess) {
      return incomingBook(db, q, followUp, access.incoming)
        .leftJoin('units as u', 'u.id', 'i.lead_unit_id')
        .leftJoin('outgoing as o', 'o.id', 'i.reply_outgoing_id')
        .selectAll('i')
        .select([
          'u.name as lead',
          sql<string | null>`case when ${access.outgoing} then o.notation end`.as('reply_notation'),
          sql<string | null>`(select ${listOf(h.engine, sql.ref('cu.name'), ', ')} from incoming_coordinators c join units cu on cu.id = c.unit_id where c.incoming_id = i.id)`.as('coordinators'),
        ])
        .where((eb) => eb.or([eb('i.arrival_date', '>', after.date), eb.and([eb('i.arrival_date', '=', after.date), eb('i.arrival_number', '>', after.number)])]))
        .orderBy('i.arrival_date')
        .orderBy('i.arrival_number')
        .limit(limit)
        .execute();
    },

    /** The outgoing book's next rows after a (year, number) key, with the drafting unit's abbreviation. */
    outgoingChunk(q: BookQuery, after: { year: number; number: number }, limit: number, access: BookAccess) {
      return outgoingBook(db, q, access.outgoing)
        .leftJoin('units as u', 'u.id', 'o.drafting_unit_id')
        .select(['o.year', 'o.number', 'o.notation', 'o.issue_date', 'o.document_type', 'o.subject', 'o.signer_name', 'o.recipients_text', 'o.copies', 'o.transfer_date', 'o.note', 'o.status', 'o.drafter_initials', 'u.abbreviation'])
        .where((eb) => eb.or([eb('o.year', '>', after.year), eb.and([eb('o.year', '=', after.year), eb('o.number', '>', after.number)])]))
        .orderBy('o.year')
        .orderBy('o.number')
        .limit(limit)
        .execute();
    },
  };
}
