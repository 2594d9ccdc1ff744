/**
 * Registers as Word: A4 landscape, the decree's margins, Times New Roman, the
 * header row repeated on every page, so the printed book can be signed and
 * closed at year end.
 */
import fs from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
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
/** A4 landscape less the left 30 mm and right 15 mm margins. */
const CONTENT_WIDTH = convertMillimetersToTwip(297 - 30 - 15);
type Rows<T> = Iterable<T> | AsyncIterable<T>;

function line(text: string, o: { bold?: boolean; italics?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: o.after ?? 0 },
    children: [new TextRun({ text, font: FONT, bold: o.bold ?? false, italics: o.italics ?? false, size: (o.size ?? 13) * 2 })],
  });
}

function cell(text: string, width: number, header: boolean, center: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    children: [
      new Paragraph({
        alignment: header || center ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, font: FONT, size: header ? 22 : 22, bold: header })],
      }),
    ],
  });
}

async function writeRegister<T>(
  file: string,
  meta: RegisterMeta,
  kind: 'incoming' | 'outgoing',
  columns: readonly string[],
  relWidths: number[],
  rows: Rows<T>,
  cells: (r: T) => string[],
): Promise<{ rows: number }> {
  const total = relWidths.reduce((a, b) => a + b, 0);
  const widths = relWidths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const centered = kind === 'incoming' ? new Set([0, 1, 4, 7]) : new Set([1, 6, 7]);
  const tableRows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c, widths[i]!, true, true)) }),
  ];
  for await (const r of rows) {
    tableRows.push(new TableRow({ cantSplit: true, children: cells(r).map((t, i) => cell(t, widths[i]!, false, centered.has(i))) }));
  }
  const b = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const doc = new Document({
    creator: 'Văn thư',
    title: `${titles[kind]} ${periodLine(meta)}`,
    styles: { default: { document: { run: { font: FONT, size: 26 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE }, // A4 in twips
            margin: {
              top: convertMillimetersToTwip(20),
              bottom: convertMillimetersToTwip(20),
              left: convertMillimetersToTwip(30),
              right: convertMillimetersToTwip(15),
            },
          },
        },
        children: [
          line(meta.parentName.toLocaleUpperCase('vi'), { size: 12 }),
          line(meta.agencyName.toLocaleUpperCase('vi'), { bold: true, size: 12, after: 240 }),
          line(titles[kind], { bold: true, size: 16 }),
          line(periodLine(meta), { italics: true, size: 13, after: 240 }),
          new Table({
            width: { size: CONTENT_WIDTH, type: WidthType.DXA },
            columnWidths: widths,
            borders: { top: b, bottom: b, left: b, right: b, insideHorizontal: b, insideVertical: b },
            rows: tableRows,
          }),
        ],
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
  return { rows: tableRows.length - 1 };
}

export function writeIncomingRegisterDocx(file: string, meta: RegisterMeta, rows: Rows<IncomingRegisterRow>) {
  return writeRegister(file, meta, 'incoming', incomingRegisterColumns, incomingWidths, rows, incomingCells);
}

export function writeOutgoingRegisterDocx(file: string, meta: RegisterMeta, rows: Rows<OutgoingRegisterRow>) {
  return writeRegister(file, meta, 'outgoing', outgoingRegisterColumns, outgoingWidths, rows, outgoingCells);
}
