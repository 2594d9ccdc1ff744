/**
 * Registers as Excel, written by exceljs's streaming writer: a year of a
 * department is ~20,000 rows and must not be held in memory as a workbook.
 * One sheet per calendar year (a book each). Dates are date cells shown
 * dd/mm/yyyy (stored as UTC midnight, so no PC time zone moves them),
 * numbers are numbers with the book's leading zero as a number format, and
 * every row gets a height for its wrapped text, since neither LibreOffice
 * nor Excel grows a row written with a fixed layout.
 */
import ExcelJS from 'exceljs';
import { DECREE_MARGINS, excelWidth, utcDate, wrappedHeight } from '../document-blocks/xlsx-blocks';
import { cellText, numbersLine, periodLine, type BookCell, type BookKind, type BookYear, type RegisterMeta } from './register-types';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
/** Title lines above the table; the header row comes after them and a blank line. */
const HEADER_ROW = 8;

function value(c: BookCell): ExcelJS.CellValue {
  if (c === null || typeof c === 'string' || typeof c === 'number') return c ?? '';
  return c.date ? utcDate(c.date) : '';
}

function addSheet<T>(wb: ExcelJS.stream.xlsx.WorkbookWriter, meta: RegisterMeta, kind: BookKind<T>, b: BookYear, widths: number[]) {
  const ws = wb.addWorksheet(`${kind.sheetName} ${b.year}`, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: DECREE_MARGINS,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddHeader: '&C&"Times New Roman"&13&P', differentFirst: false },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  ws.columns = kind.columns.map((c, i) => ({ width: widths[i]!, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  const last = kind.columns.length;
  const head = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, last);
    row.getCell(1).font = { name: FONT, size: 12, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.commit();
  };
  head(meta.parentName.toLocaleUpperCase('vi'), {});
  head(meta.agencyName.toLocaleUpperCase('vi'), { bold: true });
  head(kind.title, { bold: true, size: 14 });
  head(`Năm: ${b.year}`, { bold: true });
  head(periodLine(b), { italic: true });
  head(`${numbersLine(b)} — Quyển số: 01`, { italic: true });
  ws.addRow([]).commit();
  const header = ws.addRow(kind.columns.map((c) => c.title));
  header.height = wrappedHeight(kind.columns.map((c) => c.title), widths, 1.15);
  header.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  header.commit();
  return ws;
}

export async function writeBookXlsx<T>(file: string, meta: RegisterMeta, kind: BookKind<T>, rows: AsyncIterable<T>): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Văn thư';
  const widths = kind.columns.map((c) => excelWidth(c.mm));
  // One style object per column, shared by its cells: exceljs knows a style it has seen by the
  // object, where a style of each cell's own was written out and looked up again for every cell.
  const styles = kind.columns.map((column) => {
    const plain: Partial<ExcelJS.Style> = {
      ...(column.numFmt ? { numFmt: column.numFmt } : {}),
      font: { name: FONT, size: 11 },
      alignment: { vertical: 'top', wrapText: true, horizontal: column.centred ? 'center' : 'left' },
      border,
    };
    return { plain, date: { ...plain, numFmt: 'dd/mm/yyyy' } };
  });
  let book = 0;
  let ws = addSheet(wb, meta, kind, meta.books[0]!, widths);
  let n = 0;
  for await (const r of rows) {
    const year = kind.year(r);
    while (book < meta.books.length - 1 && meta.books[book]!.year < year) {
      ws.commit();
      ws = addSheet(wb, meta, kind, meta.books[++book]!, widths);
    }
    const cells = kind.cells(r);
    const row = ws.addRow(cells.map(value));
    row.height = wrappedHeight(cells.map((c, i) => cellText(c, kind.columns[i]!)), widths);
    row.eachCell({ includeEmpty: true }, (c, i) => {
      const style = styles[i - 1]!;
      c.style = cells[i - 1] !== null && typeof cells[i - 1] === 'object' ? style.date : style.plain;
    });
    row.commit();
    n++;
  }
  while (book < meta.books.length - 1) {
    ws.commit();
    ws = addSheet(wb, meta, kind, meta.books[++book]!, widths);
  }
  ws.commit();
  await wb.commit();
  return { rows: n };
}
