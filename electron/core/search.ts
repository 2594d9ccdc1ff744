/** search.global: one box for notations, subjects and senders, without diacritics. */
import { searchDocs } from '../../db/search';
import type { SearchHit } from '../../shared/api/search';
import { foldVietnamese } from '../../shared/text';
import { visibleIncoming, visibleOutgoing } from './access';
import type { HandlerMap } from './context';

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const matches = await searchDocs(ctx.db, foldVietnamese(input.q), { limit: input.limit });
    const inIds = matches.filter((m) => m.kind === 'incoming').map((m) => m.id);
    const outIds = matches.filter((m) => m.kind === 'outgoing').map((m) => m.id);
    const incoming = inIds.length
      ? await ctx.db
          .selectFrom('incoming as i')
          .select(['i.id', 'i.notation', 'i.subject', 'i.sender_name', 'i.arrival_date', 'i.arrival_number'])
          .where('i.id', 'in', inIds)
          .where('i.deleted_at', 'is', null)
          .where(visibleIncoming(ctx.user))
          .execute()
      : [];
    const outgoing = outIds.length
      ? await ctx.db
          .selectFrom('outgoing as o')
          .select(['o.id', 'o.notation', 'o.subject', 'o.recipients_text', 'o.issue_date', 'o.created_at', 'o.number'])
          .where('o.id', 'in', outIds)
          .where('o.deleted_at', 'is', null)
          .where(visibleOutgoing(ctx.user))
          .execute()
      : [];
    const hits: SearchHit[] = [];
    for (const m of matches) {
      if (m.kind === 'incoming') {
        const d = incoming.find((x) => x.id === m.id);
        if (d) hits.push({ kind: 'incoming', id: d.id, notation: d.notation, subject: d.subject, sender: d.sender_name, date: d.arrival_date, number: d.arrival_number, score: m.score });
      } else {
        const d = outgoing.find((x) => x.id === m.id);
        if (d)
          hits.push({ kind: 'outgoing', id: d.id, notation: d.notation, subject: d.subject, sender: d.recipients_text, date: d.issue_date ?? d.created_at.slice(0, 10), number: d.number, score: m.score });
      }
    }
    return { hits };
  },
};
