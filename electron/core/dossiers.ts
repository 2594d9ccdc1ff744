/**
 * Work files for the archive (hồ sơ công việc): the yearly list with its
 * headings, the documents put in each file, closing, and hand-over to the
 * agency's archive with a record. A handed-over file is no longer edited.
 */
import { sql } from 'kysely';
import { writeAudit } from '../../db/audit';
import { fieldError } from '../../shared/api/errors';
import type { Dossier } from '../../shared/api/dossiers';
import type { ParsedInput } from '../../shared/api/index';
import { foldVietnamese } from '../../shared/text';
import { visibleIncoming, visibleOutgoing } from './access';
import type { CallContext, HandlerMap } from './context';
import { checkUnits } from './registers/documents';
import { loadDossier, loadDossiers, loadHeadings } from './dossier-store';

const retentionYears = (r: Dossier['retention']) => (r === 'permanent' ? 0 : r);

async function audit(ctx: CallContext, id: number | null, before: unknown, after: unknown) {
  await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'dossiers', entityId: id, before, after });
}

async function checkHeading(ctx: CallContext, headingId: number | null | undefined, year: number) {
  if (!headingId) return;
  const h = await ctx.db.selectFrom('dossier_headings').select('year').where('id', '=', headingId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!h) throw fieldError('VALIDATION', 'headingId', `Đề mục: không có đề mục mã ${headingId}.`);
  if (h.year !== year) throw fieldError('VALIDATION', 'headingId', `Đề mục thuộc danh mục năm ${h.year}, không phải năm ${year}.`);
}

