/**
 * search.global: one box for notations, subjects and senders, without diacritics,
 * abbreviations understood ("ubnd", "stnmt").
 * Best match first, the newest first among equal ones; the totals count what
 * the user may see, for "xem tất cả" in the filtered list, up to SEARCH_COUNT_CAP
 * ("hơn 1.000"): a clerk refines a common word rather than reads its count.
 */
import type { Expression, SqlBool } from 'kysely';
import { NOTATION_SCORE, scorer, type DocKind, type QueryLexicon } from '../../../db/search';
import { SEARCH_COUNT_CAP, type SearchHit } from '../../../shared/api/search';
import { compareIso, foldVietnamese } from '../../../shared/text';
import { documentScope, visibleIncoming, visibleOutgoing } from '../access/index';
import type { CallContext, HandlerMap } from '../context';
import { loadLexicon } from './lexicon';

/** How many of the newest matches are ranked: a common word costs this, not every match of ten years. */
const WINDOW = 200;

type Hit = Omit<SearchHit, 'kind'>;

const byRank = (a: Hit, b: Hit) => b.score - a.score || compareIso(b.date ?? '', a.date ?? '') || b.id - a.id;

/**
 * The newest matches of one kind and how many of them the user may see, up to
 * SEARCH_COUNT_CAP: the newest CAP ids, not a count of every match of ten years.
 * A Chuyên viên sees only their unit's, most matches not: each one is looked up.
 */
async function newestMatches(ctx: CallContext, kind: DocKind, folded: string, window: number, abbr: QueryLexicon, visible: Expression<SqlBool>) {
  const search = ctx.stores.search;
  if (documentScope(ctx.user).unitId !== null) {
    const ids = await search.newest(kind, folded, window, abbr);
    return { ids, complete: ids.length < window, total: await search.count(kind, folded, abbr, visible), exact: true };
  }
  const ids = await search.newestSeen(kind, folded, Math.max(SEARCH_COUNT_CAP + 1, window), abbr, visible);
  return { ids: ids.slice(0, window), complete: ids.length <= window, total: Math.min(ids.length, SEARCH_COUNT_CAP), exact: ids.length <= SEARCH_COUNT_CAP };
}

/** The best `limit` hits of one kind and how many the user may see. */
async function searchKind(ctx: CallContext, kind: DocKind, folded: string, limit: number, abbr: QueryLexicon, notationMayHold: () => Promise<boolean>) {
  const search = ctx.stores.search;
  const visible = kind === 'incoming' ? visibleIncoming(ctx.user) : visibleOutgoing(ctx.user, 'i');
  const { ids: newest, complete, total, exact } = await newestMatches(ctx, kind, folded, Math.max(WINDOW, limit), abbr, visible);
  const score = scorer(folded, abbr);
  // Each hit made field by field: spreading the driver's row objects cost as much as scoring them.
  const scored = async (ids: number[]): Promise<Hit[]> =>
    ids.length
      ? (await search.byIds(kind, ids, visible)).map((d) => ({ id: d.id, notation: d.notation, subject: d.subject, sender: d.sender, date: d.date, number: d.number, score: score(d) }))
      : [];
  let hits: Hit[] = await scored(newest);
  // The newest notation matches join the window, so that a notation is found however old. Nothing to ask when the
  // window holds `limit` of them already (the newest `limit` are then all in it: it is the newest matches), or when
  // no notation has the query's words.
  if (!complete && hits.filter((h) => h.score >= NOTATION_SCORE).length < limit && (await notationMayHold())) {
    const inWindow = new Set(newest);
    hits = [...hits, ...(await scored((await search.newest(kind, folded, limit, abbr, 'notation')).filter((id) => !inWindow.has(id))))];
  }
  // Too few of the newest matches visible to this user (a Chuyên viên sees only their unit's): rank every match.
  if (!complete && hits.length < limit) hits = await search.best(kind, folded, limit, abbr, visible);
  return { hits: hits.sort(byRank).slice(0, limit), total, exact };
}

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const folded = foldVietnamese(input.q);
    const abbr = await loadLexicon(ctx, [folded]);
    let may: Promise<boolean> | undefined;
    const notationMayHold = () => (may ??= ctx.stores.search.notationMayHold(folded, abbr));
    const [inc, out] = await Promise.all((['incoming', 'outgoing'] as const).map((kind) => searchKind(ctx, kind, folded, input.limit, abbr, notationMayHold)));
    const hits: SearchHit[] = [...inc!.hits.map((h) => ({ kind: 'incoming' as const, ...h })), ...out!.hits.map((h) => ({ kind: 'outgoing' as const, ...h }))];
    hits.sort(byRank);
    const totals = { incoming: inc!.total, outgoing: out!.total };
    return { hits: hits.slice(0, input.limit), total: totals.incoming + totals.outgoing, totals, exact: { incoming: inc!.exact, outgoing: out!.exact } };
  },
};
