/**
 * The TTHC dossiers' SQL: the procedure catalogue, the dossiers, their status
 * as SQL built from rules.ts, and the period figures every monthly report
 * quotes (seed 000). The figures count the dossiers received by the end of the
 * period and not finished before it starts; each gets exactly one status as of
 * the period's last day, so received + carriedOver = solvedOnTime + solvedLate
 * + inProgressOnTime + inProgressLate + withdrawn by construction.
 */
import { sql, type Expression, type Insertable, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Procedure, TthcDossier, TthcStats, TthcStatus } from '../../../shared/api/tthc';
import { foldVietnamese } from '../../../shared/text';
import { compiledIdInsert, compiledOnce } from '../../../db/compiled';
import { storedAt } from '../../../db/instant';
import { unindexed } from '../../../db/dialect';
import type { DB } from '../../../db/schema';
import type { TthcDossiersTable } from '../../../db/schema-dossiers';
import type { StoreHandle } from '../stores';
import { tthcStatusCases, tthcStatusOf, type TthcCondition, type TthcStatusView, type TthcTerm } from './rules';

/** The status of the dossier row `alias` as SQL: the CASE of tthcStatusCases. */
export function tthcStatusSql(alias: string, view: TthcStatusView): RawBuilder<TthcStatus> {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const condition = (c: TthcCondition) => {
    if ('done' in c) return view.doneBy === null ? sql`${col(c.done)} is not null` : sql`${col(c.done)} <= ${view.doneBy}`;
    const term = (t: TthcTerm) => (t === 'asOf' ? sql`${view.asOf}` : col(t));
    return sql`${term(c.onOrBefore[0])} <= ${term(c.onOrBefore[1])}`;
  };
  const branches = tthcStatusCases.filter((c) => c.when.length).map((c) => sql`when ${sql.join(c.when.map(condition), sql` and `)} then ${sql.lit(c.status)}`);
  const otherwise = tthcStatusCases.find((c) => !c.when.length);
  if (!otherwise) throw new Error('tthcStatusCases must end with a case without conditions');
  return sql<TthcStatus>`(case ${sql.join(branches, sql` `)} else ${sql.lit(otherwise.status)} end)`;
}

/** A dossier's fields as the API names them; the store keeps their columns. */
export interface TthcFields {
  procedureId?: number;
  applicantName?: string;
  applicantKind?: TthcDossier['applicantKind'];
  applicantAddress?: string | null;
  applicantPhone?: string | null;
  receivedAt?: string;
  channel?: TthcDossier['channel'];
  handlingUnitId?: number | null;
  dueDate?: string;
  resultDate?: string;
  withdrawnAt?: string;
  newDueDate?: string;
  delayReason?: string;
  note?: string | null;
}

