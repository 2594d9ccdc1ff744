/** Archive documents of the work files: the yearly list, the indexes and the hand-over record. */
import { fieldError } from '../../../shared/api/errors';
import { retentionLabel, type Dossier } from '../../../shared/api/dossiers';
import { formatDateVi } from '../../../shared/dates';
import type { CallContext, HandlerMap } from '../context';
import { loadDossier, loadDossiers, loadHeadings } from './handlers';
import { agencyHeader } from '../document-blocks/agency-header';
import { renderTemplate, templateData } from '../templates/fill';
import type { TemplateExport } from '../../../shared/api/templates';
import { writeHandoverRecordDocx } from './handover-record-docx';
import { writeExport } from '../file-store';
import { writeListDocx, writeListXlsx, type ListRow, type ListTable } from '../document-blocks/list-table';

const span = (from: string | null, to: string | null) => (from && to ? `${formatDateVi(from)} - ${formatDateVi(to)}` : '');

/** A list as template data: each row a heading (de_muc) or cells cot1, cot2… */
export function listTemplateData(t: ListTable) {
  return {
    ...(templateData({ agency: t.agency }) as Record<string, unknown>),
    co_quan: t.agency.name,
    ngay: t.date ? formatDateVi(t.date) : '',
    tieu_de: t.title,
    phu_de: t.subtitles.join('\n'),
    dong: t.rows.map((r) => ('heading' in r ? { de_muc: r.heading } : Object.fromEntries(r.cells.map((c, i) => [`cot${i + 1}`, c])))),
    ket: t.closing.join('\n'),
  };
}

function write(ctx: CallContext, kind: TemplateExport, t: ListTable, format: 'xlsx' | 'docx', name: string, rows: number) {
  return writeExport(ctx.files, ctx.user, `${name}.${format}`, async (file) => {
    if (format === 'xlsx') await writeListXlsx(t, file);
    else if (!renderTemplate(ctx, kind, listTemplateData(t), file)) await writeListDocx(t, file);
    return rows;
  });
}

async function planTable(ctx: CallContext, year: number, decision: string | null): Promise<ListTable> {
  const agency = await agencyHeader(ctx);
  const headings = await loadHeadings(ctx, year);
  const files = await loadDossiers(ctx, { year });
  if (!files.length) throw fieldError('VALIDATION', 'year', `Danh mục hồ sơ năm ${year} chưa có hồ sơ nào.`);
  const cells = (f: Dossier) => [f.code, f.title, retentionLabel(f.retention), [f.keeperUnit?.name, f.keeperPerson].filter(Boolean).join(' - '), f.note ?? ''];
  const rows: ListRow[] = [];
  const placed = new Set<number>();
  for (const h of headings) {
    rows.push({ heading: `${h.label}. ${h.title}`, level: h.parentId === null ? 1 : 2 });
    for (const f of files.filter((x) => x.headingId === h.id)) {
      rows.push({ cells: cells(f) });
      placed.add(f.id);
    }
  }
  const rest = files.filter((f) => !placed.has(f.id));
  if (rest.length) rows.push({ heading: 'Hồ sơ chưa xếp đề mục', level: 1 }, ...rest.map((f) => ({ cells: cells(f) })));
  const permanent = files.filter((f) => f.retention === 'permanent').length;
  return {
    agency,
    date: null,
    title: `DANH MỤC HỒ SƠ CỦA ${agency.name.toLocaleUpperCase('vi')} NĂM ${year}`,
    subtitles: decision ? [`(Ban hành kèm theo ${decision})`] : [],
    header: ['Số và ký hiệu hồ sơ', 'Tên đề mục và tiêu đề hồ sơ', 'Thời hạn bảo quản', 'Đơn vị/người lập hồ sơ', 'Ghi chú'],
    widthsMm: [25, 70, 25, 33, 22],
    centred: new Set([0, 2]),
    rows,
    closing: [`Bản danh mục hồ sơ này có ${files.length} hồ sơ, bao gồm: ${permanent} hồ sơ bảo quản vĩnh viễn; ${files.length - permanent} hồ sơ bảo quản có thời hạn.`],
  };
}

