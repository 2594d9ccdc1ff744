/**
 * search.global: one box for notations, subjects and senders, without diacritics,
 * abbreviations understood ("ubnd", "stnmt").
 * Best match first, the newest first among equal ones; the totals count what
 * the user may see, for "xem tất cả" in the filtered list.
 */
import { scorer, type DocKind } from '../../../db/search';
import type { AbbreviationLookup } from '../../../shared/abbreviations';
import type { SearchHit } from '../../../shared/api/search';
import { foldVietnamese } from '../../../shared/text';
import { loadAbbreviations } from '../agency/abbreviations';
import { documentScope, visibleIncoming, visibleOutgoing } from '../access/index';
import type { CallContext, HandlerMap } from '../context';

/** How many of the newest matches are ranked: a common word costs this, not every match of ten years. */
const WINDOW = 200;

type Hit = Omit<SearchHit, 'kind'>;

const byRank = (a: Hit, b: Hit) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id;

/** The best `limit` hits of one kind and how many the user may see in all. */
async function searchKind(ctx: CallContext, kind: DocKind, folded: string, limit: number, abbr: AbbreviationLookup) {
  const search = ctx.stores.search;
  const visible = kind === 'incoming' ? visibleIncoming(ctx.user) : visibleOutgoing(ctx.user, 'i');
  const count = search.count(kind, folded, abbr, visible, documentScope(ctx.user).unitId === null);
  const { ids, complete } = await search.candidates(kind, folded, Math.max(WINDOW, limit), limit, abbr);
  const score = scorer(folded, abbr);
  let hits: Hit[] = ids.length ? (await search.byIds(kind, ids, visible)).map((d) => ({ ...d, score: score(d) })) : [];
  // Too few of the newest matches visible to this user (a Chuyên viên sees only their unit's): rank every match.
  if (!complete && hits.length < limit) hits = await search.best(kind, folded, limit, abbr, visible);
  return { hits: hits.sort(byRank).slice(0, limit), total: await count };
}

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const folded = foldVietnamese(input.q);
    const abbr = await loadAbbreviations(ctx);
    const [inc, out] = await Promise.all((['incoming', 'outgoing'] as const).map((kind) => searchKind(ctx, kind, folded, input.limit, abbr)));
    const hits: SearchHit[] = [...inc!.hits.map((h) => ({ kind: 'incoming' as const, ...h })), ...out!.hits.map((h) => ({ kind: 'outgoing' as const, ...h }))];
    hits.sort(byRank);
    const totals = { incoming: inc!.total, outgoing: out!.total };
    return { hits: hits.slice(0, input.limit), total: totals.incoming + totals.outgoing, totals };
  },
};
