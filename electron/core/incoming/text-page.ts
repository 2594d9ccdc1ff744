/** The register's page with free text (incoming.list's q), from the newest matches. */
import { SEARCH_COUNT_CAP } from '../../../shared/api/search';
import { compareIso } from '../../../shared/text';
import type { CallContext } from '../context';
import type { IncomingFilter } from './store';

/** Matches of a list's free text looked up at most, before it is counted the way of a rare one. */
const TEXT_VISIT = 4 * SEARCH_COUNT_CAP;

/**
 * A list with free text, from the newest matches instead of every match of
 * ten years: their documents in the filter, SEARCH_COUNT_CAP at most, are the
 * total ("hơn 1.000" beyond it). Under the cap they are every match: the page
 * is chosen among them. Over it, a page in the register's order (newest first)
 * comes from them when no older document by id could come before its last row.
 * `filter`: what the page is to be read with when neither holds; null, when the
 * old way counts too (a common word rare in the filter).
 */
export async function textPage(ctx: CallContext, f: IncomingFilter & { qFold: string }, registerOrder: 'asc' | 'desc' | null, page: { limit: number; offset: number }) {
  const store = ctx.stores.incoming;
  const newest = await store.newestOfText(f, TEXT_VISIT, SEARCH_COUNT_CAP + 1);
  if (newest.length <= SEARCH_COUNT_CAP) {
    if (await store.textHasAtLeast(f, TEXT_VISIT)) return null;
    return { total: newest.length, exact: true, rows: null, filter: { ...f, qFold: null, ids: newest.map((d) => d.id) } };
  }
  const capped = { total: SEARCH_COUNT_CAP, exact: false, rows: null, filter: f };
  if (registerOrder !== 'desc' || page.offset + page.limit > SEARCH_COUNT_CAP) return capped;
  const ordered = [...newest].sort((a, b) => compareIso(b.arrival_date, a.arrival_date) || b.arrival_number - a.arrival_number || b.id - a.id);
  const chosen = ordered.slice(page.offset, page.offset + page.limit);
  const last = chosen[chosen.length - 1];
  if (!last || (await store.olderIdBefore(f, last, newest[newest.length - 1]!.id))) return capped;
  return { ...capped, rows: await store.rows(chosen.map((d) => d.id), f.access) };
}
