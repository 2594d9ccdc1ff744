/**
 * The figures of the monthly report and the home page, read across the
 * registers, tasks, TTHC dossiers and work files. Every count is made in SQL;
 * the access rule comes in as an expression.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { StoreHandle } from '../stores';

type Visible = Expression<SqlBool>;

export function reportsStore(h: StoreHandle) {
  const { db } = h;
  return {
    /**
     * Incoming documents by type, received from `from` to `to`, and by handling: done on time, late
     * (done or still open), pending within the deadline; each figure for the whole period and for
     * its part from `partFrom` (the month within the year to date). One read of the period index
     * gives both, where a query each read the year's entries four times.
     */
    incomingFigures: (from: string, partFrom: string, to: string, today: string, visible: Visible) => {
      const onTime = sql<SqlBool>`i.completed_at is not null and (i.deadline is null or i.completed_at <= i.deadline)`;
      const late = sql<SqlBool>`(i.completed_at is not null and i.deadline is not null and i.completed_at > i.deadline) or (i.completed_at is null and i.deadline < ${today})`;
      const pending = sql<SqlBool>`i.completed_at is null and (i.deadline is null or i.deadline >= ${today})`;
      const inPart = sql<SqlBool>`i.arrival_date >= ${partFrom}`;
      const n = (c: Expression<SqlBool>) => sql<number>`coalesce(sum(case when ${c} then 1 else 0 end), 0)`;
      return db
        .selectFrom('incoming as i')
        .select(['i.document_type as type', sql<number>`count(*)`.as('n'), n(onTime).as('onTime'), n(late).as('late'), n(pending).as('pending')])
        .select([n(inPart).as('partN'), n(sql`${inPart} and ${onTime}`).as('partOnTime'), n(sql`${inPart} and (${late})`).as('partLate'), n(sql`${inPart} and ${pending}`).as('partPending')])
        .where('i.deleted_at', 'is', null)
        .where(visible)
        .where('i.arrival_date', '>=', from)
        .where('i.arrival_date', '<=', to)
        .groupBy('i.document_type')
        .execute();
    },
    /** Issued in the period; a cancelled number was issued too and stays in the register. */
    outgoingByType: (from: string, to: string, visible: Visible) =>
      db
        .selectFrom('outgoing as o')
        .select(['o.document_type as type', sql<number>`count(*)`.as('n')])
        .where('o.deleted_at', 'is', null)
        .where(visible)
        .where('o.issue_date', '>=', from)
        .where('o.issue_date', '<=', to)
        .groupBy('o.document_type')
        .execute(),
    /** Incoming documents of the period by handling: done on time, late (done or still open), pending within the deadline. */
    incomingHandled: (from: string, to: string, today: string, visible: Visible) =>
      db
        .selectFrom('incoming as i')
        .select([
          sql<number>`coalesce(sum(case when i.completed_at is not null and (i.deadline is null or i.completed_at <= i.deadline) then 1 else 0 end), 0)`.as('onTime'),
          sql<number>`coalesce(sum(case when (i.completed_at is not null and i.deadline is not null and i.completed_at > i.deadline) or (i.completed_at is null and i.deadline < ${today}) then 1 else 0 end), 0)`.as('late'),
          sql<number>`coalesce(sum(case when i.completed_at is null and (i.deadline is null or i.deadline >= ${today}) then 1 else 0 end), 0)`.as('pending'),
        ])
        .where('i.deleted_at', 'is', null)
        .where(visible)
        .where('i.arrival_date', '>=', from)
        .where('i.arrival_date', '<=', to)
        .executeTakeFirstOrThrow(),
    /** Focus tasks not cancelled, with the quantity and percent of their latest progress report. */
    focusTasks: (visible: Visible) =>
      db
        .selectFrom('tasks as t')
        .leftJoin('units as u', 'u.id', 't.lead_unit_id')
        .select(['t.id', 't.content', 'u.name as unit_name', 't.target_quantity', 't.target_unit'])
        .select([
          sql<number | null>`(select p.quantity from task_progress p join task_occurrences o on o.id = p.occurrence_id where o.task_id = t.id order by p.report_date desc, p.id desc limit 1)`.as('reached'),
          sql<number | null>`(select p.percent from task_progress p join task_occurrences o on o.id = p.occurrence_id where o.task_id = t.id order by p.report_date desc, p.id desc limit 1)`.as('percent'),
        ])
        .where('t.deleted_at', 'is', null)
        .where(visible)
        .where('t.focus', '=', 1)
        .where('t.state', '!=', 'cancelled')
        .orderBy('t.id')
        .limit(50)
        .execute(),
    async tthcReceivedDirect(from: string, to: string): Promise<number> {
      const r = await db
        .selectFrom('tthc_dossiers')
        .select(sql<number>`count(*)`.as('n'))
        .where('deleted_at', 'is', null)
        .where('received_at', '>=', from)
        .where('received_at', '<=', to)
        .where('channel', '=', 'direct')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Work files opened (created) in [a, b], or handed over to the archive in [a, b]. */
    async countFiles(column: 'created_at' | 'h.date', a: string, b: string): Promise<number> {
      const q =
        column === 'created_at'
          ? db.selectFrom('dossiers').select(sql<number>`count(*)`.as('n')).where('deleted_at', 'is', null).where('created_at', '>=', a).where('created_at', '<=', `${b}T99`)
          : db.selectFrom('dossiers as f').innerJoin('dossier_handovers as h', 'h.id', 'f.handover_id').select(sql<number>`count(*)`.as('n')).where('f.deleted_at', 'is', null).where('h.date', '>=', a).where('h.date', '<=', b);
      return Number((await q.executeTakeFirstOrThrow()).n);
    },
    /** Documents per month (1–12) of one year, registered (incoming) or issued (outgoing), over alias i or o. */
    async byMonth(year: number, table: 'incoming' | 'outgoing', visible: Visible): Promise<number[]> {
      const col = table === 'incoming' ? 'arrival_date' : 'issue_date';
      const alias = table === 'incoming' ? 'i' : 'o';
      // By day, in the period index's own order (no sort of the year's entries), added up by month here.
      const rows = await sql<{ d: string; n: number }>`select ${sql.ref(col)} as d, count(*) as n from ${sql.table(table)} as ${sql.raw(alias)}
        where deleted_at is null and ${visible} and ${sql.ref(col)} between ${`${year}-01-01`} and ${`${year}-12-31`} group by ${sql.ref(col)}`.execute(db);
      const out = Array.from({ length: 12 }, () => 0);
      for (const r of rows.rows) out[Number(r.d.slice(5, 7)) - 1]! += Number(r.n);
      return out;
    },
    /** Open incoming documents whose handling deadline is today or past, the earliest first. */
    documentsDue: (today: string, visible: Visible) =>
      db
        .selectFrom('incoming as i')
        .select(['i.id', 'i.arrival_number', 'i.notation', 'i.subject', 'i.deadline'])
        .where('i.deleted_at', 'is', null)
        .where('i.completed_at', 'is', null)
        .where('i.deadline', '<=', today)
        .where(visible)
        .orderBy('i.deadline')
        .limit(10)
        .execute(),
  };
}
