/** Building blocks of the Excel reports (not the streamed registers): centred title lines, a bordered header and body rows. */
import type ExcelJS from 'exceljs';

const FONT = 'Times New Roman';
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

export type TitleLine = [string, Partial<ExcelJS.Font>];

/** The decree's margins (top and bottom 20 mm, left 30 mm, right 15 mm) in inches, as Excel keeps them. */
export const DECREE_MARGINS = { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 };

export const landscapePage = (headerRowNumber: number): Partial<ExcelJS.PageSetup> => ({
  paperSize: 9,
  margins: DECREE_MARGINS,
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

/** Millimetres on the page as Excel's column width (characters of the default font). */
export const excelWidth = (mm: number) => Math.max(5, Math.round((mm / 1.9) * 10) / 10);

/**
 * Row height in points for wrapped 11 pt text. LibreOffice and Excel do not
 * grow a row for text written by exceljs, so the lines are counted here: a
 * column of width w holds about w characters of Times New Roman (a little
 * less, since lines break at spaces), and each "\n" starts a line.
 */
export function wrappedHeight(texts: string[], widths: number[], boldFactor = 1): number {
  const lines = texts.map((t, i) => {
    const perLine = Math.max(1, ((widths[i] ?? 10) * 1.3) / boldFactor - 1);
    return t.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  });
  return Math.ceil(Math.max(1, ...lines) * 14.5 + 3);
}
