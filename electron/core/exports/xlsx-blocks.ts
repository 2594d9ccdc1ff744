/** Building blocks of the Excel reports (not the streamed registers): centred title lines, a bordered header and body rows. */
import type ExcelJS from 'exceljs';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export type TitleLine = [string, Partial<ExcelJS.Font>];

export const landscapePage = (headerRowNumber: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
});

/** Title lines merged over the table's width, from row 1. */
export function titleRows(ws: ExcelJS.Worksheet, lines: TitleLine[], columns: number) {
  lines.forEach(([text, font], i) => {
    ws.mergeCells(i + 1, 1, i + 1, columns);
    const c = ws.getCell(i + 1, 1);
    c.value = text;
    c.font = { name: FONT, ...font };
    c.alignment = { horizontal: 'center', wrapText: true };
  });
}

export function headerRow(ws: ExcelJS.Worksheet, at: number, header: string[]) {
  const row = ws.getRow(at);
  header.forEach((h, i) => {
    const c = row.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true, size: 11 };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = border;
  });
  row.height = 45;
}

export function bodyRow(ws: ExcelJS.Worksheet, values: (string | number | Date)[], bold = false, centred: ReadonlySet<number> = new Set()) {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.font = { name: FONT, size: 11, bold };
    c.border = border;
    c.alignment = { vertical: 'top', wrapText: true, ...(centred.has(col - 1) ? { horizontal: 'center' as const } : {}) };
  });
  return row;
}

/** A calendar date as Excel stores it: midnight UTC, so no PC time zone shifts it. */
export function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