function columns(v: TthcFields) {
  return {
    ...(v.procedureId !== undefined ? { procedure_id: v.procedureId } : {}),
    // Searched without diacritics: the folded name is kept beside it.
    ...(v.applicantName !== undefined ? { applicant_name: v.applicantName, applicant_fold: foldVietnamese(v.applicantName) } : {}),
    ...(v.applicantKind !== undefined ? { applicant_kind: v.applicantKind } : {}),
    ...(v.applicantAddress !== undefined ? { applicant_address: v.applicantAddress } : {}),
    ...(v.applicantPhone !== undefined ? { applicant_phone: v.applicantPhone } : {}),
    ...(v.receivedAt !== undefined ? { received_at: v.receivedAt } : {}),
    ...(v.channel !== undefined ? { channel: v.channel } : {}),
    ...(v.handlingUnitId !== undefined ? { handling_unit_id: v.handlingUnitId } : {}),
    ...(v.dueDate !== undefined ? { due_date: v.dueDate } : {}),
    ...(v.resultDate !== undefined ? { result_date: v.resultDate } : {}),
    ...(v.withdrawnAt !== undefined ? { withdrawn_at: v.withdrawnAt } : {}),
    ...(v.newDueDate !== undefined ? { new_due_date: v.newDueDate } : {}),
    ...(v.delayReason !== undefined ? { delay_reason: v.delayReason } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
  };
}

export interface TthcFilter {
  from?: string | null;
  to?: string | null;
  procedureId?: number | null;
  unitId?: number | null;
  status?: TthcStatus | null;
  q?: string | null;
}

const procedureOf = (p: { id: number; code: string | null; name: string; field: string; processing_days: number; fee: string | null }): Procedure => ({
  id: p.id,
  code: p.code,
  name: p.name,
  field: p.field,
  processingDays: p.processing_days,
  fee: p.fee,
});

const dossiersOf = (db: Kysely<DB>) =>
  db
    .selectFrom('tthc_dossiers as d')
    .innerJoin('tthc_procedures as p', 'p.id', 'd.procedure_id')
    .leftJoin('units as u', 'u.id', 'd.handling_unit_id')
    .selectAll('d')
    .select(['p.code as p_code', 'p.name as p_name', 'p.field as p_field', 'p.processing_days as p_days', 'p.fee as p_fee', 'u.name as unit_name'])
    .where('d.deleted_at', 'is', null);

const insertDossier = compiledIdInsert((db, row: Insertable<TthcDossiersTable>) => db.insertInto('tthc_dossiers').values(row));

/** Read before and after every change of a dossier: built once. */
const dossierById = compiledOnce(1, (db, id: number) => dossiersOf(db).where('d.id', '=', id));

export function tthcStore({ db, engine }: StoreHandle) {
  const dossiers = () => dossiersOf(db);
  type Row = Awaited<ReturnType<ReturnType<typeof dossiers>['executeTakeFirstOrThrow']>>;
  const toDossier = (r: Row, today: string): TthcDossier => ({
    id: r.id,
    code: r.code,
    procedure: { id: r.procedure_id, code: r.p_code, name: r.p_name, field: r.p_field, processingDays: r.p_days, fee: r.p_fee },
    applicantName: r.applicant_name,
    applicantKind: r.applicant_kind,
    applicantAddress: r.applicant_address,
    applicantPhone: r.applicant_phone,
    receivedAt: r.received_at,
    channel: r.channel,
    handlingUnit: r.handling_unit_id !== null ? { id: r.handling_unit_id, name: r.unit_name ?? '' } : null,
    dueDate: r.due_date,
    resultDate: r.result_date,
    withdrawnAt: r.withdrawn_at,
    newDueDate: r.new_due_date,
    delayReason: r.delay_reason,
    note: r.note,
    status: tthcStatusOf(r, { asOf: today, doneBy: null }),
  });
  const filtered = (f: TthcFilter, today: string) => {
    let q = dossiers();
    if (f.from) q = q.where('d.received_at', '>=', f.from);
    if (f.to) q = q.where('d.received_at', '<=', f.to);
    if (f.procedureId) q = q.where('d.procedure_id', '=', f.procedureId);
    if (f.unitId) q = q.where('d.handling_unit_id', '=', f.unitId);
    if (f.status) q = q.where(sql<SqlBool>`${tthcStatusSql('d', { asOf: today, doneBy: null })} = ${f.status}`);
    if (f.q) {
      const fold = `%${foldVietnamese(f.q)}%`;
      const code = `%${f.q}%`;
      q = q.where((eb) => eb.or([eb('d.applicant_fold', 'like', fold), eb('d.code', 'like', code)]));
    }
    return q;
  };

  return {
    async procedures(): Promise<Procedure[]> {
      return (await db.selectFrom('tthc_procedures').selectAll().where('deleted_at', 'is', null).orderBy('field').orderBy('name').execute()).map(procedureOf);
    },

    async procedure(id: number): Promise<Procedure | null> {
      const p = await db.selectFrom('tthc_procedures').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      return p ? procedureOf(p) : null;
    },

    async insertProcedure(v: Omit<Procedure, 'id'>, now: string): Promise<number> {
      const r = await db
        .insertInto('tthc_procedures')
        .values({ code: v.code, name: v.name, field: v.field, processing_days: v.processingDays, fee: v.fee, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async get(id: number, today: string): Promise<TthcDossier | null> {
      const [r] = await dossierById(db, id);
      return r ? toDossier(r, today) : null;
    },

    /** One page, newest received first, and how many match. */
    async list(f: TthcFilter, today: string, page: { limit: number; offset: number }): Promise<{ items: TthcDossier[]; total: number }> {
      const total = await filtered(f, today)
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await filtered(f, today).orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').limit(page.limit).offset(page.offset).execute();
      return { items: rows.map((r) => toDossier(r, today)), total: Number(total.n) };
    },

    /**
     * The highest running number among the codes with that prefix (0 for none;
     * deleted dossiers' codes count, so a number is not given twice). The codes
     * are sought as a range of the code index (migration 017), in byte order
     * on both engines: a LIKE read every dossier of ten years.
     */
    async lastRunningNumber(prefix: string): Promise<number> {
      const end = `${prefix.slice(0, -1)}${String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)}`;
      const code = engine === 'postgres' ? sql<string>`code collate "C"` : sql<string>`code`;
      const rows = await db.selectFrom('tthc_dossiers').select('code').where(sql<SqlBool>`${code} >= ${prefix} and ${code} < ${end}`).execute();
      // As SQLite's cast read the rest: its leading digits, 0 for none.
      return rows.reduce((n, r) => Math.max(n, Number(/^\d*/.exec(r.code.slice(prefix.length))?.[0] || 0)), 0);
    },

    async agencyAbbreviation(): Promise<string | null> {
      const a = await db.selectFrom('agency').select('abbreviation').where('id', '=', 1).executeTakeFirst();
      return a?.abbreviation ?? null;
    },

    codeTakenBy(code: string, exceptId: number | null) {
      let q = db.selectFrom('tthc_dossiers').select('id').where('code', '=', code).where('deleted_at', 'is', null);
      if (exceptId !== null) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst();
    },

    async insert(v: Required<Pick<TthcFields, 'procedureId' | 'applicantName' | 'applicantKind' | 'applicantAddress' | 'applicantPhone' | 'receivedAt' | 'channel' | 'handlingUnitId' | 'dueDate' | 'note'>> & { code: string }, now: string): Promise<number> {
      return insertDossier(db, {
          code: v.code,
          procedure_id: v.procedureId,
          applicant_name: v.applicantName,
          applicant_fold: foldVietnamese(v.applicantName),
          applicant_kind: v.applicantKind,
          applicant_address: v.applicantAddress,
          applicant_phone: v.applicantPhone,
          received_at: v.receivedAt,
          channel: v.channel,
          handling_unit_id: v.handlingUnitId,
          due_date: v.dueDate,
          note: v.note,
          created_at: storedAt(now),
          updated_at: storedAt(now),
      });
    },

    update: (id: number, v: TthcFields, now: string) => db.updateTable('tthc_dossiers').set({ ...columns(v), updated_at: storedAt(now) }).where('id', '=', id).execute(),

    /** The one-stop system's own dates of an imported dossier, kept as they came. */
    async keepImported(id: number, v: Pick<TthcFields, 'dueDate' | 'resultDate' | 'withdrawnAt'>): Promise<void> {
      const set = columns(v);
      // A row with none of them (open, no due date of its own) keeps what registering gave it.
      if (Object.keys(set).length) await db.updateTable('tthc_dossiers').set(set).where('id', '=', id).execute();
    },

    /** What an import matches its rows against: procedures by folded name, internal units by folded name, codes in use. */
    async importLookups() {
      const procedures = await db.selectFrom('tthc_procedures').select(['id', 'name']).where('deleted_at', 'is', null).execute();
      const units = await db.selectFrom('units').select(['id', 'name_fold']).where('kind', '=', 'internal').where('archived_at', 'is', null).execute();
      const codes = await db.selectFrom('tthc_dossiers').select('code').where('deleted_at', 'is', null).execute();
      return {
        procedures: new Map(procedures.map((p) => [foldVietnamese(p.name), p.id])),
        units: new Map(units.map((u) => [u.name_fold, u.id])),
        codes: new Set(codes.map((r) => r.code)),
      };
    },

    async stats(from: string, to: string): Promise<TthcStats> {
      /** The day a dossier left the desk (result or withdrawal). */
      const done = sql`coalesce(d.result_date, d.withdrawn_at)`;
      const count = (cond: Expression<SqlBool>) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;
      const status = (s: TthcStatus) => sql<SqlBool>`p.status = ${sql.lit(s)}`;
      // Three disjoint sets, each read from its own index: received in the period; received before
      // it and still open (the index of result dates, at null); received before it and left the desk since it began. No dossier that left
      // before the period is read, however many years of them there are.
      const rows = () => db.selectFrom('tthc_dossiers as d').select(['d.received_at', 'd.channel', tthcStatusSql('d', { asOf: to, doneBy: to }).as('status')]).where('d.deleted_at', 'is', null);
      const received = rows().where('d.received_at', '>=', from).where('d.received_at', '<=', to).where(sql<boolean>`(${done} is null or ${done} >= ${from})`);
      const stillOpen = rows().where('d.received_at', '<', from).where('d.result_date', 'is', null).where('d.withdrawn_at', 'is', null);
      // The unary plus keeps SQLite on the day-left index, not on every dossier received before the period.
      const leftSince = rows().where(sql<boolean>`${done} >= ${from}`).where(sql<boolean>`${unindexed(engine, sql.ref('d.received_at'))} < ${from}`);
      const r = await db
        .selectFrom(received.unionAll(stillOpen).unionAll(leftSince).as('p'))
        .select([
          count(sql`p.received_at >= ${from}`).as('received'),
          count(sql`p.received_at < ${from}`).as('carriedOver'),
          count(status('solved_on_time')).as('solvedOnTime'),
          count(status('solved_late')).as('solvedLate'),
          count(status('withdrawn')).as('withdrawn'),
          count(status('in_progress')).as('inProgressOnTime'),
          count(status('in_progress_late')).as('inProgressLate'),
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
    },
  };
}
