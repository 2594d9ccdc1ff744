/**
 * Phiếu giải quyết văn bản đến (Decree 30/2020, Phụ lục IV): the document it
 * goes with, then (1) the agency head's direction — lead and coordinating
 * units with their deadline, (2) the unit head's assignment, (3) the
 * handler's proposal, each with its date and room to sign.
 */
import { Table, TableCell, TableRow, WidthType, convertMillimetersToTwip } from 'docx';
import { formatDateVi } from '../../../shared/dates';
import { dateLine, headerBlocks, noBorders, para, PORTRAIT_MM, writeDocx } from '../document-blocks/docx-blocks';
import { documentLine } from './register-types';
import type { AgencyHeader } from '../document-blocks/types';

export interface HandlingSlipDoc {
  agency: AgencyHeader;
  arrivalNumber: string;
  arrivalDate: string;
  documentTypeName: string | null;
  notation: string | null;
  documentDate: string | null;
  senderName: string;
  subject: string;
  instruction: string | null;
  leadUnit: string | null;
  coordinators: string[];
  deadline: string | null;
  /** When the direction was given (ISO date), or null to fill by hand. */
  directedOn: string | null;
}

const dots = '…'.repeat(60);
const blankDate = 'Ngày …… tháng …… năm ……';

function dayLine(iso: string | null): string {
  if (!iso) return blankDate;
  // The decree's date: day below 10 and months 1 and 2 with a leading zero ("ngày 05 tháng 3").
  return `N${dateLine('', iso).slice(3)}`;
}

/** Date and signature on the right, kept with the part they close. */
function signedOn(iso: string | null): Table {
  const half = convertMillimetersToTwip(PORTRAIT_MM / 2);
  const side = (children: ReturnType<typeof para>[]) => new TableCell({ width: { size: half, type: WidthType.DXA }, borders: noBorders, children });
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [side([para('')]), side([para(dayLine(iso), { italics: true, align: 'center', size: 13 }), para('(Ký, ghi rõ họ tên)', { italics: true, align: 'center', size: 12 }), para(''), para(''), para('')])],
      }),
    ],
  });
}

export async function writeHandlingSlipDocx(doc: HandlingSlipDoc, path: string): Promise<void> {
  const deadline = doc.deadline ? formatDateVi(doc.deadline) : '……………';
  await writeDocx(path, `Phiếu giải quyết văn bản đến số ${doc.arrivalNumber}`, [
    headerBlocks(doc.agency, null, null, PORTRAIT_MM, { dateLine: false }),
    para('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', { bold: true, align: 'center', before: 360, after: 120 }),
    para(`(Kèm theo văn bản đến số ${doc.arrivalNumber}, ngày đến ${formatDateVi(doc.arrivalDate)})`, { italics: true, align: 'center', size: 13, after: 240 }),
    para(`Văn bản: ${documentLine(doc)}.`, { indent: true }),
    para(`Trích yếu: ${doc.subject}`, { indent: true }),
    para('1. Ý kiến của lãnh đạo cơ quan, tổ chức:', { bold: true, before: 240 }),
    para(doc.instruction ?? dots, { indent: true }),
    para(`- Đơn vị chủ trì: ${doc.leadUnit ?? '……………'}; thời hạn giải quyết: ${deadline}.`, { indent: true }),
    para(`- Đơn vị phối hợp: ${doc.coordinators.length ? doc.coordinators.join(', ') : '……………'}; thời hạn: ${deadline}.`, { indent: true, keepNext: true }),
    signedOn(doc.directedOn),
    para('2. Ý kiến của lãnh đạo đơn vị:', { bold: true, before: 120 }),
    para('- Giao cho: ……………………………………………………………', { indent: true }),
    para('- Thời hạn giải quyết: ……………………………………………………', { indent: true, keepNext: true }),
    signedOn(null),
    para('3. Ý kiến đề xuất của người giải quyết:', { bold: true, before: 120 }),
    para(dots, { indent: true }),
    para(dots, { indent: true, keepNext: true }),
    signedOn(null),
  ]);
}
