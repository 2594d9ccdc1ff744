/**
 * Period figures of TTHC dossiers, as every monthly report quotes them (seed
 * 000). The dossiers counted are those received by the end of the period and
 * not finished before it starts; each falls in exactly one outcome, so
 * received + carriedOver = solvedOnTime + solvedLate + inProgressOnTime +
 * inProgressLate + withdrawn by construction.
 */
import { sql } from 'kysely';
import type { TthcStats } from '../../shared/api/tthc';
import type { CallContext } from './context';

export async function tthcStats(ctx: Pick<CallContext, 'db'>, from: string, to: string): Promise<TthcStats> {
  /** The day a dossier left the desk (result or withdrawal), over alias `a`. */
  const left = (a: string) => sql`coalesce(${sql.ref(`${a}.result_date`)}, ${sql.ref(`${a}.withdrawn_at`)})`;
  const done = left('d');
  const open = sql`(${left('p')} is null or ${left('p')} > ${to})`;
  const count = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  // Three disjoint sets, each read from its own index: received in the period; received before
  // it and still open (the index of result dates, at null); received before it and left the desk since it began. No dossier that left
  // before the period is read, however many years of them there are.
  const dossiers = () => ctx.db.selectFrom('tthc_dossiers as d').select(['d.received_at', 'd.result_date', 'd.withdrawn_at', 'd.due_date', 'd.channel']).where('d.deleted_at', 'is', null);
  const received = dossiers().where('d.received_at', '>=', from).where('d.received_at', '<=', to).where(sql<boolean>`(${done} is null or ${done} >= ${from})`);
  const stillOpen = dossiers().where('d.received_at', '<', from).where('d.result_date', 'is', null).where('d.withdrawn_at', 'is', null);
  // The unary plus keeps SQLite on the day-left index, not on every dossier received before the period.
  const leftSince = dossiers().where(sql<boolean>`${done} >= ${from}`).where(sql<boolean>`+d.received_at < ${from}`);
  const r = await ctx.db
    .selectFrom(received.unionAll(stillOpen).unionAll(leftSince).as('p'))
    .select([
      count(sql`p.received_at >= ${from}`).as('received'),
      count(sql`p.received_at < ${from}`).as('carriedOver'),
      count(sql`p.result_date <= ${to} and p.result_date <= p.due_date`).as('solvedOnTime'),
      count(sql`p.result_date <= ${to} and p.result_date > p.due_date`).as('solvedLate'),
      count(sql`p.withdrawn_at <= ${to}`).as('withdrawn'),
      count(sql`${open} and p.due_date >= ${to}`).as('inProgressOnTime'),
      count(sql`${open} and p.due_date < ${to}`).as('inProgressLate'),
      count(sql`p.received_at >= ${from} and p.channel in ('online3', 'online4')`).as('online'),
    ])
    .executeTakeFirstOrThrow();
  return {
    from,
    to,
    received: Number(r.received),
    carriedOver: Number(r.carriedOver),
    solvedOnTime: Number(r.solvedOnTime),
    solvedLate: Number(r.solvedLate),
    inProgressOnTime: Number(r.inProgressOnTime),
    inProgressLate: Number(r.inProgressLate),
    withdrawn: Number(r.withdrawn),
    online: Number(r.online),
  };
}
