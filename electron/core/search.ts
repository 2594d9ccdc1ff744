/** search.global: one box for notations, subjects and senders, without diacritics. */
import { searchDocs } from '../../db/search';
import type { SearchHit } from '../../shared/api/search';
import { foldVietnamese } from '../../shared/text';
import { documentScope } from './access';
import type { HandlerMap } from './context';

export const searchHandlers: HandlerMap<'search.global'> = {
  'search.global': async (ctx, input) => {
    const scope = documentScope(ctx.user);
    const matches = await searchDocs(ctx.db, foldVietnamese(input.q), { limit: input.limit });
    const inIds = matches.filter((m) => m.kind === 'incoming').map((m) => m.id);
    const outIds = matches.filter((m) => m.kind === 'outgoing').map((m) => m.id);
    const incoming = inIds.length
      ? await ctx.db
          .selectFrom('incoming')
          .select(['id', 'notation', 'subject', 'sender_name', 'arrival_date', 'arrival_number'])
          .where('id', 'in', inIds)
          .where('deleted_at', 'is', null)
          .$if(scope.hideSecret, (q) => q.where('secrecy', 'is', null))
          .$if(scope.unitId !== null, (q) =>
            q.where((eb) =>
              eb.or([
                eb('lead_unit_id', '=', scope.unitId ?? 0),
                eb.exists(eb.selectFrom('incoming_coordinators as c').select('c.unit_id').whereRef('c.incoming_id', '=', 'incoming.id').where('c.unit_id', '=', scope.unitId ?? 0)),
              ]),
            ),
          )
          .execute()
      : [];
    const outgoing = outIds.length
      ? await ctx.db
          .selectFrom('outgoing')
          .select(['id', 'notation', 'subject', 'recipients_text', 'issue_date', 'created_at', 'number'])
          .where('id', 'in', outIds)
          .where('deleted_at', 'is', null)
          .$if(scope.hideSecret, (q) => q.where('secrecy', 'is', null))
          .$if(scope.unitId !== null, (q) => q.where('drafting_unit_id', '=', scope.unitId ?? 0))
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
