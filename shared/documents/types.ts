/** The decree's document types (Nghị định 30/2020, Phụ lục III) and their abbreviations. */
import { foldVietnamese } from '../text';

export interface DocumentType {
  code: string;
  name: string;
  /** Whether the abbreviation is written in the notation (a công văn has none). */
  inNotation: boolean;
}

export const documentTypes: readonly DocumentType[] = [
  { code: 'CV', name: 'Công văn', inNotation: false },
  { code: 'NQ', name: 'Nghị quyết', inNotation: true },
  { code: 'QĐ', name: 'Quyết định', inNotation: true },
  { code: 'CT', name: 'Chỉ thị', inNotation: true },
  { code: 'QC', name: 'Quy chế', inNotation: true },
  { code: 'QyĐ', name: 'Quy định', inNotation: true },
  { code: 'TC', name: 'Thông cáo', inNotation: true },
  { code: 'TB', name: 'Thông báo', inNotation: true },
  { code: 'HD', name: 'Hướng dẫn', inNotation: true },
  { code: 'CTr', name: 'Chương trình', inNotation: true },
  { code: 'KH', name: 'Kế hoạch', inNotation: true },
  { code: 'PA', name: 'Phương án', inNotation: true },
  { code: 'ĐA', name: 'Đề án', inNotation: true },
  { code: 'DA', name: 'Dự án', inNotation: true },
  { code: 'BC', name: 'Báo cáo', inNotation: true },
  { code: 'BB', name: 'Biên bản', inNotation: true },
  { code: 'TTr', name: 'Tờ trình', inNotation: true },
  { code: 'HĐ', name: 'Hợp đồng', inNotation: true },
  { code: 'CĐ', name: 'Công điện', inNotation: true },
  { code: 'BGN', name: 'Bản ghi nhớ', inNotation: true },
  { code: 'BTT', name: 'Bản thỏa thuận', inNotation: true },
  { code: 'GUQ', name: 'Giấy ủy quyền', inNotation: true },
  { code: 'GM', name: 'Giấy mời', inNotation: true },
  { code: 'GGT', name: 'Giấy giới thiệu', inNotation: true },
  { code: 'GNP', name: 'Giấy nghỉ phép', inNotation: true },
  { code: 'PG', name: 'Phiếu gửi', inNotation: true },
  { code: 'PC', name: 'Phiếu chuyển', inNotation: true },
  { code: 'PB', name: 'Phiếu báo', inNotation: true },
  { code: 'THU', name: 'Thư công', inNotation: false },
];

const byFoldedCode = new Map(documentTypes.map((t) => [foldVietnamese(t.code), t]));

/** Exact code first; then the code typed without diacritics or in another case (QD → QĐ). */
export function documentTypeByCode(code: string): DocumentType | undefined {
  return documentTypes.find((t) => t.code === code) ?? byFoldedCode.get(foldVietnamese(code));
}

export function documentTypeFromName(name: string): DocumentType | undefined {
  const f = foldVietnamese(name);
  return documentTypes.find((t) => foldVietnamese(t.name) === f);
}
