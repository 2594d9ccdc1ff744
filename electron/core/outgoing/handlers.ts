/** Outgoing documents: drafts, number allocation on issue, cancelled numbers kept. */
import { readAt, storedAt } from '../../../db/instant';
import type { OutgoingTable } from '../../../db/schema';
import { AppError, fieldError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/index';
import type { Outgoing } from '../../../shared/api/outgoing';
import { composeNotation, formatDocNumber } from '../../../shared/documents/notation';
import { foldVietnamese } from '../../../shared/text';
import { documentScope, visibleIncoming, visibleOutgoing } from '../access/index';
import { loadLexicon } from '../search/lexicon';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits, reindex, resolveRegister } from '../registers/documents';
import { checkDocumentType, correctionReason, defaultPeriod, typeName, yearOf } from '../registers/rules';
import { archiveLine } from './rules';
import type { OutgoingRow } from './store';

function toOutgoing(
  r: OutgoingRow,
  recipients: { unitId: number | null; name: string }[],
  replies: { id: number; notation: string | null; arrivalNumber: number }[],
): Outgoing {
  return {
    id: r.id,
    registerId: r.register_id,
    registerName: r.register_name,
    status: r.status,
    year: r.year,
    number: r.number,
    numberText: r.number !== null ? formatDocNumber(r.number) : null,
    notation: r.notation,
    issueDate: r.issue_date,
    documentType: r.document_type,
    documentTypeName: typeName(r.document_type) ?? r.document_type,
    subject: r.subject,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    signingAuthority: r.signing_authority as Outgoing['signingAuthority'],
    draftingUnit: r.drafting_unit_id !== null ? { id: r.drafting_unit_id, name: r.drafting_unit_name ?? '', abbreviation: r.drafting_unit_abbreviation } : null,
    drafterInitials: r.drafter_initials,
    recipients,
    copies: r.copies,
    urgency: r.urgency as Outgoing['urgency'],
    secrecy: r.secrecy as Outgoing['secrecy'],
    archiveLine: archiveLine(r.drafting_unit_abbreviation, r.drafter_initials),
    replyTo: replies,
    transferDate: r.transfer_date,
    cancelReason: r.cancel_reason,
    note: r.note,
    createdAt: readAt(r.created_at),
    updatedAt: readAt(r.updated_at),
  };
}