async function handoverTable(ctx: CallContext, handoverId: number) {
  const h = await ctx.stores.dossiers.handover(handoverId);
  if (!h) throw fieldError('NOT_FOUND', 'handoverId', `Không tìm thấy lần giao nộp mã ${handoverId}.`);
  const files = await loadDossiers(ctx, { ids: h.fileIds });
  const agency = await agencyHeader(ctx);
  const years = [...new Set(files.map((f) => f.year))].sort().join(', ');
  const table: ListTable = {
    agency,
    date: h.date,
    title: 'MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU',
    subtitles: [`Đơn vị nộp lưu: ${h.unit_name ?? agency.name}`, `Năm: ${years} — ngày giao nộp ${formatDateVi(h.date)}`],
    header: ['Số TT', 'Số, ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian tài liệu (bắt đầu - kết thúc)', 'Thời hạn bảo quản', 'Số lượng tờ', 'Ghi chú'],
    widthsMm: [12, 22, 58, 30, 20, 15, 18],
    centred: new Set([0, 1, 3, 4, 5]),
    rows: files.map((f, i) => ({ cells: [String(i + 1), f.code, f.title, span(f.startDate, f.endDate), retentionLabel(f.retention), String(f.sheets), f.note ?? ''] })),
    closing: [`Mục lục này gồm ${files.length} hồ sơ.`],
  };
  return { h, files, table, years, agency };
}

export const dossierExportsHandlers: HandlerMap<'exports.dossierPlan' | 'exports.dossierIndex' | 'exports.handoverIndex' | 'exports.handoverRecord'> = {
  async 'exports.dossierPlan'(ctx, v) {
    const t = await planTable(ctx, v.year, v.decision);
    return write(ctx, 'dossierPlan', t, v.format, `Danh-muc-ho-so_${v.year}`, t.rows.filter((r) => 'cells' in r).length);
  },
  async 'exports.dossierIndex'(ctx, v) {
    const f = await loadDossier(ctx, v.id);
    if (!f.documents.length) throw fieldError('VALIDATION', 'id', `Hồ sơ ${f.code} chưa có văn bản nào.`);
    let sheet = 1;
    const rows = f.documents.map((d, i) => {
      const from = sheet;
      sheet += d.sheets;
      return { cells: [String(i + 1), d.notation ?? '', formatDateVi(d.date), d.title, d.author ?? '', d.sheets > 1 ? `${from}-${sheet - 1}` : String(from), ''] };
    });
    const t: ListTable = {
      agency: await agencyHeader(ctx),
      date: null,
      title: 'MỤC LỤC VĂN BẢN',
      subtitles: [`Hồ sơ số: ${f.code} — ${f.title}`, `Thời gian: ${span(f.startDate, f.endDate)}; thời hạn bảo quản: ${retentionLabel(f.retention)}`],
      header: ['Số TT', 'Số, ký hiệu văn bản', 'Ngày tháng năm văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Tác giả văn bản', 'Tờ số', 'Ghi chú'],
      widthsMm: [11, 26, 25, 55, 28, 13, 14],
      centred: new Set([0, 2, 5]),
      rows,
      closing: [`Hồ sơ gồm ${f.documentCount} văn bản, ${f.sheets} tờ.`],
    };
    return write(ctx, 'dossierIndex', t, v.format, `Muc-luc-van-ban_${f.code}`, rows.length);
  },
  async 'exports.handoverIndex'(ctx, v) {
    const { table } = await handoverTable(ctx, v.handoverId);
    return write(ctx, 'handoverIndex', table, v.format, `Muc-luc-ho-so-nop-luu_${v.handoverId}`, table.rows.length);
  },
  async 'exports.handoverRecord'(ctx, v) {
    const { h, files, table, years, agency } = await handoverTable(ctx, v.handoverId);
    const starts = files.map((f) => f.startDate).filter((d): d is string => !!d).sort();
    const ends = files.map((f) => f.endDate).filter((d): d is string => !!d).sort();
    const record = {
        agency,
        date: h.date,
        giverUnit: h.unit_name ?? agency.name,
        giverPerson: h.giver_person,
        receiver: h.receiver,
        fileCount: files.length,
        sheets: files.reduce((n, f) => n + f.sheets, 0),
        from: starts[0] ?? null,
        to: ends[ends.length - 1] ?? null,
        years,
        note: h.note,
        index: table,
      };
    const data = { ...(templateData({ ...record, index: undefined }) as Record<string, unknown>), dong: listTemplateData(table).dong };
    return writeExport(ctx.files, ctx.user, `Bien-ban-giao-nhan_${v.handoverId}.docx`, async (file) => {
      if (!renderTemplate(ctx, 'handoverRecord', data, file)) await writeHandoverRecordDocx(record, file);
      return files.length;
    });
  },
};
