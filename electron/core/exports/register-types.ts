/** The printable registers of Decree 30/2020 (Phụ lục IV): columns and rows. */
import { formatDateVi } from '../../../shared/dates';
import { formatDocNumber } from '../../../shared/documents/notation';
import { typeAndSubject } from '../../../shared/text';

export interface RegisterMeta {
  agencyName: string;
  parentName: string;
  /** e.g. "Sổ văn bản đến" */
  registerName: string;
  from: string;
  to: string;
}

export interface IncomingRegisterRow {
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

export const incomingRegisterColumns = [
  'Ngày đến',
  'Số đến',
  'Tác giả',
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Đơn vị hoặc người nhận',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
] as const;

export const outgoingRegisterColumns = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Nơi nhận văn bản',
  'Đơn vị, người nhận bản lưu',
  'Số lượng bản',
  'Ngày chuyển',
  'Ký nhận',
  'Ghi chú',
] as const;

/** Relative widths, the same in Excel (characters) and Word (proportions). */
export const incomingWidths = [13, 6, 22, 17, 13, 40, 19, 13, 9, 13];
export const outgoingWidths = [17, 13, 42, 17, 24, 15, 7, 13, 9, 13];

export const titles = { incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI' } as const;

export function periodLine(m: RegisterMeta): string {
  return `Từ ngày ${formatDateVi(m.from)} đến ngày ${formatDateVi(m.to)}`;
}


/** Cells as printed text: dates dd/mm/yyyy, numbers with the leading zero. */
export function incomingCells(r: IncomingRegisterRow): string[] {
  return [
    formatDateVi(r.arrivalDate),
    formatDocNumber(r.arrivalNumber),
    r.senderName,
    r.notation ?? '',
    formatDateVi(r.documentDate),
    typeAndSubject(r.documentTypeName, r.subject),
    r.recipientText ?? '',
    formatDateVi(r.transferDate),
    '',
    r.note ?? '',
  ];
}

export function outgoingCells(r: OutgoingRegisterRow): string[] {
  const cancelled = r.status === 'cancelled' ? 'Hủy số' : '';
  return [
    r.notation ?? (r.number !== null ? formatDocNumber(r.number) : ''),
    formatDateVi(r.issueDate),
    typeAndSubject(r.documentTypeName, r.subject),
    r.signerName ?? '',
    r.recipientsText ?? '',
    r.keptBy ?? '',
    r.copies !== null ? String(r.copies) : '',
    formatDateVi(r.transferDate),
    '',
    [cancelled, r.note ?? ''].filter(Boolean).join('. '),
  ];
}
