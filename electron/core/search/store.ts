/** search.global's SQL: documents of one kind as hits, over the search index of db/search.ts. */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Engine } from '../../../db/engine';
import { utcDay } from '../../../db/instant';
import type { DB } from '../../../db/schema';
import { completionsOf, matchingIds, notationCompletionsOf, newestIds, notationMayHold, relevance, type DocKind, type QueryLexicon, type SearchColumn } from '../../../db/search';
import type { StoreHandle } from '../stores';

/** The documents of one kind (alias `i`) as hits; `visible` is the access rule over `i`. */
function documents(db: Kysely<DB>, engine: Engine, kind: DocKind, visible: Expression<SqlBool>) {
  if (kind === 'incoming')
    return db
      .selectFrom('incoming as i')
      .where('i.deleted_at', 'is', null)
      .where(visible)
      .select(['i.id', 'i.notation', 'i.subject', 'i.sender_name as sender', 'i.arrival_date as date', 'i.arrival_number as number']);
  return db
    .selectFrom('outgoing as i')
    .where('i.deleted_at', 'is', null)
    .where(visible)
    .select(['i.id', 'i.notation', 'i.subject', 'i.recipients_text as sender', sql<string>`coalesce(i.issue_date, ${utcDay(engine, sql.ref('i.created_at'))})`.as('date'), 'i.number']);
}

export function searchStore(h: StoreHandle) {
  const { db } = h;
  return {
    /** How many visible documents of the kind match, every one looked up: for a rule that hides most documents. */
    async count(kind: DocKind, folded: string, abbr: QueryLexicon, visible: Expression<SqlBool>): Promise<number> {
      const r = await documents(db, h.engine, kind, visible)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('i.id', 'in', matchingIds(folded, kind, undefined, abbr, h.engine))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The index's terms that begin with a last word typed so far, if few (db/search.ts); PostgreSQL reads a prefix as fast as a word. */
    completions: (prefix: string) => (h.engine === 'sqlite' ? completionsOf(db, prefix) : Promise.resolve(null)),
    notationCompletions: (prefix: string) => (h.engine === 'sqlite' ? notationCompletionsOf(db, prefix) : Promise.resolve(null)),

    /** Whether asking the notation column can find anything (db/search.ts). */
    notationMayHold: (folded: string, abbr: QueryLexicon) => notationMayHold(db, folded, abbr),

    /** The ids of the newest `n` matches, in the notation alone when `column` says so. */
    newest: (kind: DocKind, folded: string, n: number, abbr: QueryLexicon, column?: SearchColumn) => newestIds(db, folded, column, abbr, kind, n),

    /**
     * The ids of the newest `n` matches the user may see, when the rule hides
     * only documents in the trash and secret ones (all but a Chuyên viên's):
     * the few that the partial index *_hidden lists are left out, instead of
     * each match looked up.
     */
    newestSeen: (kind: DocKind, folded: string, n: number, abbr: QueryLexicon, visible: Expression<SqlBool>) =>
      newestIds(db, folded, undefined, abbr, kind, n, sql<number>`(select i.id from ${sql.table(kind)} as i where (i.deleted_at is not null or i.secrecy is not null) and not (i.deleted_at is null and ${visible}))`),

    /** These documents, those visible, as hits without a score. */
    byIds: (kind: DocKind, ids: number[], visible: Expression<SqlBool>) => documents(db, h.engine, kind, visible).where('i.id', 'in', ids).execute(),

    /** The best `limit` of every visible match, scored in SQL. */
    best: (kind: DocKind, folded: string, limit: number, abbr: QueryLexicon, visible: Expression<SqlBool>) =>
      documents(db, h.engine, kind, visible)
        .select(relevance(folded, kind, sql.ref('i.id'), abbr, h.engine).as('score'))
        .where('i.id', 'in', matchingIds(folded, kind, undefined, abbr, h.engine))
        .orderBy('score', 'desc')
        .orderBy('date', 'desc')
        .orderBy('i.id', 'desc')
        .limit(limit)
        .execute(),
  };
}
