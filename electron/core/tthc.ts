/**
 * Administrative-procedure (TTHC) dossiers: received, due in working days,
 * solved, withdrawn or postponed with an apology. Status is computed from the
 * dates and today, so the period figures cannot disagree with the list.
 */
import { sql, type Expression, type SqlBool, type Updateable } from 'kysely';
import type { TthcDossiersTable } from '../../db/schema-dossiers';
import { writeAudit } from '../../db/audit';
import { fieldError } from '../../shared/api/errors';
import type { ParsedInput } from '../../shared/api/index';
import type { Procedure, TthcDossier, TthcStatus } from '../../shared/api/tthc';
import { foldVietnamese } from '../../shared/text';
import { addWorkingDays } from '../../shared/workdays';
import { loadCalendar } from './calendar/handlers';
import type { CallContext, HandlerMap } from './context';
import { checkUnits } from './documents';
import { tthcStats } from './tthc-stats';

/** The status as SQL over the dossier row `d`, equal to tthcStatusOf. */
export function tthcStatusSql(today: string): Expression<string> {
  return sql<string>`case
    when d.withdrawn_at is not null then 'withdrawn'
    when d.result_date is not null then (case when d.result_date <= d.due_date then 'solved_on_time' else 'solved_late' end)
    when ${today} <= d.due_date then 'in_progress' else 'in_progress_late' end`;
}

export function tthcStatusOf(r: { withdrawn_at: string | null; result_date: string | null; due_date: string }, today: string): TthcStatus {
  if (r.withdrawn_at) return 'withdrawn';
  if (r.result_date) return r.result_date <= r.due_date ? 'solved_on_time' : 'solved_late';
  return today <= r.due_date ? 'in_progress' : 'in_progress_late';
}

function baseQuery(ctx: CallContext) {
  return ctx.db
    .selectFrom('tthc_dossiers as d')
    .innerJoin('tthc_procedures as p', 'p.id', 'd.procedure_id')
    .leftJoin('units as u', 'u.id', 'd.handling_unit_id')
    .selectAll('d')
    .select(['p.code as p_code', 'p.name as p_name', 'p.field as p_field', 'p.processing_days as p_days', 'p.fee as p_fee', 'u.name as unit_name'])
    .where('d.deleted_at', 'is', null);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toDossier(r: Row, today: string): TthcDossier {
  return {
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
    status: tthcStatusOf(r, today),
  };
}

export async function loadTthc(ctx: CallContext, id: number, path = 'id'): Promise<TthcDossier> {
  const r = await baseQuery(ctx).where('d.id', '=', id).executeTakeFirst();
  if (!r) throw fieldError('NOT_FOUND', path, `Không tìm thấy hồ sơ thủ tục hành chính mã ${id}.`);
  return toDossier(r, ctx.today());
}

async function procedureOf(ctx: CallContext, id: number): Promise<Procedure> {
  const p = await ctx.db.selectFrom('tthc_procedures').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!p) throw fieldError('VALIDATION', 'procedureId', `Thủ tục: không có thủ tục mã ${id} trong danh mục.`);
  return { id: p.id, code: p.code, name: p.name, field: p.field, processingDays: p.processing_days, fee: p.fee };
}

/** Due date: the procedure's working days counted from the day after receipt. */
export async function dueDateOf(ctx: CallContext, receivedAt: string, days: number): Promise<string> {
  const y = Number(receivedAt.slice(0, 4));
  return addWorkingDays(receivedAt, days, await loadCalendar(ctx, y, y + 1));
}

/** Codes as the one-stop system makes them: agency abbreviation, date, running number of the day. */
async function nextCode(ctx: CallContext, receivedAt: string): Promise<string> {
  const agency = await ctx.db.selectFrom('agency').select('abbreviation').where('id', '=', 1).executeTakeFirst();
  const prefix = `${agency?.abbreviation ?? 'HS'}-${receivedAt.slice(2, 4)}${receivedAt.slice(5, 7)}${receivedAt.slice(8, 10)}-`;
  const last = await ctx.db.selectFrom('tthc_dossiers').select(sql<number>`max(cast(substr(code, ${prefix.length + 1}) as integer))`.as('n')).where('code', 'like', `${prefix}%`).executeTakeFirst();
  return `${prefix}${String((last?.n ?? 0) + 1).padStart(4, '0')}`;
}

