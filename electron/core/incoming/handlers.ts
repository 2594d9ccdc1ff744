/** Incoming documents: registration with number allocation, handling, completion. */
import { readAt, readAtOrNull, storedAt } from '../../../db/instant';
import type { IncomingTable } from '../../../db/schema';
import { fieldError } from '../../../shared/api/errors';
import type { Incoming } from '../../../shared/api/incoming';
import type { ParsedInput } from '../../../shared/api/index';
import { formatDateVi } from '../../../shared/dates';
import { formatDocNumber, parseNotation } from '../../../shared/documents/notation';
import { foldVietnamese } from '../../../shared/text';
import { documentScope, incomingAccess, visibleIncoming, visibleOutgoing } from '../access/index';
import { expandedQueries } from '../../../shared/abbreviations';
import { loadAbbreviations } from '../agency/abbreviations';
import { loadLexicon } from '../search/lexicon';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits, reindex, resolveRegister } from '../registers/documents';
import { checkDocumentType, correctionReason, defaultPeriod, typeName, yearOf } from '../registers/rules';
import { incomingStatus } from './rules';
import { textPage } from './text-page';
import type { IncomingRow } from './store';

export function toIncoming(r: IncomingRow, coordinators: { id: number; name: string }[], today: string): Incoming {
  const status = incomingStatus({ deadline: r.deadline, completedAt: r.completed_at, leadUnitId: r.lead_unit_id, assignedAt: readAtOrNull(r.assigned_at) }, today);
  return {
    id: r.id,
    registerId: r.register_id,
    registerName: r.register_name,
    year: r.year,
    arrivalNumber: r.arrival_number,
    arrivalNumberText: formatDocNumber(r.arrival_number),
    arrivalDate: r.arrival_date,
    senderUnitId: r.sender_unit_id,
    senderName: r.sender_name,
    notation: r.notation,
    documentNumber: r.document_number,
    documentType: r.document_type,
    documentTypeName: typeName(r.document_type),
    documentDate: r.document_date,
    subject: r.subject,
    signerName: r.signer_name,
    urgency: r.urgency as Incoming['urgency'],
    secrecy: r.secrecy as Incoming['secrecy'],
    pages: r.pages,
    receivedVia: r.received_via as Incoming['receivedVia'],
    recipientText: r.recipient_text,
    transferDate: r.transfer_date,
    note: r.note,
    instruction: r.instruction,
    leadUnit: r.lead_unit_id !== null ? { id: r.lead_unit_id, name: r.lead_unit_name ?? '' } : null,
    coordinatingUnits: coordinators,
    deadline: r.deadline,
    completedAt: r.completed_at,
    replyOutgoingId: r.reply_outgoing_id,
    replyNotation: r.reply_notation,
    status,
    overdue: status === 'overdue' || status === 'done_late',
    origin: r.origin ?? null,
    createdAt: readAt(r.created_at),
    updatedAt: readAt(r.updated_at),
  };
}