export async function loadOutgoing(ctx: CallContext, id: number): Promise<Outgoing> {
  const row = await ctx.stores.outgoing.get(id, visibleOutgoing(ctx.user));
  if (!row) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy văn bản đi mã ${id}.`);
  const [rec, rep] = await Promise.all([ctx.stores.outgoing.recipientsOf([id]), ctx.stores.outgoing.repliesOf([id], visibleIncoming(ctx.user))]);
  return toOutgoing(row, rec.get(id) ?? [], rep.get(id) ?? []);
}

async function audit(ctx: CallContext, id: number, before: Outgoing | null, after: Outgoing & { correctionReason?: string }) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'outgoing', entityId: id, before, after });
}

/** `fresh`: a document just created, which has no entry yet. */
async function reindexOutgoing(ctx: CallContext, d: Outgoing, fresh = false) {
  const entry = { notation: d.notation, subject: d.subject, sender: d.recipients.map((r) => r.name).join(' '), extra: [d.documentTypeName, d.signerName, d.draftingUnit?.name ?? null] };
  await reindex(ctx, 'outgoing', d.id, entry, fresh);
}

async function checkRecipients(ctx: CallContext, list: { unitId: number | null; name: string }[] | undefined) {
  const ids = (list ?? []).map((r) => r.unitId).filter((x): x is number => x !== null);
  await checkUnits(ctx, ids, 'recipients', 'Nơi nhận', 'any');
}

async function checkReplies(ctx: CallContext, ids: number[] | undefined) {
  if (!ids?.length) return;
  const found = await ctx.stores.incoming.visibleIds(ids, visibleIncoming(ctx.user));
  const missing = ids.filter((i) => !found.includes(i));
  if (missing.length) throw fieldError('VALIDATION', 'replyToIncomingIds', `Không có văn bản đến mã ${missing.join(', ')}.`);
}

/**
 * The document just created as loadOutgoing reads it, from the row written,
 * the names already looked up and the recipients in their order: re-reading it
 * was a tenth of a demo year's outgoing work. Only for a caller who sees every
 * document (the access rule could hide it) and with the replies read back,
 * since they show the incoming documents' numbers.
 */
async function created(ctx: CallContext, row: OutgoingRow, recipients: { unitId: number | null; name: string }[], replies: boolean): Promise<Outgoing> {
  const scope = documentScope(ctx.user);
  if (scope.unitId !== null || (scope.hideSecret && row.secrecy !== null)) return loadOutgoing(ctx, row.id);
  const replyTo = replies ? ((await ctx.stores.outgoing.repliesOf([row.id], visibleIncoming(ctx.user))).get(row.id) ?? []) : [];
  return toOutgoing(row, recipients, replyTo);
}

/** A document already issued elsewhere (an imported register): its own number and notation, kept as given. */
export interface IssuedAs {
  year: number;
  number: number;
  notation: string;
  issueDate: string;
  transferDate: string | null;
}

/** A new draft, or with issued an already issued document; indexed and audited like any. */
export async function createOutgoing(ctx: CallContext, input: ParsedInput<'outgoing.createDraft'>, issued: IssuedAs | null = null): Promise<Outgoing> {
  const register = await resolveRegister(ctx, 'outgoing', input.registerId, !!input.secrecy);
  const documentType = checkDocumentType(input.documentType) as string;
  const drafting = input.draftingUnitId ? (await checkUnits(ctx, [input.draftingUnitId], 'draftingUnitId', 'Đơn vị soạn thảo')).get(input.draftingUnitId) : undefined;
  await checkRecipients(ctx, input.recipients);
  await checkReplies(ctx, input.replyToIncomingIds);
  const now = ctx.now();
  const row: Omit<OutgoingTable, 'id'> = {
    register_id: register.id,
    year: issued?.year ?? null,
    number: issued?.number ?? null,
    notation: issued?.notation ?? null,
    status: issued ? (issued.transferDate ? 'sent' : 'issued') : 'draft',
    issue_date: issued?.issueDate ?? null,
    document_type: documentType,
    subject: input.subject,
    signer_name: input.signerName,
    signer_position: input.signerPosition,
    signing_authority: input.signingAuthority ?? null,
    drafting_unit_id: input.draftingUnitId,
    drafter_initials: input.drafterInitials,
    recipients_text: (input.recipients ?? []).map((r) => r.name).join('; ') || null,
    copies: input.copies ?? null,
    urgency: input.urgency ?? null,
    secrecy: input.secrecy ?? null,
    transfer_date: issued?.transferDate ?? null,
    sent_via: null,
    cancel_reason: null,
    note: input.note,
    created_at: storedAt(now),
    updated_at: storedAt(now),
    deleted_at: null,
  };
  if (issued) await ctx.stores.registers.keepNumber(register.id, issued.year, issued.number);
  const id = await ctx.stores.outgoing.insert(row);
  const recipients = (input.recipients ?? []).map((r) => ({ unitId: r.unitId, name: r.name }));
  await ctx.stores.outgoing.setRecipients(id, recipients);
  await ctx.stores.outgoing.setReplies(id, input.replyToIncomingIds ?? []);
  const doc = await created(ctx, { id, ...row, register_name: register.name, drafting_unit_name: drafting?.name ?? null, drafting_unit_abbreviation: drafting?.abbreviation ?? null }, recipients, !!input.replyToIncomingIds?.length);
  await reindexOutgoing(ctx, doc, true);
  await audit(ctx, id, null, doc);
  return doc;
}

type Handlers = HandlerMap<
  'outgoing.createDraft' | 'outgoing.update' | 'outgoing.issue' | 'outgoing.cancelNumber' | 'outgoing.markSent' | 'outgoing.get' | 'outgoing.list'
>;

export const outgoingHandlers: Handlers = {
  'outgoing.createDraft': (ctx, input) => createOutgoing(ctx, input),

  'outgoing.update': async (ctx, input) => {
    const before = await loadOutgoing(ctx, input.id);
    if (before.status === 'cancelled') throw new AppError('CONFLICT', 'Văn bản đã hủy số: không sửa được.');
    const issued = before.status !== 'draft';
    if (issued && input.documentType !== undefined && input.documentType !== before.documentType)
      throw fieldError('CONFLICT', 'documentType', `Văn bản đã cấp số ${before.notation}: không đổi được loại văn bản.`);
    if (issued && input.draftingUnitId !== undefined && input.draftingUnitId !== before.draftingUnit?.id)
      throw fieldError('CONFLICT', 'draftingUnitId', `Văn bản đã cấp số ${before.notation}: không đổi được đơn vị soạn thảo (ký hiệu đã ghép).`);
    if (input.registerId !== undefined && input.registerId !== null && input.registerId !== before.registerId)
      throw fieldError('VALIDATION', 'registerId', 'Không chuyển được văn bản sang sổ khác.');
    if (input.secrecy !== undefined && !!input.secrecy !== !!before.secrecy)
      throw fieldError('VALIDATION', 'secrecy', 'Văn bản mật và văn bản thường dùng hai sổ riêng: hãy tạo văn bản mới.');
    const redated = input.issueDate !== undefined && input.issueDate !== before.issueDate;
    if (redated && !issued) throw fieldError('VALIDATION', 'issueDate', 'Văn bản chưa cấp số: ngày ban hành được ghi khi cấp số.');
    if (redated && yearOf(input.issueDate!) !== before.year)
      throw fieldError('VALIDATION', 'issueDate', `Số ${before.notation} thuộc sổ năm ${before.year}: không đổi được ngày ban hành sang năm khác. Hãy hủy số và cấp số mới.`);
    const reason = correctionReason(redated ? ['ngày ban hành'] : [], input.reason);
    const patch: Partial<Omit<OutgoingTable, 'id'>> = { updated_at: storedAt(ctx.now()) };
    const set = <K extends keyof Omit<OutgoingTable, 'id'>>(k: K, v: OutgoingTable[K] | undefined) => {
      if (v !== undefined) patch[k] = v;
    };
    if (redated) patch.issue_date = input.issueDate!;
    if (input.documentType !== undefined) patch.document_type = checkDocumentType(input.documentType) as string;
    if (input.draftingUnitId) await checkUnits(ctx, [input.draftingUnitId], 'draftingUnitId', 'Đơn vị soạn thảo');
    set('drafting_unit_id', input.draftingUnitId);
    set('subject', input.subject);
    set('drafter_initials', input.drafterInitials);
    set('signer_name', input.signerName);
    set('signer_position', input.signerPosition);
    set('signing_authority', input.signingAuthority);
    set('copies', input.copies);
    set('urgency', input.urgency);
    set('secrecy', input.secrecy);
    set('note', input.note);
    set('transfer_date', input.transferDate);
    if (input.recipients !== undefined) {
      await checkRecipients(ctx, input.recipients);
      patch.recipients_text = input.recipients.map((r) => r.name).join('; ') || null;
      await ctx.stores.outgoing.setRecipients(before.id, input.recipients);
    }
    if (input.replyToIncomingIds !== undefined) {
      await checkReplies(ctx, input.replyToIncomingIds);
      await ctx.stores.outgoing.setReplies(before.id, input.replyToIncomingIds);
    }
    await ctx.stores.outgoing.update(before.id, patch);
    const after = await loadOutgoing(ctx, before.id);
    await reindexOutgoing(ctx, after);
    await audit(ctx, before.id, before, reason ? { ...after, correctionReason: reason } : after);
    return after;
  },

  'outgoing.issue': async (ctx, input) => {
    const before = await loadOutgoing(ctx, input.id);
    if (before.status !== 'draft') throw new AppError('CONFLICT', `Văn bản đã được cấp số ${before.notation ?? ''} từ trước.`);
    const agency = await ctx.stores.agency.get();
    if (!agency) throw new AppError('CONFLICT', 'Chưa nhập thông tin cơ quan (tên viết tắt dùng trong ký hiệu): vào Cài đặt trước khi cấp số.');
    const isLetter = before.documentType === 'CV';
    if (isLetter && !before.draftingUnit?.abbreviation)
      throw fieldError('VALIDATION', 'draftingUnitId', 'Công văn cần đơn vị soạn thảo có tên viết tắt để ghép ký hiệu (ví dụ 1467/STNMT-VP).');
    const year = yearOf(input.issueDate);
    // Allocated inside this action's transaction: no two documents get one number.
    const number = await ctx.stores.registers.takeNumber(before.registerId, year);
    const notation = composeNotation({
      number,
      typeCode: before.documentType,
      agencyAbbr: agency.abbreviation,
      unitAbbr: before.draftingUnit?.abbreviation ?? null,
    });
    const now = ctx.now();
    await ctx.stores.outgoing.update(before.id, { status: 'issued', year, number, notation, issue_date: input.issueDate, updated_at: storedAt(now) });
    // A reply answers every incoming document it names, also those the issuing clerk may not see.
    const replyIds = await ctx.stores.outgoing.replyIds(before.id);
    if (replyIds.length) await ctx.stores.incoming.answeredBy(replyIds, before.id, input.issueDate, now);
    // What loadOutgoing would read again: only these fields changed, none that decides who sees the
    // document (secrecy, drafting unit), nor what its replies show of the incoming ones.
    const after: Outgoing = { ...before, status: 'issued', year, number, numberText: formatDocNumber(number), notation, issueDate: input.issueDate, updatedAt: now };
    await reindexOutgoing(ctx, after);
    await audit(ctx, before.id, before, after);
    return after;
  },

  'outgoing.cancelNumber': async (ctx, input) => {
    const before = await loadOutgoing(ctx, input.id);
    if (before.status === 'draft') throw new AppError('CONFLICT', 'Văn bản chưa được cấp số: không có số để hủy.');
    if (before.status === 'cancelled') throw new AppError('CONFLICT', `Số ${before.notation} đã hủy từ trước.`);
    await ctx.stores.outgoing.update(before.id, { status: 'cancelled', cancel_reason: input.reason, updated_at: storedAt(ctx.now()) });
    const after = await loadOutgoing(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return after;
  },

  'outgoing.markSent': async (ctx, input) => {
    const before = await loadOutgoing(ctx, input.id);
    if (before.status !== 'issued' && before.status !== 'sent')
      throw new AppError('CONFLICT', 'Chỉ văn bản đã cấp số mới chuyển phát được.');
    if (before.issueDate && input.transferDate < before.issueDate)
      throw fieldError('VALIDATION', 'transferDate', 'Ngày chuyển không được trước ngày ban hành.');
    await ctx.stores.outgoing.update(before.id, { status: 'sent', transfer_date: input.transferDate, updated_at: storedAt(ctx.now()) });
    const after = await loadOutgoing(ctx, before.id);
    await audit(ctx, before.id, before, after);
    return after;
  },

  'outgoing.get': async (ctx, input) => loadOutgoing(ctx, input.id),

  'outgoing.list': async (ctx, input) => {
    const period = defaultPeriod(ctx.today(), input.from, input.to);
    if (period.from > period.to) throw fieldError('VALIDATION', 'to', 'Đến ngày phải sau hoặc bằng Từ ngày.');
    const filter = {
      ...period,
      registerIds: input.registerId ? [input.registerId] : null,
      documentType: input.documentType,
      unitId: input.unitId,
      status: input.status ?? null,
      urgency: input.urgency ?? null,
      secrecy: input.secrecy ?? null,
      visible: visibleOutgoing(ctx.user),
      qFold: input.q ? foldVietnamese(input.q) : null,
      lexicon: input.q ? await loadLexicon(ctx, [foldVietnamese(input.q)]) : undefined,
    };
    const col = { issueDate: 'o.issue_date', number: 'o.number', subject: 'o.subject', createdAt: 'o.created_at' } as const;
    const total = await ctx.stores.outgoing.count(filter);
    const rows = await ctx.stores.outgoing.list(filter, col[input.sort], input.dir, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
    const ids = rows.map((r) => r.id);
    const [rec, rep] = await Promise.all([ctx.stores.outgoing.recipientsOf(ids), ctx.stores.outgoing.repliesOf(ids, visibleIncoming(ctx.user))]);
    return {
      items: rows.map((r) => toOutgoing(r, rec.get(r.id) ?? [], rep.get(r.id) ?? [])),
      total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
};
