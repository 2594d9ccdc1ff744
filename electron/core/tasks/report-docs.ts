/**
 * Báo cáo tình hình thực hiện nhiệm vụ: one row per unit with counts by
 * status, then the overdue tasks. Excel keeps numbers and dates as real
 * values so the office can sum and sort; Word is for signing and sending.
 */
import ExcelJS from 'exceljs';
import { formatDateVi } from '../../../shared/dates';
import { attachmentLine, grid, headerBlocks, LANDSCAPE_MM, para, writeDocx } from '../document-blocks/docx-blocks';
import { taskStatusColumns, type TaskReportDoc } from './document-types';
import { bodyRow, headerRow, landscapePage, titleRows as titleLines, utcDate } from '../document-blocks/xlsx-blocks';

const TITLE = 'BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ';
const unitHeader = ['TT', 'Đơn vị', 'Tổng số', ...taskStatusColumns.map(([, label]) => label)];
const overdueHeader = ['TT', 'Đơn vị', 'Nội dung nhiệm vụ', 'Nguồn giao', 'Thời hạn', 'Số ngày quá hạn (ngày làm việc)', 'Tiến độ gần nhất'];

function titleRows(ws: ExcelJS.Worksheet, doc: TaskReportDoc, columns: number) {
  const [period, asOf] = periodLines(doc);
  titleLines(ws, [[doc.agency.name.toLocaleUpperCase('vi'), { bold: true, size: 12 }], [TITLE, { bold: true, size: 14 }], [period, { italic: true, size: 12 }], [asOf, { italic: true, size: 12 }]], columns);
}

function periodLines(doc: TaskReportDoc): [string, string] {
  return [`Từ ngày ${formatDateVi(doc.from)} đến ngày ${formatDateVi(doc.to)}`, `(Số liệu tính đến ngày ${formatDateVi(doc.asOf)})`];
}

function totals(doc: TaskReportDoc): number[] {
  return [doc.byUnit.reduce((n, r) => n + r.total, 0), ...taskStatusColumns.map(([k]) => doc.byUnit.reduce((n, r) => n + r.counts[k], 0))];
}

export async function writeTaskReportXlsx(doc: TaskReportDoc, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn thư';
  const page = landscapePage(6);

  const byUnit = wb.addWorksheet('Theo đơn vị', { pageSetup: page, views: [{ state: 'frozen', ySplit: 6 }] });
  byUnit.columns = [{ width: 5 }, { width: 38 }, { width: 9 }, ...taskStatusColumns.map(() => ({ width: 13 }))];
  titleRows(byUnit, doc, unitHeader.length);
  headerRow(byUnit, 6, unitHeader);
  doc.byUnit.forEach((r, i) => bodyRow(byUnit, [i + 1, r.unitName, r.total, ...taskStatusColumns.map(([k]) => r.counts[k])]));
  bodyRow(byUnit, ['', 'Tổng cộng', ...totals(doc)], true);

  const overdue = wb.addWorksheet('Quá hạn', { pageSetup: page, views: [{ state: 'frozen', ySplit: 6 }] });
  overdue.columns = [{ width: 5 }, { width: 26 }, { width: 60 }, { width: 26 }, { width: 12, style: { numFmt: 'dd/mm/yyyy' } }, { width: 12 }, { width: 36 }];
  titleRows(overdue, doc, overdueHeader.length);
  headerRow(overdue, 6, overdueHeader);
  doc.overdue.forEach((o, i) => {
    const row = bodyRow(overdue, [i + 1, o.unitName, o.content, o.source ?? '', utcDate(o.deadline), o.daysOverdue, o.lastProgress ?? '']);
    row.getCell(5).numFmt = 'dd/mm/yyyy';
  });
  await wb.xlsx.writeFile(path);
}

export async function writeTaskReportDocx(doc: TaskReportDoc, path: string): Promise<void> {
  const [period, asOf] = periodLines(doc);
  const unitRows = [
    ...doc.byUnit.map((r, i) => [String(i + 1), r.unitName, String(r.total), ...taskStatusColumns.map(([k]) => String(r.counts[k]))]),
    ['', 'Tổng cộng', ...totals(doc).map(String)],
  ];
  const overdueRows = doc.overdue.map((o, i) => [String(i + 1), o.unitName, o.content, o.source ?? '', formatDateVi(o.deadline), String(o.daysOverdue), o.lastProgress ?? '']);
  const numeric = new Set([0, 2, 3, 4, 5, 6, 7, 8, 9]);
  await writeDocx(
    path,
    `${TITLE} ${period}`,
    [
      headerBlocks(doc.agency, null, doc.asOf, LANDSCAPE_MM),
      // Figures sent with a report: titled as its appendix.
      para('PHỤ LỤC', { bold: true, align: 'center', before: 240 }),
      para(TITLE, { bold: true, align: 'center' }),
      para(attachmentLine('Báo cáo', doc.agency), { italics: true, align: 'center' }),
      para(period, { italics: true, align: 'center' }),
      para(asOf, { italics: true, align: 'center', after: 200 }),
      para('I. Số lượng nhiệm vụ theo đơn vị', { bold: true, after: 100 }),
      grid(unitHeader, unitRows, [10, 62, 18, 24, 22, 20, 26, 26, 18, 18].map((w) => (w * LANDSCAPE_MM) / 244), numeric),
      para('II. Nhiệm vụ quá hạn', { bold: true, before: 240, after: 100 }),
      doc.overdue.length
        ? grid(overdueHeader, overdueRows, [10, 36, 80, 36, 22, 20, 48].map((w) => (w * LANDSCAPE_MM) / 252), new Set([0, 4, 5]))
        : para('Không có nhiệm vụ quá hạn.', { italics: true }),
    ],
    true,
  );
}
