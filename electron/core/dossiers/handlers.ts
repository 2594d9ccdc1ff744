/**
 * Work files for the archive (hồ sơ công việc): the yearly list with its
 * headings, the documents put in each file, closing, and hand-over to the
 * agency's archive with a record. A handed-over file is no longer edited.
 */
import { fieldError } from '../../../shared/api/errors';
import type { Dossier, Heading } from '../../../shared/api/dossiers';
import type { ParsedInput } from '../../../shared/api/index';
import { foldVietnamese } from '../../../shared/text';
import { visibleIncoming, visibleLinkColumns, visibleOutgoing } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits } from '../registers/documents';
import type { DocumentEntry, DossierFilter } from './store';

/** The files as the caller may see them: documents they may not see count for nothing. */
export function loadDossiers(ctx: CallContext, f: DossierFilter, withDocuments = false): Promise<Dossier[]> {
  return ctx.stores.dossiers.list(f, (alias) => visibleLinkColumns(ctx.user, alias), ctx.today(), withDocuments);
}

export async function loadDossier(ctx: CallContext, id: number, path = 'id'): Promise<Dossier> {
  const [d] = await loadDossiers(ctx, { ids: [id] }, true);
  if (!d) throw fieldError('NOT_FOUND', path, `Không tìm thấy hồ sơ mã ${id}.`);
  return d;
}

export const loadHeadings = (ctx: CallContext, year: number): Promise<Heading[]> => ctx.stores.dossiers.headings(year);

async function audit(ctx: CallContext, id: number | null, before: unknown, after: unknown) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'dossiers', entityId: id, before, after });
}

async function checkHeading(ctx: CallContext, headingId: number | null | undefined, year: number) {
  if (!headingId) return;
  const h = await ctx.stores.dossiers.heading(headingId);
  if (!h) throw fieldError('VALIDATION', 'headingId', `Đề mục: không có đề mục mã ${headingId}.`);
  if (h.year !== year) throw fieldError('VALIDATION', 'headingId', `Đề mục thuộc danh mục năm ${h.year}, không phải năm ${year}.`);
}

async function checkCode(ctx: CallContext, year: number, code: string, exceptId: number | null) {
  const dup = await ctx.stores.dossiers.codeTakenBy(year, code, exceptId);
  if (dup) throw fieldError('CONFLICT', 'code', `Số và ký hiệu hồ sơ ${code} đã dùng trong danh mục năm ${year} ("${dup.title}").`);
}

/** One change to a file: checked and made by act, then audited with the file before and after. */
async function changeFile(ctx: CallContext, id: number, act: (before: Dossier) => Promise<void>): Promise<Dossier> {
  const before = await loadDossier(ctx, id);
  await act(before);
  const after = await loadDossier(ctx, id);
  await audit(ctx, id, before, after);
  return after;
}

function mustBeOpen(d: Dossier) {
  if (d.state === 'handed_over') throw fieldError('CONFLICT', 'id', `Hồ sơ ${d.code} đã nộp lưu ngày ${d.handover?.date ?? ''}, không sửa được nữa.`);
  if (d.state === 'closed') throw fieldError('CONFLICT', 'id', `Hồ sơ ${d.code} đã kết thúc; mở lại trước khi thay đổi văn bản.`);
}

type NewDocument = ParsedInput<'dossiers.addDocuments'>['documents'][number];

