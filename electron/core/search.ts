/**
 * search.global: one box for notations, subjects and senders, without diacritics,
 * abbreviations understood ("ubnd", "stnmt").
 * Best match first, the newest first among equal ones; the totals count what
 * the user may see, for "xem tất cả" in the filtered list.
 */
import { sql, type Kysely } from 'kysely';
import { matchingIds, rankedCandidates, relevance, type DocKind } from '../../db/search';
import { engineOf } from '../../db/dialect';
import type { DB } from '../../db/schema';
import type { AbbreviationLookup } from '../../shared/abbreviations';
import type { SearchHit } from '../../shared/api/search';
import { foldVietnamese } from '../../shared/text';
import { loadAbbreviations } from './abbreviations';
import { visibleIncoming, visibleOutgoing, type SessionUser } from './access';
import type { HandlerMap } from './context';

/** How many of the newest matches are ranked: a common word costs this, not every match of ten years. */
const WINDOW = 200;

type Hit = Omit<SearchHit, 'kind'>;

/** The documents of one kind as hits, `score` given for each (SQL when ranked from every match). */
function documents(db: Kysely<DB>, kind: DocKind, user: SessionUser | null) {
  if (kind === 'incoming')
    return db
      .selectFrom('incoming as i')
      .where('i.deleted_at', 'is', null)
      .where(visibleIncoming(user))
      .select(['i.id', 'i.notation', 'i.subject', 'i.sender_name as sender', 'i.arrival_date as date', 'i.arrival_number as number']);
  return db
    .selectFrom('outgoing as i')
    .where('i.deleted_at', 'is', null)
    .where(visibleOutgoing(user, 'i'))
    .select(['i.id', 'i.notation', 'i.subject', 'i.recipients_text as sender', sql<string>`coalesce(i.issue_date, substr(i.created_at, 1, 10))`.as('date'), 'i.number']);
}

const byRank = (a: Hit, b: Hit) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id;

/** The best `limit` hits of one kind and how many the user may see in all. */
async function searchKind(db: Kysely<DB>, kind: DocKind, user: SessionUser | null, folded: string, limit: number, abbr: AbbreviationLookup) {
  const docs = () => documents(db, kind, user);
  const engine = engineOf(db);
  const count = docs()
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('i.id', 'in', matchingIds(folded, kind, undefined, abbr, engine))
    .executeTakeFirstOrThrow();
  const { scores, complete } = await rankedCandidates(db, folded, kind, Math.max(WINDOW, limit), limit, abbr);
  const ids = [...scores.keys()];
  let hits: Hit[] = ids.length ? (await docs().where('i.id', 'in', ids).execute()).map((d) => ({ ...d, score: scores.get(d.id) ?? 0 })) : [];
  // Too few of the newest matches visible to this user (a Chuyên viên sees only their unit's): rank every match.
  if (!complete && hits.length < limit)
    hits = await docs()
      .select(relevance(folded, kind, sql.ref('i.id'), abbr, engine).as('score'))
      .where('i.id', 'in', matchingIds(folded, kind, undefined, abbr, engine))
      .orderBy('score', 'desc').orderBy('date', 'desc').orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  return { hits: hits.sort(byRank).slice(0, limit), total: Number((await count).n) };
}

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const folded = foldVietnamese(input.q);
    const abbr = await loadAbbreviations(ctx.db);
    const [inc, out] = await Promise.all((['incoming', 'outgoing'] as const).map((kind) => searchKind(ctx.db, kind, ctx.user, folded, input.limit, abbr)));
    const hits: SearchHit[] = [...inc!.hits.map((h) => ({ kind: 'incoming' as const, ...h })), ...out!.hits.map((h) => ({ kind: 'outgoing' as const, ...h }))];
    hits.sort(byRank);
    const totals = { incoming: inc!.total, outgoing: out!.total };
    return { hits: hits.slice(0, input.limit), total: totals.incoming + totals.outgoing, totals };
  },
};
