/**
 * search.global: one box for notations, subjects and senders, without diacritics,
 * abbreviations understood ("ubnd", "stnmt").
 * Best match first, the newest first among equal ones; the totals count what
 * the user may see, for "xem tất cả" in the filtered list.
 */
import { sql } from 'kysely';
import { matchingIds, relevance } from '../../db/search';
import type { SearchHit } from '../../shared/api/search';
import { foldVietnamese } from '../../shared/text';
import { loadAbbreviations } from './abbreviations';
import { visibleIncoming, visibleOutgoing } from './access';
import type { HandlerMap } from './context';

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const folded = foldVietnamese(input.q);
    const abbr = await loadAbbreviations(ctx.db);
    const inScore = relevance(folded, 'incoming', sql.ref('i.id'), abbr);
    // Driven from the index's matches (each document found by its id), not by reading
    // every document of every year: the cost follows the matches, not the registers' size.
    const incoming = ctx.db
      .selectFrom('incoming as i')
      .where('i.id', 'in', matchingIds(folded, 'incoming', undefined, abbr))
      .where('i.deleted_at', 'is', null)
      .where(visibleIncoming(ctx.user));
    const outScore = relevance(folded, 'outgoing', sql.ref('o.id'), abbr);
    const outDate = sql<string>`coalesce(o.issue_date, substr(o.created_at, 1, 10))`;
    const outgoing = ctx.db
      .selectFrom('outgoing as o')
      .where('o.id', 'in', matchingIds(folded, 'outgoing', undefined, abbr))
      .where('o.deleted_at', 'is', null)
      .where(visibleOutgoing(ctx.user));
    const [inRows, outRows, inCount, outCount] = await Promise.all([
      incoming
        .select(['i.id', 'i.notation', 'i.subject', 'i.sender_name', 'i.arrival_date', 'i.arrival_number'])
        .select(inScore.as('score'))
        .orderBy('score', 'desc').orderBy('i.arrival_date', 'desc').orderBy('i.id', 'desc')
        .limit(input.limit)
        .execute(),
      outgoing
        .select(['o.id', 'o.notation', 'o.subject', 'o.recipients_text', 'o.number'])
        .select([outScore.as('score'), outDate.as('date')])
        .orderBy('score', 'desc').orderBy('date', 'desc').orderBy('o.id', 'desc')
        .limit(input.limit)
        .execute(),
      incoming.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      outgoing.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const hits: SearchHit[] = [
      ...inRows.map((d) => ({ kind: 'incoming' as const, id: d.id, notation: d.notation, subject: d.subject, sender: d.sender_name, date: d.arrival_date, number: d.arrival_number, score: d.score })),
      ...outRows.map((d) => ({ kind: 'outgoing' as const, id: d.id, notation: d.notation, subject: d.subject, sender: d.recipients_text, date: d.date, number: d.number, score: d.score })),
    ];
    hits.sort((a, b) => b.score - a.score || (b.date ?? '').localeCompare(a.date ?? ''));
    const totals = { incoming: Number(inCount.n), outgoing: Number(outCount.n) };
    return { hits: hits.slice(0, input.limit), total: totals.incoming + totals.outgoing, totals };
  },
};