async function checkCodeFree(ctx: CallContext, code: string, exceptId: number | null) {
  let q = ctx.db.selectFrom('tthc_dossiers').select('id').where('code', '=', code).where('deleted_at', 'is', null);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  const dup = await q.executeTakeFirst();
  if (dup) throw fieldError('CONFLICT', 'code', `Mã hồ sơ ${code} đã có (hồ sơ mã ${dup.id}).`);
}

async function audit(ctx: CallContext, id: number, before: TthcDossier | null, after: TthcDossier) {
  await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'tthc_dossiers', entityId: id, before, after });
}

function checkOpen(d: TthcDossier) {
  if (d.withdrawnAt) throw fieldError('CONFLICT', 'id', `Hồ sơ ${d.code} đã được rút ngày ${d.withdrawnAt}.`);
  if (d.resultDate) throw fieldError('CONFLICT', 'id', `Hồ sơ ${d.code} đã trả kết quả ngày ${d.resultDate}.`);
}

function notBeforeReceipt(d: TthcDossier, date: string, path: string, label: string) {
  if (date < d.receivedAt) throw fieldError('VALIDATION', path, `${label} không được trước ngày tiếp nhận (${d.receivedAt}).`);
}

export async function registerTthc(ctx: CallContext, v: ParsedInput<'tthc.register'>): Promise<TthcDossier> {
  const proc = await procedureOf(ctx, v.procedureId);
  if (v.handlingUnitId) await checkUnits(ctx, [v.handlingUnitId], 'handlingUnitId', 'Đơn vị giải quyết');
  const code = v.code ?? (await nextCode(ctx, v.receivedAt));
  await checkCodeFree(ctx, code, null);
  const now = ctx.now();
  const r = await ctx.db
    .insertInto('tthc_dossiers')
    .values({
      code,
      procedure_id: proc.id,
      applicant_name: v.applicantName,
      applicant_fold: foldVietnamese(v.applicantName),
      applicant_kind: v.applicantKind,
      applicant_address: v.applicantAddress,
      applicant_phone: v.applicantPhone,
      received_at: v.receivedAt,
      channel: v.channel,
      handling_unit_id: v.handlingUnitId,
      due_date: await dueDateOf(ctx, v.receivedAt, proc.processingDays),
      note: v.note,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await loadTthc(ctx, r.id);
  await audit(ctx, r.id, null, after);
  return after;
}

async function change(ctx: CallContext, id: number, patch: Updateable<TthcDossiersTable>, check?: (d: TthcDossier) => void) {
  const before = await loadTthc(ctx, id);
  check?.(before);
  await ctx.db.updateTable('tthc_dossiers').set({ ...patch, updated_at: ctx.now() }).where('id', '=', id).execute();
  const after = await loadTthc(ctx, id);
  await audit(ctx, id, before, after);
  return after;
}

function filtered(ctx: CallContext, v: ParsedInput<'tthc.list'>) {
  let q = baseQuery(ctx);
  if (v.from) q = q.where('d.received_at', '>=', v.from);
  if (v.to) q = q.where('d.received_at', '<=', v.to);
  if (v.procedureId) q = q.where('d.procedure_id', '=', v.procedureId);
  if (v.unitId) q = q.where('d.handling_unit_id', '=', v.unitId);
  if (v.status) q = q.where(sql<SqlBool>`${tthcStatusSql(ctx.today())} = ${v.status}`);
  if (v.q) {
    const fold = `%${foldVietnamese(v.q)}%`;
    const code = `%${v.q}%`;
    q = q.where((eb) => eb.or([eb('d.applicant_fold', 'like', fold), eb('d.code', 'like', code)]));
  }
  return q;
}

export const tthcHandlers: HandlerMap<
  'tthc.procedures' | 'tthc.addProcedure' | 'tthc.register' | 'tthc.update' | 'tthc.get' | 'tthc.list' | 'tthc.complete' | 'tthc.withdraw' | 'tthc.postpone' | 'tthc.stats'
> = {
  async 'tthc.procedures'(ctx) {
    const rows = await ctx.db.selectFrom('tthc_procedures').selectAll().where('deleted_at', 'is', null).orderBy('field').orderBy('name').execute();
    return { items: rows.map((p) => ({ id: p.id, code: p.code, name: p.name, field: p.field, processingDays: p.processing_days, fee: p.fee })) };
  },
  async 'tthc.addProcedure'(ctx, v) {
    const now = ctx.now();
    const r = await ctx.db
      .insertInto('tthc_procedures')
      .values({ code: v.code, name: v.name, field: v.field, processing_days: v.processingDays, fee: v.fee, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(ctx.db, { at: now, actor: ctx.actor, action: ctx.method, entity: 'tthc_procedures', entityId: r.id, before: null, after: v });
    return procedureOf(ctx, r.id);
  },
  'tthc.register': registerTthc,
  async 'tthc.update'(ctx, v) {
    const before = await loadTthc(ctx, v.id);
    const procedureId = v.procedureId ?? before.procedure.id;
    const receivedAt = v.receivedAt ?? before.receivedAt;
    const proc = await procedureOf(ctx, procedureId);
    if (v.handlingUnitId) await checkUnits(ctx, [v.handlingUnitId], 'handlingUnitId', 'Đơn vị giải quyết');
    const done = before.resultDate ?? before.withdrawnAt;
    if (done && receivedAt > done) throw fieldError('VALIDATION', 'receivedAt', `Ngày tiếp nhận không được sau ngày hồ sơ kết thúc (${done}).`);
    return change(ctx, v.id, {
      procedure_id: procedureId,
      received_at: receivedAt,
      due_date: await dueDateOf(ctx, receivedAt, proc.processingDays),
      ...(v.applicantName !== undefined ? { applicant_name: v.applicantName, applicant_fold: foldVietnamese(v.applicantName) } : {}),
      ...(v.applicantKind !== undefined ? { applicant_kind: v.applicantKind } : {}),
      ...(v.applicantAddress !== undefined ? { applicant_address: v.applicantAddress } : {}),
      ...(v.applicantPhone !== undefined ? { applicant_phone: v.applicantPhone } : {}),
      ...(v.channel !== undefined ? { channel: v.channel } : {}),
      ...(v.handlingUnitId !== undefined ? { handling_unit_id: v.handlingUnitId } : {}),
      ...(v.note !== undefined ? { note: v.note } : {}),
    });
  },
  'tthc.get': (ctx, v) => loadTthc(ctx, v.id),
  async 'tthc.list'(ctx, v) {
    const total = await filtered(ctx, v)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await filtered(ctx, v).orderBy('d.received_at', 'desc').orderBy('d.id', 'desc').limit(v.pageSize).offset((v.page - 1) * v.pageSize).execute();
    return { items: rows.map((r) => toDossier(r, ctx.today())), total: Number(total.n), page: v.page, pageSize: v.pageSize };
  },
  'tthc.complete': (ctx, v) =>
    change(ctx, v.id, { result_date: v.resultDate }, (d) => {
      checkOpen(d);
      notBeforeReceipt(d, v.resultDate, 'resultDate', 'Ngày trả kết quả');
    }),
  'tthc.withdraw': (ctx, v) =>
    change(ctx, v.id, { withdrawn_at: v.date, ...(v.reason ? { note: v.reason } : {}) }, (d) => {
      checkOpen(d);
      notBeforeReceipt(d, v.date, 'date', 'Ngày rút hồ sơ');
    }),
  'tthc.postpone': (ctx, v) =>
    change(ctx, v.id, { new_due_date: v.newDueDate, delay_reason: v.reason }, (d) => {
      checkOpen(d);
      if (v.newDueDate <= d.dueDate) throw fieldError('VALIDATION', 'newDueDate', `Ngày hẹn trả mới phải sau hạn trả kết quả (${d.dueDate}).`);
    }),
  'tthc.stats': (ctx, v) => tthcStats(ctx, v.from, v.to),
};