export async function loadIncoming(ctx: CallContext, id: number): Promise<Incoming> {
  const row = await ctx.stores.incoming.get(id, incomingAccess(ctx.user));
  // Not "forbidden": a user without access is not told the document exists.
  if (!row) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy văn bản đến mã ${id}.`);
  const coordinators = await ctx.stores.incoming.coordinatorsOf([id]);
  return toIncoming(row, coordinators.get(id) ?? [], ctx.today());
}

/** The duplicate key of a notation: "448/BC-STNMT" and "448/bc - stnmt" are one. */
function notationKeyOf(notation: string, parsed = parseNotation(notation)): string {
  return foldVietnamese(parsed?.normalized ?? notation).replace(/\s+/g, '');
}

/** Notation → normalised text, number, type; the duplicate key. */
function readNotation(notation: string | null, typeGiven: string | null | undefined) {
  const parsed = notation ? parseNotation(notation) : null;
  const text = parsed?.normalized ?? notation;
  return {
    notation: text,
    notationKey: notation ? notationKeyOf(notation, parsed) : null,
    documentNumber: parsed?.number ?? null,
    documentType: checkDocumentType(typeGiven ?? parsed?.typeCode ?? null),
  };
}

/** The warning for a document already in the register, or null; one the user may not see is neither named nor numbered. */
async function duplicateOf(ctx: CallContext, d: { notationKey: string | null; documentDate: string | null; senderFold: string }, exceptId: number | null) {
  if (!d.notationKey || !d.documentDate) return null;
  const dup = await ctx.stores.incoming.findDuplicate({ notationKey: d.notationKey, documentDate: d.documentDate, senderFold: d.senderFold, exceptId }, visibleIncoming(ctx.user));
  if (!dup) return null;
  if (!dup.visible)
    return { message: 'Sổ đã có một văn bản trùng (cùng cơ quan gửi, số, ký hiệu và ngày) mà bạn không có quyền xem. Nếu đây là bản thứ hai cần vào sổ riêng, hãy xác nhận.', existingId: null, arrivalNumber: null };
  const message = `Văn bản ${dup.notation} ngày ${formatDateVi(dup.document_date)} của ${dup.sender_name} đã vào sổ: số đến ${formatDocNumber(dup.arrival_number)} ngày ${formatDateVi(dup.arrival_date)}. Nếu đây là bản thứ hai (giấy và điện tử) cần vào sổ riêng, hãy xác nhận.`;
  return { message, existingId: dup.id, arrivalNumber: dup.arrival_number };
}

/** incoming.checkDuplicate's finding for a sender, notation and date; also the intake queue's duplicate flag. */
export function duplicateByFields(ctx: CallContext, d: { senderName: string; notation: string; documentDate: string }, exceptId: number | null) {
  return duplicateOf(ctx, { notationKey: notationKeyOf(d.notation), documentDate: d.documentDate, senderFold: foldVietnamese(d.senderName) }, exceptId);
}

async function checkDuplicate(
  ctx: CallContext,
  d: { notationKey: string | null; documentDate: string | null; senderFold: string },
  exceptId: number | null,
  confirmed: boolean | undefined,
) {
  if (confirmed) return;
  const dup = await duplicateOf(ctx, d, exceptId);
  if (!dup) return;
  // Still a warning: the clerk may confirm a second copy (paper and electronic).
  throw fieldError('DUPLICATE', 'notation', dup.message, dup.existingId === null ? undefined : { existingId: dup.existingId, arrivalNumber: dup.arrivalNumber });
}

/** Links a typed sender to an external unit of the same name. */
async function senderUnit(ctx: CallContext, senderUnitId: number | null, senderName: string): Promise<number | null> {
  if (senderUnitId) {
    await checkUnits(ctx, [senderUnitId], 'senderUnitId', 'Cơ quan gửi', 'any');
    return senderUnitId;
  }
  return ctx.stores.units.externalByName(foldVietnamese(senderName));
}

async function audit(ctx: CallContext, id: number, before: Incoming | null, after: Incoming & { correctionReason?: string }) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'incoming', entityId: id, before, after });
}

/** What of a document its search entry holds, beside the text recognised from its scan. */
export function incomingSearchFields(d: Incoming, recognisedText: string | null) {
  return { notation: d.notation, subject: d.subject, sender: d.senderName, extra: [d.documentTypeName, d.signerName, d.instruction, recognisedText] };
}

/** The row a registration writes, its register, number and sender's unit settled (by one registration or an import's batch). */
export function incomingRow(
  input: ParsedInput<'incoming.register'>,
  at: { registerId: number; year: number; arrivalNumber: number; senderUnitId: number | null; now: string },
  n = readNotation(input.notation, input.documentType),
): Omit<IncomingTable, 'id'> {
  const assigned = !!(input.leadUnitId || input.instruction || input.deadline);
  const now = storedAt(at.now);
  return {
    register_id: at.registerId,
    year: at.year,
    arrival_number: at.arrivalNumber,
    arrival_date: input.arrivalDate,
    sender_unit_id: at.senderUnitId,
    sender_name: input.senderName,
    sender_fold: foldVietnamese(input.senderName),
    notation: n.notation,
    notation_key: n.notationKey,
    document_number: n.documentNumber,
    document_type: n.documentType,
    document_date: input.documentDate,
    subject: input.subject,
    signer_name: input.signerName,
    urgency: input.urgency ?? null,
    secrecy: input.secrecy ?? null,
    pages: input.pages ?? null,
    received_via: input.receivedVia ?? null,
    recipient_text: input.recipientText,
    transfer_date: input.transferDate,
    instruction: input.instruction,
    lead_unit_id: input.leadUnitId,
    deadline: input.deadline,
    assigned_at: assigned ? now : null,
    completed_at: null,
    reply_outgoing_id: null,
    note: input.note,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    recognised_text: input.recognisedText ?? null,
  };
}

/** `registered`: the scan's text of a document just registered (which has no entry yet); otherwise it is read. */
async function reindexIncoming(ctx: CallContext, d: Incoming, registered?: { recognisedText: string | null }) {
  const text = registered ? registered.recognisedText : ((await ctx.stores.incoming.extras(d.id))?.recognised_text ?? null);
  await reindex(ctx, 'incoming', d.id, incomingSearchFields(d, text), !!registered);
}

/**
 * The registered document as loadIncoming reads it, from the row just written
 * and the names already looked up: re-reading it was a fifth of a
 * registration. Only for a caller who sees every document it can write (the
 * access rule could hide it, and then registering fails as NOT_FOUND, as
 * before) and, when there are coordinating units, with their order read back.
 */
async function registered(ctx: CallContext, id: number, row: Omit<IncomingTable, 'id'>, names: { register: string; leadUnit: string | null }, coordinated: boolean): Promise<Incoming> {
  const scope = documentScope(ctx.user);
  if (scope.unitId !== null || (scope.hideSecret && row.secrecy !== null)) return loadIncoming(ctx, id);
  const coordinators = coordinated ? ((await ctx.stores.incoming.coordinatorsOf([id])).get(id) ?? []) : [];
  return toIncoming({ id, ...row, origin: row.origin ?? null, register_name: names.register, lead_unit_name: names.leadUnit, reply_notation: null }, coordinators, ctx.today());
}

/** Registration, shared by the API method and the Excel import (inside its transaction). */
export async function registerIncoming(ctx: CallContext, input: ParsedInput<'incoming.register'>): Promise<Incoming> {
  const register = await resolveRegister(ctx, 'incoming', input.registerId, !!input.secrecy);
  const n = readNotation(input.notation, input.documentType);
  const senderFold = foldVietnamese(input.senderName);
  await checkDuplicate(ctx, { notationKey: n.notationKey, documentDate: input.documentDate, senderFold }, null, input.confirmDuplicate);
  const units = [...(input.leadUnitId ? [input.leadUnitId] : []), ...(input.coordinatingUnitIds ?? [])];
  const named = await checkUnits(ctx, units, input.leadUnitId ? 'leadUnitId' : 'coordinatingUnitIds', 'Đơn vị xử lý');
  const year = yearOf(input.arrivalDate);
  let arrivalNumber: number;
  if (input.arrivalNumber !== undefined) {
    if (await ctx.stores.incoming.numberTaken(register.id, year, input.arrivalNumber))
      throw fieldError('CONFLICT', 'arrivalNumber', `Số đến ${formatDocNumber(input.arrivalNumber)} năm ${year} đã có trong ${register.name}.`);
    arrivalNumber = input.arrivalNumber;
    await ctx.stores.registers.keepNumber(register.id, year, arrivalNumber);
  } else {
    // Allocated inside this action's transaction: no two documents get one number.
    arrivalNumber = await ctx.stores.registers.takeNumber(register.id, year);
  }
  const row = incomingRow(input, { registerId: register.id, year, arrivalNumber, senderUnitId: await senderUnit(ctx, input.senderUnitId, input.senderName), now: ctx.now() }, n);
  const id = await ctx.stores.incoming.insert(row);
  const coordinated = !!input.coordinatingUnitIds?.length;
  if (coordinated) await ctx.stores.incoming.setCoordinators(id, input.coordinatingUnitIds!);
  const leadUnit = input.leadUnitId ? (named.get(input.leadUnitId)?.name ?? null) : null;
  const doc = await registered(ctx, id, row, { register: register.name, leadUnit }, coordinated);
  await reindexIncoming(ctx, doc, { recognisedText: row.recognised_text });
  await audit(ctx, id, null, doc);
  return doc;
}

type Handlers = HandlerMap<'incoming.register' | 'incoming.update' | 'incoming.get' | 'incoming.list' | 'incoming.assign' | 'incoming.complete' | 'incoming.checkDuplicate' | 'incoming.senders'>;

export const incomingHandlers: Handlers = {
  'incoming.register': async (ctx, input) => registerIncoming(ctx, input),

  'incoming.update': async (ctx, input) => {
    const before = await loadIncoming(ctx, input.id);
    const patch: Partial<Omit<IncomingTable, 'id'>> = { updated_at: storedAt(ctx.now()) };
    const set = <K extends keyof Omit<IncomingTable, 'id'>>(k: K, v: IncomingTable[K] | undefined) => {
      if (v !== undefined) patch[k] = v;
    };
    if (input.notation !== undefined || input.documentType !== undefined) {
      const n = readNotation(input.notation !== undefined ? input.notation : before.notation, input.documentType !== undefined ? input.documentType : before.documentType);
      Object.assign(patch, { notation: n.notation, notation_key: n.notationKey, document_number: n.documentNumber, document_type: n.documentType });
    }
    if (input.senderName !== undefined) {
      patch.sender_name = input.senderName;
      patch.sender_fold = foldVietnamese(input.senderName);
      patch.sender_unit_id = await senderUnit(ctx, input.senderUnitId ?? null, input.senderName);
    }
    if (input.arrivalDate !== undefined && yearOf(input.arrivalDate) !== before.year)
      throw fieldError('VALIDATION', 'arrivalDate', 'Không đổi được ngày đến sang năm khác: số đến thuộc sổ của từng năm. Hãy hủy và vào sổ lại.');
    if (input.secrecy !== undefined && !!input.secrecy !== !!before.secrecy)
      throw fieldError('VALIDATION', 'secrecy', 'Không đổi được văn bản thường thành văn bản mật (hoặc ngược lại) sau khi vào sổ: hai loại dùng hai sổ riêng.');
    if (input.registerId !== undefined && input.registerId !== null && input.registerId !== before.registerId)
      throw fieldError('VALIDATION', 'registerId', 'Không chuyển được văn bản sang sổ khác sau khi đã cấp số đến.');
    const renumbered = input.arrivalNumber !== undefined && input.arrivalNumber !== before.arrivalNumber;
    const redated = input.arrivalDate !== undefined && input.arrivalDate !== before.arrivalDate;
    const reason = correctionReason([...(renumbered ? ['số đến'] : []), ...(redated ? ['ngày đến'] : [])], input.reason);
    if (renumbered) {
      if (await ctx.stores.incoming.numberTaken(before.registerId, before.year, input.arrivalNumber!))
        throw fieldError('CONFLICT', 'arrivalNumber', `Số đến ${formatDocNumber(input.arrivalNumber!)} năm ${before.year} đã có trong ${before.registerName}.`);
      patch.arrival_number = input.arrivalNumber!;
      await ctx.stores.registers.keepNumber(before.registerId, before.year, input.arrivalNumber!);
    }
    set('arrival_date', input.arrivalDate);
    set('document_date', input.documentDate);
    set('subject', input.subject);
    set('signer_name', input.signerName);
    set('urgency', input.urgency);
    set('secrecy', input.secrecy);
    set('pages', input.pages);
    set('received_via', input.receivedVia);
    set('recipient_text', input.recipientText);
    set('transfer_date', input.transferDate);
    set('note', input.note);
    set('instruction', input.instruction);
    set('deadline', input.deadline);
    if (input.leadUnitId !== undefined) {
      if (input.leadUnitId) await checkUnits(ctx, [input.leadUnitId], 'leadUnitId', 'Đơn vị chủ trì');
      patch.lead_unit_id = input.leadUnitId;
    }
    const senderFold = patch.sender_fold ?? foldVietnamese(before.senderName);
    const documentDate = input.documentDate !== undefined ? input.documentDate : before.documentDate;
    const notationKey = patch.notation_key !== undefined ? patch.notation_key : before.notation ? foldVietnamese(before.notation).replace(/\s+/g, '') : null;
    await checkDuplicate(ctx, { notationKey, documentDate, senderFold }, before.id, input.confirmDuplicate);
    await ctx.stores.incoming.update(before.id, patch);
    if (input.coordinatingUnitIds !== undefined) {
      await checkUnits(ctx, input.coordinatingUnitIds, 'coordinatingUnitIds', 'Đơn vị phối hợp');
      await ctx.stores.incoming.setCoordinators(before.id, input.coordinatingUnitIds);
    }
    const after = await loadIncoming(ctx, before.id);
    await reindexIncoming(ctx, after);
    await audit(ctx, before.id, before, reason ? { ...after, correctionReason: reason } : after);
    return after;
  },

  'incoming.get': async (ctx, input) => loadIncoming(ctx, input.id),

  'incoming.list': async (ctx, input) => {
    const period = defaultPeriod(ctx.today(), input.from, input.to);
    if (period.from > period.to) throw fieldError('VALIDATION', 'to', 'Đến ngày phải sau hoặc bằng Từ ngày.');
    const qFold = input.q ? foldVietnamese(input.q) : null;
    const senderFold = input.sender ? foldVietnamese(input.sender) : null;
    const filter = {
      ...period,
      registerIds: input.registerId ? [input.registerId] : null,
      senderFold,
      documentType: input.documentType,
      unitId: input.unitId,
      status: input.status ?? null,
      urgency: input.urgency ?? null,
      secrecy: input.secrecy ?? null,
      access: incomingAccess(ctx.user),
      qFold,
      lexicon: qFold || senderFold ? await loadLexicon(ctx, [qFold, senderFold]) : undefined,
      today: ctx.today(),
    };
    const sortColumn = {
      arrivalDate: 'i.arrival_date',
      // The register's order, which the period index already has.
      arrivalNumber: 'i.arrival_date',
      documentDate: 'i.document_date',
      senderName: 'i.sender_fold',
      subject: 'i.subject',
      deadline: 'i.deadline',
    } as const;
    const page = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
    const found = filter.qFold ? await textPage(ctx, { ...filter, qFold: filter.qFold }, input.sort === 'arrivalDate' || input.sort === 'arrivalNumber' ? input.dir : null, page) : null;
    const { rows, total } = found
      ? { total: found.total, rows: found.rows ?? (await ctx.stores.incoming.list(found.filter, sortColumn[input.sort], input.dir, page)) }
      : await ctx.stores.incoming.page(filter, sortColumn[input.sort], input.dir, page);
    const coordinators = await ctx.stores.incoming.coordinatorsOf(rows.map((r) => r.id));
    // Once per page: formatting the clock's date for each row was a tenth of the page's time.
    const today = filter.today;
    return {
      items: rows.map((r) => toIncoming(r, coordinators.get(r.id) ?? [], today)),
      total,
      totalExact: found?.exact ?? true,
      page: input.page,
      pageSize: input.pageSize,
    };
  },

  'incoming.assign': async (ctx, input) => {
    const before = await loadIncoming(ctx, input.id);
    await checkUnits(ctx, [input.leadUnitId], 'leadUnitId', 'Đơn vị chủ trì');
    await checkUnits(ctx, input.coordinatingUnitIds, 'coordinatingUnitIds', 'Đơn vị phối hợp');
    if (input.coordinatingUnitIds.includes(input.leadUnitId))
      throw fieldError('VALIDATION', 'coordinatingUnitIds', 'Đơn vị chủ trì không đồng thời là đơn vị phối hợp.');
    if (input.deadline && input.deadline < before.arrivalDate)
      throw fieldError('VALIDATION', 'deadline', 'Hạn xử lý không được trước ngày đến.');
    await ctx.stores.incoming.update(before.id, {
      instruction: input.instruction,
      lead_unit_id: input.leadUnitId,
      deadline: input.deadline,
      assigned_at: storedAt(ctx.now()),
      transfer_date: input.transferDate ?? before.transferDate ?? ctx.today(),
      updated_at: storedAt(ctx.now()),
    });
    await ctx.stores.incoming.setCoordinators(before.id, input.coordinatingUnitIds);
    const after = await loadIncoming(ctx, before.id);
    await reindexIncoming(ctx, after);
    await audit(ctx, before.id, before, after);
    return after;
  },

  'incoming.complete': async (ctx, input) => {
    const before = await loadIncoming(ctx, input.id);
    if (input.completedAt < before.arrivalDate)
      throw fieldError('VALIDATION', 'completedAt', 'Ngày hoàn thành không được trước ngày đến.');
    if (input.replyOutgoingId) {
      const o = await ctx.stores.outgoing.find(input.replyOutgoingId, visibleOutgoing(ctx.user));
      if (!o || o.deleted_at) throw fieldError('VALIDATION', 'replyOutgoingId', `Không có văn bản đi mã ${input.replyOutgoingId}.`);
      await ctx.stores.outgoing.addReply(o.id, before.id);
    }
    await ctx.stores.incoming.update(before.id, { completed_at: input.completedAt, reply_outgoing_id: input.replyOutgoingId ?? before.replyOutgoingId, updated_at: storedAt(ctx.now()) });
    const after = await loadIncoming(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return after;
  },

  'incoming.checkDuplicate': async (ctx, input) => {
    const dup = await duplicateByFields(ctx, input, input.exceptId ?? null);
    return { duplicate: dup !== null, message: dup?.message ?? null, existingId: dup?.existingId ?? null };
  },

  'incoming.senders': async (ctx, input) => {
    const typed = input.q ? expandedQueries(foldVietnamese(input.q), await loadAbbreviations(ctx)) : [''];
    const units = await ctx.stores.units.externalMatching(typed, input.limit);
    const history = await ctx.stores.incoming.senderHistory(typed, input.limit, visibleIncoming(ctx.user));
    const seen = new Map<string, { name: string; unitId: number | null; uses: number }>();
    for (const h of history) seen.set(foldVietnamese(h.sender_name), { name: h.sender_name, unitId: h.sender_unit_id, uses: Number(h.uses) });
    for (const u of units) {
      const k = foldVietnamese(u.name);
      const had = seen.get(k);
      seen.set(k, { name: u.name, unitId: u.id, uses: had?.uses ?? 0 });
    }
    const items = [...seen.values()].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name, 'vi')).slice(0, input.limit);
    return { items };
  },
};
