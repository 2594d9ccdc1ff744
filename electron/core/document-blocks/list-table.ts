/**
 * The archive lists (danh mục hồ sơ, mục lục văn bản, mục lục hồ sơ nộp lưu)
 * share one shape: a title block, a bordered table whose rows are either
 * heading rows across the table (I. TỔNG HỢP, 1. Kế hoạch) or item rows, and
 * closing lines. One description, written as Word or as Excel.
 */
import ExcelJS from 'exceljs';
import { Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, convertMillimetersToTwip } from 'docx';
import { allBorders, FONT, headerBlocks, para, PORTRAIT_MM, writeDocx } from './docx-blocks';
import type { AgencyHeader } from './types';
import { bodyRow, DECREE_MARGINS, headerRow, titleRows, wrappedHeight } from './xlsx-blocks';

export type ListRow = { heading: string; level: 1 | 2 } | { cells: string[] };

export interface ListTable {
  agency: AgencyHeader;
  /** ISO date for the date line, or null to leave it blank. */
  date: string | null;
  title: string;
  subtitles: string[];
  header: string[];
  /** Column widths in millimetres on a portrait page. */
  widthsMm: number[];
  centred: ReadonlySet<number>;
  rows: ListRow[];
  closing: string[];
}

function run(text: string, bold: boolean, italics: boolean) {
  return new TextRun({ text, font: FONT, bold, italics, size: 24 });
}

/** Widths scaled to the page's text width, so the table never runs into the margin. */
function fitted(widthsMm: number[]): number[] {
  const sum = widthsMm.reduce((a, b) => a + b, 0);
  return widthsMm.map((x) => (x * PORTRAIT_MM) / sum);
}

function tableDocx(t: ListTable): Table {
  const w = fitted(t.widthsMm).map((x) => convertMillimetersToTwip(x));
  const cell = (text: string, i: number, o: { bold?: boolean; italics?: boolean; span?: number; centre?: boolean } = {}) =>
    new TableCell({
      width: { size: o.span ? w.reduce((a, b) => a + b, 0) : w[i]!, type: WidthType.DXA },
      ...(o.span ? { columnSpan: o.span } : {}),
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: [new Paragraph({ alignment: o.centre ? 'center' : 'left', children: [run(text, o.bold ?? false, o.italics ?? false)] })],
    });
  return new Table({
    width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: w,
    borders: allBorders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((h, i) => cell(h, i, { bold: true, centre: true })) }),
      new TableRow({ tableHeader: true, cantSplit: true, children: t.header.map((_, i) => cell(`(${i + 1})`, i, { centre: true, italics: true })) }),
      ...t.rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: 'heading' in r ? [cell(r.heading, 0, { bold: true, italics: r.level === 2, span: t.header.length })] : r.cells.map((c, i) => cell(c, i, { centre: t.centred.has(i) })),
          }),
      ),
    ],
  });
}

export function listTableBlocks(t: ListTable): (Paragraph | Table)[] {
  return [
    para(t.title, { bold: true, align: 'center', before: 240 }),
    ...t.subtitles.map((s, i) => para(s, { italics: i > 0, bold: i === 0 && t.subtitles.length > 1, align: 'center', size: 13 })),
    para('', { after: 120 }),
    tableDocx(t),
    ...t.closing.map((c, i) => para(c, { size: 13, before: i === 0 ? 200 : 0, indent: true })),
  ];
}

export async function writeListDocx(t: ListTable, path: string): Promise<void> {
  await writeDocx(path, t.title, [headerBlocks(t.agency, null, t.date, PORTRAIT_MM), ...listTableBlocks(t)]);
}

export async function writeListXlsx(t: ListTable, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn thư';
  const titles: [string, Partial<ExcelJS.Font>][] = [
    [t.agency.name.toLocaleUpperCase('vi'), { bold: true, size: 12 }],
    [t.title, { bold: true, size: 14 }],
    ...t.subtitles.map((s): [string, Partial<ExcelJS.Font>] => [s, { italic: true, size: 12 }]),
  ];
  const headerAt = titles.length + 2;
  const ws = wb.addWorksheet('Danh sách', {
    pageSetup: { paperSize: 9, orientation: 'portrait', margins: DECREE_MARGINS, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerAt}:${headerAt}` },
    views: [{ state: 'frozen', ySplit: headerAt }],
  });
  const widths = fitted(t.widthsMm).map((mm) => Math.max(5, Math.round(mm / 1.9)));
  ws.columns = widths.map((width) => ({ width }));
  titleRows(ws, titles, t.header.length);
  headerRow(ws, headerAt, t.header);
  for (const r of t.rows) {
    if ('heading' in r) {
      const row = bodyRow(ws, [r.heading, ...t.header.slice(1).map(() => '')], true);
      ws.mergeCells(row.number, 1, row.number, t.header.length);
      row.getCell(1).font = { name: FONT, size: 11, bold: true, italic: r.level === 2 };
    } else {
      bodyRow(ws, r.cells, false, t.centred).height = wrappedHeight(r.cells, widths);
    }
  }
  for (const c of t.closing) {
    const row = ws.addRow([c]);
    ws.mergeCells(row.number, 1, row.number, t.header.length);
    row.getCell(1).font = { name: FONT, size: 11, italic: true };
    row.getCell(1).alignment = { wrapText: true };
    row.height = wrappedHeight([c], [widths.reduce((a, b) => a + b, 0)]);
  }
  await wb.xlsx.writeFile(path);
}