async function checkCode(ctx: CallContext, year: number, code: string, exceptId: number | null) {
  let q = ctx.db.selectFrom('dossiers').select('title').where('year', '=', year).where('code', '=', code).where('deleted_at', 'is', null);
  if (exceptId !== null) q = q.where('id', '!=', exceptId);
  const dup = await q.executeTakeFirst();
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
async function documentRow(ctx: CallContext, d: NewDocument, i: number) {
  if (d.kind === 'incoming') {
    const r = await ctx.db
      .selectFrom('incoming as i')
      .select(['i.notation', 'i.document_date', 'i.arrival_date', 'i.subject', 'i.sender_name'])
      .where('i.id', '=', d.incomingId)
      .where('i.deleted_at', 'is', null)
      .where(visibleIncoming(ctx.user))
      .executeTakeFirst();
    if (!r) throw fieldError('VALIDATION', `documents.${i}.incomingId`, `Văn bản đến: không có văn bản mã ${d.incomingId}.`);
    return { incoming_id: d.incomingId, outgoing_id: null, notation: r.notation, doc_date: r.document_date ?? r.arrival_date, title: r.subject, author: r.sender_name, sheets: d.sheets };
  }
  if (d.kind === 'outgoing') {
    const r = await ctx.db
      .selectFrom('outgoing as o')
      .select(['o.notation', 'o.issue_date', 'o.subject'])
      .where('o.id', '=', d.outgoingId)
      .where('o.deleted_at', 'is', null)
      .where(visibleOutgoing(ctx.user))
      .executeTakeFirst();
    if (!r) throw fieldError('VALIDATION', `documents.${i}.outgoingId`, `Văn bản đi: không có văn bản mã ${d.outgoingId}.`);
    if (!r.issue_date) throw fieldError('VALIDATION', `documents.${i}.outgoingId`, 'Văn bản đi chưa phát hành (chưa có ngày ban hành): chưa đưa vào hồ sơ được.');
    const agency = await ctx.db.selectFrom('agency').select('name').where('id', '=', 1).executeTakeFirst();
    return { incoming_id: null, outgoing_id: d.outgoingId, notation: r.notation, doc_date: r.issue_date, title: r.subject, author: agency?.name ?? null, sheets: d.sheets };
  }
  return { incoming_id: null, outgoing_id: null, notation: d.notation, doc_date: d.date, title: d.title, author: d.author, sheets: d.sheets };
}

export async function createDossier(ctx: CallContext, v: ParsedInput<'dossiers.create'>): Promise<Dossier> {
  await checkHeading(ctx, v.headingId, v.year);
  if (v.keeperUnitId) await checkUnits(ctx, [v.keeperUnitId], 'keeperUnitId', 'Đơn vị lập hồ sơ');
  await checkCode(ctx, v.year, v.code, null);
  const now = ctx.now();
  const r = await ctx.db
    .insertInto('dossiers')
    .values({
      year: v.year,
      heading_id: v.headingId,
      code: v.code,
      title: v.title,
      title_fold: foldVietnamese(v.title),
      retention_years: retentionYears(v.retention),
      keeper_unit_id: v.keeperUnitId,
      keeper_person: v.keeperPerson,
      note: v.note,
      state: 'open',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const after = await loadDossier(ctx, r.id);
  await audit(ctx, r.id, null, after);
  return after;
}

export async function addHeading(ctx: CallContext, v: ParsedInput<'dossiers.addHeading'>) {
  if (v.parentId) {
    const p = await ctx.db.selectFrom('dossier_headings').select(['year', 'parent_id']).where('id', '=', v.parentId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!p || p.year !== v.year) throw fieldError('VALIDATION', 'parentId', `Đề mục cha: không có đề mục mã ${v.parentId} trong danh mục năm ${v.year}.`);
    if (p.parent_id !== null) throw fieldError('VALIDATION', 'parentId', 'Danh mục hồ sơ chỉ có hai cấp đề mục: chọn một đề mục lớn (số La Mã) làm đề mục cha.');
  }
  const last = await ctx.db
    .selectFrom('dossier_headings')
    .select(sql<number>`coalesce(max(position), 0)`.as('p'))
    .where('year', '=', v.year)
    .where((eb) => (v.parentId ? eb('parent_id', '=', v.parentId) : eb('parent_id', 'is', null)))
    .executeTakeFirstOrThrow();
  const r = await ctx.db
    .insertInto('dossier_headings')
    .values({ year: v.year, parent_id: v.parentId, position: Number(last.p) + 1, title: v.title })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, null, null, { heading: r.id, ...v });
  const h = (await loadHeadings(ctx, v.year)).find((x) => x.id === r.id);
  if (!h) throw new Error('heading vanished');
  return h;
}

async function copyYear(ctx: CallContext, v: ParsedInput<'dossiers.copyYear'>) {
  const exists = await ctx.db.selectFrom('dossiers').select('id').where('year', '=', v.toYear).where('deleted_at', 'is', null).executeTakeFirst();
  const headingExists = await ctx.db.selectFrom('dossier_headings').select('id').where('year', '=', v.toYear).where('deleted_at', 'is', null).executeTakeFirst();
  if (exists || headingExists) throw fieldError('CONFLICT', 'toYear', `Danh mục hồ sơ năm ${v.toYear} đã có nội dung; chỉ sao chép vào một năm còn trống.`);
  const headings = await ctx.db.selectFrom('dossier_headings').selectAll().where('year', '=', v.fromYear).where('deleted_at', 'is', null).orderBy('parent_id').orderBy('position').execute();
  if (!headings.length) throw fieldError('VALIDATION', 'fromYear', `Danh mục hồ sơ năm ${v.fromYear} chưa có đề mục nào để sao chép.`);
  const map = new Map<number, number>();
  // Parents first: ordering by parent_id puts nulls first in SQLite.
  for (const h of headings) {
    const parent = h.parent_id === null ? null : (map.get(h.parent_id) ?? null);
    const r = await ctx.db.insertInto('dossier_headings').values({ year: v.toYear, parent_id: parent, position: h.position, title: h.title }).returning('id').executeTakeFirstOrThrow();
    map.set(h.id, r.id);
  }
  const files = await ctx.db.selectFrom('dossiers').selectAll().where('year', '=', v.fromYear).where('deleted_at', 'is', null).execute();
  const now = ctx.now();
  for (const f of files) {
    await ctx.db
      .insertInto('dossiers')
      .values({
        year: v.toYear,
        heading_id: f.heading_id === null ? null : (map.get(f.heading_id) ?? null),
        code: f.code,
        title: f.title,
        title_fold: f.title_fold,
        retention_years: f.retention_years,
        keeper_unit_id: f.keeper_unit_id,
        keeper_person: f.keeper_person,
        note: f.note,
        state: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await audit(ctx, null, null, { copied: v, headings: headings.length, files: files.length });
  return { headings: headings.length, files: files.length };
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
      await ctx.db
        .updateTable('dossiers')
        .set({
          ...(v.headingId !== undefined ? { heading_id: v.headingId } : {}),
          ...(v.code !== undefined ? { code: v.code } : {}),
          ...(v.title !== undefined ? { title: v.title, title_fold: foldVietnamese(v.title) } : {}),
          ...(v.retention !== undefined ? { retention_years: retentionYears(v.retention) } : {}),
          ...(v.keeperUnitId !== undefined ? { keeper_unit_id: v.keeperUnitId } : {}),
          ...(v.keeperPerson !== undefined ? { keeper_person: v.keeperPerson } : {}),
          ...(v.note !== undefined ? { note: v.note } : {}),
          updated_at: ctx.now(),
        })
        .where('id', '=', v.id)
        .execute();
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
        const row = await documentRow(ctx, d, i);
        const dup = before.documents.find((x) => (row.incoming_id !== null && x.incomingId === row.incoming_id) || (row.outgoing_id !== null && x.outgoingId === row.outgoing_id));
        if (dup) throw fieldError('VALIDATION', `documents.${i}`, `Văn bản ${dup.notation ?? dup.title} đã có trong hồ sơ ${before.code}.`);
        await ctx.db.insertInto('dossier_documents').values({ dossier_id: v.id, ...row, created_at: ctx.now() }).execute();
      }
    }),
  'dossiers.removeDocument': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      mustBeOpen(before);
      if (!before.documents.some((d) => d.id === v.documentId)) throw fieldError('VALIDATION', 'documentId', `Văn bản mã ${v.documentId} không có trong hồ sơ ${before.code}.`);
      await ctx.db.updateTable('dossier_documents').set({ deleted_at: ctx.now() }).where('id', '=', v.documentId).execute();
    }),
  'dossiers.close': (ctx, v) =>
    changeFile(ctx, v.id, async (before) => {
      mustBeOpen(before);
      if (!before.documentCount) throw fieldError('VALIDATION', 'id', `Hồ sơ ${before.code} chưa có văn bản nào: đưa văn bản vào trước khi kết thúc.`);
      if (before.endDate && v.workEndedAt < before.endDate) throw fieldError('VALIDATION', 'workEndedAt', `Ngày kết thúc công việc không được trước văn bản cuối cùng của hồ sơ (${before.endDate}).`);
      if (v.workEndedAt > ctx.today()) throw fieldError('VALIDATION', 'workEndedAt', 'Ngày kết thúc công việc không được sau hôm nay.');
      await ctx.db.updateTable('dossiers').set({ state: 'closed', work_ended_at: v.workEndedAt, extra_sheets: v.extraSheets, updated_at: ctx.now() }).where('id', '=', v.id).execute();
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
    const h = await ctx.db
      .insertInto('dossier_handovers')
      .values({ date: v.date, giver_unit_id: v.giverUnitId, giver_person: v.giverPerson, receiver: v.receiver, note: v.note, created_at: ctx.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('dossiers').set({ state: 'handed_over', handover_id: h.id, updated_at: ctx.now() }).where('id', 'in', ids).execute();
    await audit(ctx, null, files, { handoverId: h.id, ids });
    return { handoverId: h.id, count: ids.length };
  },
  async 'dossiers.handovers'(ctx, v) {
    let q = ctx.db
      .selectFrom('dossier_handovers as h')
      .leftJoin('units as u', 'u.id', 'h.giver_unit_id')
      .select(['h.id', 'h.date', 'h.giver_person', 'h.receiver', 'u.name as unit_name'])
      .select(sql<number>`(select count(*) from dossiers f where f.handover_id = h.id and f.deleted_at is null)`.as('n'));
    if (v.year) q = q.where('h.date', 'like', `${v.year}-%`);
    const rows = await q.orderBy('h.date', 'desc').execute();
    return { items: rows.map((r) => ({ id: r.id, date: r.date, giverUnit: r.unit_name, giverPerson: r.giver_person, receiver: r.receiver, count: Number(r.n) })) };
  },
};
