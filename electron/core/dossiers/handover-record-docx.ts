/**
 * Biên bản giao nhận hồ sơ, tài liệu (Decree 30/2020, Phụ lục V): who gave,
 * who received, what and how much, signed by both sides; the index of the
 * files handed over follows on a new page, as the record says it is attached.
 */
import { Paragraph, Table, TableRow, TableCell, WidthType, convertMillimetersToTwip } from 'docx';
import { formatDateVi } from '../../../shared/dates';
import { headerBlocks, noBorders, para, PORTRAIT_MM, titleBlock, writeDocx } from '../document-blocks/docx-blocks';
import { listTableBlocks, type ListTable } from '../document-blocks/list-table';
import type { AgencyHeader } from '../document-blocks/types';

export interface HandoverRecordDoc {
  agency: AgencyHeader;
  date: string;
  giverUnit: string;
  giverPerson: string;
  /** Positions of the two signers, when known; else a line to fill by hand. */
  giverPosition?: string | null;
  receiver: string;
  receiverPosition?: string | null;
  fileCount: number;
  sheets: number;
  from: string | null;
  to: string | null;
  years: string;
  note: string | null;
  index: ListTable;
}

function signatures(giver: string, receiver: string): Table {
  const half = convertMillimetersToTwip(PORTRAIT_MM / 2);
  const side = (title: string, name: string) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: noBorders,
      children: [para(title, { bold: true, align: 'center' }), para('(Ký, ghi rõ họ tên)', { italics: true, align: 'center', size: 13 }), ...Array.from({ length: 4 }, () => para('')), para(name, { bold: true, align: 'center' })],
    });
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    borders: noBorders,
    rows: [new TableRow({ children: [side('ĐẠI DIỆN BÊN GIAO', giver), side('ĐẠI DIỆN BÊN NHẬN', receiver)] })],
  });
}

export async function writeHandoverRecordDocx(doc: HandoverRecordDoc, path: string): Promise<void> {
  const [d, m, y] = formatDateVi(doc.date).split('/');
  const period = doc.from && doc.to ? `từ ngày ${formatDateVi(doc.from)} đến ngày ${formatDateVi(doc.to)}` : 'không xác định';
  const body = [
    ...titleBlock('BIÊN BẢN', ['Về việc giao nhận hồ sơ, tài liệu']),
    para('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;', { indent: true }),
    para(`Căn cứ Danh mục hồ sơ năm ${doc.years} của ${doc.agency.name},`, { indent: true, after: 120 }),
    para(`Hôm nay, ngày ${d} tháng ${m} năm ${y}, tại ${doc.agency.name}, chúng tôi gồm:`, { indent: true }),
    para(`BÊN GIAO: ${doc.giverUnit}`, { bold: true, indent: true }),
    para(`Ông (bà): ${doc.giverPerson}`, { indent: true }),
    para(`Chức vụ công tác: ${doc.giverPosition ?? '……………………………………'}`, { indent: true }),
    para('BÊN NHẬN: Lưu trữ cơ quan', { bold: true, indent: true }),
    para(`Ông (bà): ${doc.receiver}`, { indent: true }),
    para(`Chức vụ công tác: ${doc.receiverPosition ?? '……………………………………'}`, { indent: true }),
    para('Thống nhất lập biên bản giao nhận hồ sơ, tài liệu như sau:', { indent: true }),
    para(`1. Tên khối tài liệu giao nộp: hồ sơ, tài liệu của ${doc.giverUnit} năm ${doc.years}.`, { indent: true }),
    para(`2. Thời gian của tài liệu: ${period}.`, { indent: true }),
    para(`3. Số lượng tài liệu: ${doc.fileCount} hồ sơ, ${doc.sheets} tờ.`, { indent: true }),
    para(`4. Tình trạng tài liệu giao nộp: ${doc.note ?? 'hồ sơ đã được lập đầy đủ, biên mục văn bản trong hồ sơ'}.`, { indent: true }),
    para('5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo.', { indent: true }),
    para('Biên bản này được lập thành hai bản; bên giao giữ một bản; bên nhận giữ một bản./.', { indent: true, after: 240, keepNext: true }),
    signatures(doc.giverPerson, doc.receiver),
    new Paragraph({ pageBreakBefore: true, children: [] }),
    ...listTableBlocks(doc.index),
  ];
  await writeDocx(path, `Biên bản giao nhận hồ sơ, tài liệu ngày ${formatDateVi(doc.date)}`, [headerBlocks(doc.agency, { number: null, suffix: `BB-${doc.agency.abbreviation}` }, doc.date, PORTRAIT_MM), ...body]);
}