/** A registered document is copied into the file's index as the register has it. */
async function documentEntry(ctx: CallContext, d: NewDocument, i: number): Promise<DocumentEntry> {
  const store = ctx.stores.dossiers;
  if (d.kind === 'incoming') {
    const r = await store.incomingEntry(d.incomingId, visibleIncoming(ctx.user));
    if (!r) throw fieldError('VALIDATION', `documents.${i}.incomingId`, `Văn bản đến: không có văn bản mã ${d.incomingId}.`);
    return { incoming_id: d.incomingId, outgoing_id: null, notation: r.notation, doc_date: r.document_date ?? r.arrival_date, title: r.subject, author: r.sender_name, sheets: d.sheets };
  }
  if (d.kind === 'outgoing') {
    const r = await store.outgoingEntry(d.outgoingId, visibleOutgoing(ctx.user));
    if (!r) throw fieldError('VALIDATION', `documents.${i}.outgoingId`, `Văn bản đi: không có văn bản mã ${d.outgoingId}.`);
    if (!r.issue_date) throw fieldError('VALIDATION', `documents.${i}.outgoingId`, 'Văn bản đi chưa phát hành (chưa có ngày ban hành): chưa đưa vào hồ sơ được.');
    return { incoming_id: null, outgoing_id: d.outgoingId, notation: r.notation, doc_date: r.issue_date, title: r.subject, author: await store.agencyName(), sheets: d.sheets };
  }
  return { incoming_id: null, outgoing_id: null, notation: d.notation, doc_date: d.date, title: d.title, author: d.author, sheets: d.sheets };
}

export async function createDossier(ctx: CallContext, v: ParsedInput<'dossiers.create'>): Promise<Dossier> {
  await checkHeading(ctx, v.headingId, v.year);
  if (v.keeperUnitId) await checkUnits(ctx, [v.keeperUnitId], 'keeperUnitId', 'Đơn vị lập hồ sơ');
  await checkCode(ctx, v.year, v.code, null);
  const id = await ctx.stores.dossiers.insert(v, ctx.now());
  const after = await loadDossier(ctx, id);
  await audit(ctx, id, null, after);
  return after;
}

export async function addHeading(ctx: CallContext, v: ParsedInput<'dossiers.addHeading'>) {
  if (v.parentId) {
    const p = await ctx.stores.dossiers.heading(v.parentId);
    if (!p || p.year !== v.year) throw fieldError('VALIDATION', 'parentId', `Đề mục cha: không có đề mục mã ${v.parentId} trong danh mục năm ${v.year}.`);
    if (p.parent_id !== null) throw fieldError('VALIDATION', 'parentId', 'Danh mục hồ sơ chỉ có hai cấp đề mục: chọn một đề mục lớn (số La Mã) làm đề mục cha.');
  }
  const id = await ctx.stores.dossiers.appendHeading(v);
  await audit(ctx, null, null, { heading: id, ...v });
  const h = (await loadHeadings(ctx, v.year)).find((x) => x.id === id);
  if (!h) throw new Error('heading vanished');
  return h;
}

async function copyYear(ctx: CallContext, v: ParsedInput<'dossiers.copyYear'>) {
  if (await ctx.stores.dossiers.yearHasContent(v.toYear)) throw fieldError('CONFLICT', 'toYear', `Danh mục hồ sơ năm ${v.toYear} đã có nội dung; chỉ sao chép vào một năm còn trống.`);
  const copied = await ctx.stores.dossiers.copyYear(v.fromYear, v.toYear, ctx.now());
  if (!copied.headings) throw fieldError('VALIDATION', 'fromYear', `Danh mục hồ sơ năm ${v.fromYear} chưa có đề mục nào để sao chép.`);
  await audit(ctx, null, null, { copied: v, ...copied });
  return copied;
}

export const dossiersHandlers: HandlerMap<
  | 'dossiers.plan'
  | 'dossiers.addHeading'
  | 'dossiers.copyYear'
  | 'dossiers.create'
  | 'dossiers.update'
  | 'dossiers.get'
  | 'dossiers.list'
  | 'dossiers.addDocuments'
  | 'dossiers.removeDocument'
  | 'dossiers.close'
  | 'dossiers.handOver'
  | 'dossiers.handovers'
