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
  const done = sql`coalesce(d.result_date, d.withdrawn_at)`;
  const open = sql`(${done} is null or ${done} > ${to})`;
  const count = (cond: ReturnType<typeof sql>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
  const r = await ctx.db
    .selectFrom('tthc_dossiers as d')
    .where('d.deleted_at', 'is', null)
    .where('d.received_at', '<=', to)
    .where(sql<boolean>`(${done} is null or ${done} >= ${from})`)
    .select([
      count(sql`d.received_at >= ${from}`).as('received'),
      count(sql`d.received_at < ${from}`).as('carriedOver'),
      count(sql`d.result_date <= ${to} and d.result_date <= d.due_date`).as('solvedOnTime'),
      count(sql`d.result_date <= ${to} and d.result_date > d.due_date`).as('solvedLate'),
      count(sql`d.withdrawn_at <= ${to}`).as('withdrawn'),
      count(sql`${open} and d.due_date >= ${to}`).as('inProgressOnTime'),
      count(sql`${open} and d.due_date < ${to}`).as('inProgressLate'),
      count(sql`d.received_at >= ${from} and d.channel in ('online3', 'online4')`).as('online'),
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
