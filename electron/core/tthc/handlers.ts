/**
 * Administrative-procedure (TTHC) dossiers: received, due in working days,
 * solved, withdrawn or postponed with an apology. Status is computed from the
 * dates and today (rules.ts), so the period figures cannot disagree with the list.
 */
import { fieldError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/index';
import type { Procedure, TthcDossier, TthcStats } from '../../../shared/api/tthc';
import { addWorkingDays } from '../../../shared/workdays';
import { loadCalendar } from '../calendar/handlers';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits } from '../registers/documents';
import type { TthcFields } from './store';

export async function loadTthc(ctx: CallContext, id: number, path = 'id'): Promise<TthcDossier> {
  const d = await ctx.stores.tthc.get(id, ctx.today());
  if (!d) throw fieldError('NOT_FOUND', path, `Không tìm thấy hồ sơ thủ tục hành chính mã ${id}.`);
  return d;
}

/** The period figures (monthly report, home page): see tthcStore.stats. */
export const tthcStats = (ctx: Pick<CallContext, 'stores'>, from: string, to: string): Promise<TthcStats> => ctx.stores.tthc.stats(from, to);

async function procedureOf(ctx: CallContext, id: number): Promise<Procedure> {
  const p = await ctx.stores.tthc.procedure(id);
  if (!p) throw fieldError('VALIDATION', 'procedureId', `Thủ tục: không có thủ tục mã ${id} trong danh mục.`);
  return p;
}

/** Due date: the procedure's working days counted from the day after receipt. */
export async function dueDateOf(ctx: CallContext, receivedAt: string, days: number): Promise<string> {
  const y = Number(receivedAt.slice(0, 4));
  return addWorkingDays(receivedAt, days, await loadCalendar(ctx, y, y + 1));
}

/** Codes as the one-stop system makes them: agency abbreviation, date, running number of the day. */
async function nextCode(ctx: CallContext, receivedAt: string): Promise<string> {
  const prefix = `${(await ctx.stores.tthc.agencyAbbreviation()) ?? 'HS'}-${receivedAt.slice(2, 4)}${receivedAt.slice(5, 7)}${receivedAt.slice(8, 10)}-`;
  return `${prefix}${String((await ctx.stores.tthc.lastRunningNumber(prefix)) + 1).padStart(4, '0')}`;
}

async function checkCodeFree(ctx: CallContext, code: string, exceptId: number | null) {
  const dup = await ctx.stores.tthc.codeTakenBy(code, exceptId);
  if (dup) throw fieldError('CONFLICT', 'code', `Mã hồ sơ ${code} đã có (hồ sơ mã ${dup.id}).`);
}

async function audit(ctx: CallContext, id: number, before: TthcDossier | null, after: TthcDossier) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'tthc_dossiers', entityId: id, before, after });
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
  const id = await ctx.stores.tthc.insert({ ...v, code, procedureId: proc.id, dueDate: await dueDateOf(ctx, v.receivedAt, proc.processingDays) }, ctx.now());
  const after = await loadTthc(ctx, id);
  await audit(ctx, id, null, after);
  return after;
}

async function change(ctx: CallContext, id: number, patch: TthcFields, check?: (d: TthcDossier) => void) {
  const before = await loadTthc(ctx, id);
  check?.(before);
  await ctx.stores.tthc.update(id, patch, ctx.now());
  const after = await loadTthc(ctx, id);
  await audit(ctx, id, before, after);
  return after;
}

export const tthcHandlers: HandlerMap<
  'tthc.procedures' | 'tthc.addProcedure' | 'tthc.register' | 'tthc.update' | 'tthc.get' | 'tthc.list' | 'tthc.complete' | 'tthc.withdraw' | 'tthc.postpone' | 'tthc.stats'
> = {
  async 'tthc.procedures'(ctx) {
    return { items: await ctx.stores.tthc.procedures() };
  },
  async 'tthc.addProcedure'(ctx, v) {
    const now = ctx.now();
    const id = await ctx.stores.tthc.insertProcedure(v, now);
    await ctx.stores.audit.write({ at: now, actor: ctx.actor, action: ctx.method, entity: 'tthc_procedures', entityId: id, before: null, after: v });
    return procedureOf(ctx, id);
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
    const { id, ...fields } = v;
    return change(ctx, id, { ...fields, procedureId, receivedAt, dueDate: await dueDateOf(ctx, receivedAt, proc.processingDays) });
  },
  'tthc.get': (ctx, v) => loadTthc(ctx, v.id),
  async 'tthc.list'(ctx, v) {
    const { items, total } = await ctx.stores.tthc.list(v, ctx.today(), { limit: v.pageSize, offset: (v.page - 1) * v.pageSize });
    return { items, total, page: v.page, pageSize: v.pageSize };
  },
  'tthc.complete': (ctx, v) =>
    change(ctx, v.id, { resultDate: v.resultDate }, (d) => {
      checkOpen(d);
      notBeforeReceipt(d, v.resultDate, 'resultDate', 'Ngày trả kết quả');
    }),
  'tthc.withdraw': (ctx, v) =>
    change(ctx, v.id, { withdrawnAt: v.date, ...(v.reason ? { note: v.reason } : {}) }, (d) => {
      checkOpen(d);
      notBeforeReceipt(d, v.date, 'date', 'Ngày rút hồ sơ');
    }),
  'tthc.postpone': (ctx, v) =>
    change(ctx, v.id, { newDueDate: v.newDueDate, delayReason: v.reason }, (d) => {
      checkOpen(d);
      if (v.newDueDate <= d.dueDate) throw fieldError('VALIDATION', 'newDueDate', `Ngày hẹn trả mới phải sau hạn trả kết quả (${d.dueDate}).`);
    }),
  'tthc.stats': (ctx, v) => tthcStats(ctx, v.from, v.to),
};
