/**
 * Registers as Excel, written by exceljs's streaming writer: a year of a
 * department is ~20,000 rows and must not be held in memory as a workbook.
 * Dates and numbers are written as text as they are printed in the book
 * (05/09/2022, 01): the register is for reading and printing, and text
 * cannot be shifted by a PC's date settings.
 */
import ExcelJS from 'exceljs';
import {
  incomingCells,
  incomingRegisterColumns,
  incomingWidths,
  outgoingCells,
  outgoingRegisterColumns,
  outgoingWidths,
  periodLine,
  titles,
  type IncomingRegisterRow,
  type OutgoingRegisterRow,
  type RegisterMeta,
} from './register-types';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
type Rows<T> = Iterable<T> | AsyncIterable<T>;

async function writeRegister<T>(
  file: string,
  meta: RegisterMeta,
  kind: 'incoming' | 'outgoing',
  columns: readonly string[],
  widths: number[],
  rows: Rows<T>,
  cells: (r: T) => string[],
): Promise<{ rows: number }> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Văn thư';
  const ws = wb.addWorksheet(kind === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: '6:6',
    },
    views: [{ state: 'frozen', ySplit: 6 }],
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = String.fromCharCode(64 + columns.length);
  const head = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    ws.mergeCells(`A${row.number}:${last}${row.number}`);
    row.getCell(1).font = { name: FONT, size: 12, ...font };
    row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    row.commit();
  };
  head(meta.parentName.toLocaleUpperCase('vi'), {});
  head(meta.agencyName.toLocaleUpperCase('vi'), { bold: true });
  head(titles[kind], { bold: true, size: 14 });
  head(periodLine(meta), { italic: true });
  ws.addRow([]).commit();
  const header = ws.addRow([...columns]);
  header.height = 32;
  header.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  header.commit();

  let n = 0;
  for await (const r of rows) {
    const row = ws.addRow(cells(r));
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: FONT, size: 11 };
      c.alignment = { vertical: 'top', wrapText: true, horizontal: col <= 2 || col === 5 || col === 8 ? 'center' : 'left' };
      c.border = border;
    });
    row.commit();
    n++;
  }
  ws.commit();
  await wb.commit();
  return { rows: n };
}

export function writeIncomingRegisterXlsx(file: string, meta: RegisterMeta, rows: Rows<IncomingRegisterRow>): Promise<{ rows: number }> {
  return writeRegister(file, meta, 'incoming', incomingRegisterColumns, incomingWidths, rows, incomingCells);
}

export function writeOutgoingRegisterXlsx(file: string, meta: RegisterMeta, rows: Rows<OutgoingRegisterRow>): Promise<{ rows: number }> {
  return writeRegister(file, meta, 'outgoing', outgoingRegisterColumns, outgoingWidths, rows, outgoingCells);
}