> = {
  async 'dossiers.plan'(ctx, v) {
    return { year: v.year, headings: await loadHeadings(ctx, v.year), files: await loadDossiers(ctx, { year: v.year }) };
  },
  'dossiers.addHeading': addHeading,
  'dossiers.copyYear': copyYear,
  'dossiers.create': createDossier,
  'dossiers.update': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      if (before.state === 'handed_over') mustBeOpen(before);
      if (v.headingId !== undefined) await checkHeading(ctx, v.headingId, before.year);
      if (v.keeperUnitId) await checkUnits(ctx, [v.keeperUnitId], 'keeperUnitId', 'Đơn vị lập hồ sơ');
      if (v.code !== undefined) await checkCode(ctx, before.year, v.code, v.id);
      await ctx.stores.dossiers.update(v.id, v, ctx.now());
    }),
  'dossiers.get': (ctx, v) => loadDossier(ctx, v.id),
  async 'dossiers.list'(ctx, v) {
    const all = await loadDossiers(ctx, { year: v.year ?? null, unitId: v.unitId, state: v.state ?? null, qFold: v.q ? foldVietnamese(v.q) : null });
    return { items: v.warning ? all.filter((d) => d.handoverWarning !== null) : all };
  },
  'dossiers.addDocuments': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      mustBeOpen(before);
      for (const [i, d] of v.documents.entries()) {
        const entry = await documentEntry(ctx, d, i);
        const dup = before.documents.find((x) => (entry.incoming_id !== null && x.incomingId === entry.incoming_id) || (entry.outgoing_id !== null && x.outgoingId === entry.outgoing_id));
        if (dup) throw fieldError('VALIDATION', `documents.${i}`, `Văn bản ${dup.notation ?? dup.title} đã có trong hồ sơ ${before.code}.`);
        await ctx.stores.dossiers.addDocument(v.id, entry, ctx.now());
      }
    }),
  'dossiers.removeDocument': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      mustBeOpen(before);
      if (!before.documents.some((d) => d.id === v.documentId)) throw fieldError('VALIDATION', 'documentId', `Văn bản mã ${v.documentId} không có trong hồ sơ ${before.code}.`);
      await ctx.stores.dossiers.removeDocument(v.documentId, ctx.now());
    }),
  'dossiers.close': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      mustBeOpen(before);
      if (!before.documentCount) throw fieldError('VALIDATION', 'id', `Hồ sơ ${before.code} chưa có văn bản nào: đưa văn bản vào trước khi kết thúc.`);
      if (before.endDate && v.workEndedAt < before.endDate) throw fieldError('VALIDATION', 'workEndedAt', `Ngày kết thúc công việc không được trước văn bản cuối cùng của hồ sơ (${before.endDate}).`);
      if (v.workEndedAt > ctx.today()) throw fieldError('VALIDATION', 'workEndedAt', 'Ngày kết thúc công việc không được sau hôm nay.');
      await ctx.stores.dossiers.close(v.id, v.workEndedAt, v.extraSheets, ctx.now());
    }),
  async 'dossiers.handOver'(ctx, v) {
    const ids = [...new Set(v.ids)];
    const files = await loadDossiers(ctx, { ids });
    const missing = ids.filter((id) => !files.some((f) => f.id === id));
    if (missing.length) throw fieldError('VALIDATION', 'ids', `Không tìm thấy hồ sơ mã ${missing.join(', ')}.`);
    const notClosed = files.filter((f) => f.state !== 'closed');
    if (notClosed.length) throw fieldError('CONFLICT', 'ids', `Chỉ nộp lưu hồ sơ đã kết thúc; chưa kết thúc hoặc đã nộp: ${notClosed.map((f) => f.code).join(', ')}.`);
    const early = files.filter((f) => f.workEndedAt && v.date < f.workEndedAt);
    if (early.length) throw fieldError('VALIDATION', 'date', `Ngày giao nộp trước ngày kết thúc công việc của hồ sơ ${early.map((f) => f.code).join(', ')}.`);
    if (v.date > ctx.today()) throw fieldError('VALIDATION', 'date', 'Ngày giao nộp không được sau hôm nay.');
    if (v.giverUnitId) await checkUnits(ctx, [v.giverUnitId], 'giverUnitId', 'Đơn vị giao nộp');
    const handoverId = await ctx.stores.dossiers.handOver(v, ids, ctx.now());
    await audit(ctx, null, files, { handoverId, ids });
    return { handoverId, count: ids.length };
  },
  async 'dossiers.handovers'(ctx, v) {
    return { items: await ctx.stores.dossiers.handovers(v.year) };
  },
};
