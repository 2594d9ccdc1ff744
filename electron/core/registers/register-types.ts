/**
 * The printable registers of Decree 30/2020 (Phụ lục IV) as "books": one per
 * calendar year (numbers start again at 01 each year), each with its cover
 * and a table of typed cells that the Word and Excel writers both read.
 */
import { formatDateVi } from '../../../shared/dates';
import { formatDocNumber } from '../../../shared/documents/notation';
import { typeAndSubject } from '../../../shared/text';

/** One year's book: the period it covers and the numbers in it (for the cover). */
export interface BookYear {
  year: number;
  from: string;
  to: string;
  first: number | null;
  last: number | null;
  count: number;
}

export interface RegisterMeta {
  agencyName: string;
  parentName: string;
  /** e.g. "Sổ văn bản đến" */
  registerName: string;
  from: string;
  to: string;
  books: BookYear[];
}

/** A cell as stored: text, a number (printed with its format) or a calendar date. */
export type BookCell = string | number | null | { date: string | null };

export interface BookColumn {
  title: string;
  /** Width on the landscape page, in millimetres (the Excel width is derived). */
  mm: number;
  centred: boolean;
  /** Excel number format of a number cell; '00' prints 1 as 01 like the book. */
  numFmt?: string;
}

export interface BookKind<T> {
  /** Cover and sheet title: "SỔ ĐĂNG KÝ VĂN BẢN ĐẾN". */
  title: string;
  sheetName: string;
  columns: readonly BookColumn[];
  cells(r: T): BookCell[];
  year(r: T): number;
}

export interface IncomingRegisterRow {
  year: number;
  arrivalDate: string;
  arrivalNumber: number;
  senderName: string;
  notation: string | null;
  documentDate: string | null;
  /** "Báo cáo"…; null for a công văn. */
  documentTypeName: string | null;
  subject: string;
  recipientText: string | null;
  transferDate: string | null;
  note: string | null;
}

export interface OutgoingRegisterRow {
  year: number;
  notation: string | null;
  number: number | null;
  issueDate: string | null;
  documentTypeName: string | null;
  subject: string;
  signerName: string | null;
  recipientsText: string | null;
  /** "VT, NKS(PAD)" */
  keptBy: string | null;
  copies: number | null;
  transferDate: string | null;
  note: string | null;
  status: 'issued' | 'sent' | 'cancelled';
}

export interface FollowUpRow {
  year: number;
  arrivalNumber: number;
  documentTypeName: string | null;
  notation: string | null;
  documentDate: string | null;
  senderName: string;
  /** Lead unit, then coordinating units. */
  handlers: string;
  deadline: string | null;
  progress: string;
  replyNotation: string | null;
  note: string | null;
}

const col = (title: string, mm: number, centred = false, numFmt?: string): BookColumn => ({ title, mm, centred, ...(numFmt ? { numFmt } : {}) });

// Widths on 252 mm (A4 landscape less 30 + 15 mm): dates and 5-digit numbers fit on one line at 11 pt.
export const incomingColumns = [
  col('Ngày đến', 21, true),
  col('Số đến', 14, true, '00'),
  col('Tác giả', 30),
  col('Số, ký hiệu văn bản', 32, true),
  col('Ngày tháng văn bản', 21, true),
  col('Tên loại và trích yếu nội dung văn bản', 56),
  col('Đơn vị hoặc người nhận', 28),
  col('Ngày chuyển', 21, true),
  col('Ký nhận', 15),
  col('Ghi chú', 14),
] as const;

export const outgoingColumns = [
  col('Số, ký hiệu văn bản', 32, true),
  col('Ngày tháng văn bản', 21, true),
  col('Tên loại và trích yếu nội dung văn bản', 52),
  col('Người ký', 26),
  col('Nơi nhận văn bản', 30),
  col('Đơn vị, người nhận bản lưu', 26, true),
  col('Số lượng bản', 16, true, '0'),
  col('Ngày chuyển', 21, true),
  col('Ký nhận', 14),
  col('Ghi chú', 14),
] as const;

export const followUpColumns = [
  col('Số đến', 14, true, '00'),
  col('Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành', 80),
  col('Đơn vị hoặc người nhận', 36),
  col('Thời hạn giải quyết', 24, true),
  col('Tiến độ giải quyết', 40),
  col('Số, ký hiệu văn bản trả lời', 32, true),
  col('Ghi chú', 26),
] as const;

export const incomingRegisterColumns = incomingColumns.map((c) => c.title);
export const outgoingRegisterColumns = outgoingColumns.map((c) => c.title);
export const followUpRegisterColumns = followUpColumns.map((c) => c.title);

export const titles = { incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', followUp: 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN' } as const;

export function periodLine(p: { from: string; to: string }): string {
  return `Từ ngày ${formatDateVi(p.from)} đến ngày ${formatDateVi(p.to)}`;
}

export function numbersLine(b: BookYear): string {
  const n = (x: number | null) => (x === null ? '…' : formatDocNumber(x));
  return `Từ số ${n(b.first)} đến số ${n(b.last)}`;
}

/** A cell as the book prints it: dates dd/mm/yyyy, numbers with the leading zero where the column wants it. */
export function cellText(c: BookCell, column: BookColumn): string {
  if (c === null) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return column.numFmt === '00' ? formatDocNumber(c) : String(c);
  return formatDateVi(c.date);
}

export const incomingBook: BookKind<IncomingRegisterRow> = {
  title: titles.incoming,
  sheetName: 'Sổ đến',
  columns: incomingColumns,
  year: (r) => r.year,
  cells: (r) => [
    { date: r.arrivalDate },
    r.arrivalNumber,
    r.senderName,
    r.notation,
    { date: r.documentDate },
    typeAndSubject(r.documentTypeName, r.subject),
    r.recipientText,
    { date: r.transferDate },
    null,
    r.note,
  ],
};

export const outgoingBook: BookKind<OutgoingRegisterRow> = {
  title: titles.outgoing,
  sheetName: 'Sổ đi',
  columns: outgoingColumns,
  year: (r) => r.year,
  cells: (r) => [
    r.notation ?? (r.number !== null ? formatDocNumber(r.number) : null),
    { date: r.issueDate },
    typeAndSubject(r.documentTypeName, r.subject),
    r.signerName,
    r.recipientsText,
    r.keptBy,
    r.copies,
    { date: r.transferDate },
    null,
    [r.status === 'cancelled' ? 'Hủy số' : '', r.note ?? ''].filter(Boolean).join('. '),
  ],
};

/** "Báo cáo số 448/BC-STNMT ngày 05/09/2022 của Sở Tài nguyên và Môi trường" */
export function documentLine(r: { documentTypeName: string | null; notation: string | null; documentDate: string | null; senderName: string }): string {
  return [r.documentTypeName ?? 'Công văn', r.notation ? `số ${r.notation}` : '', r.documentDate ? `ngày ${formatDateVi(r.documentDate)}` : '', `của ${r.senderName}`].filter(Boolean).join(' ');
}

export const followUpBook: BookKind<FollowUpRow> = {
  title: titles.followUp,
  sheetName: 'Theo dõi',
  columns: followUpColumns,
  year: (r) => r.year,
  cells: (r) => [r.arrivalNumber, documentLine(r), r.handlers, { date: r.deadline }, r.progress, r.replyNotation, r.note],
};
