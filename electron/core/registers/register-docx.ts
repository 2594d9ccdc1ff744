/**
 * Registers as Word books: A4 landscape, the decree's margins, one section per
 * calendar year that opens with the cover of Phụ lục IV and numbers its pages
 * from the table on. The frame (cover, header, page numbers, styles) is made
 * with docx; the table rows, tens of thousands of them, are written as XML
 * straight into the zip as a stream, so memory stays flat with the book's size.
 *
 * A year's rows are cut into tables of at most TABLE_ROWS rows, each opening
 * with the repeated header row: LibreOffice lays a table out in time that
 * grows faster than its rows (one 2,000-row table: 9.7 min; the same rows in
 * 100-row tables: 1.5 to 2.5 min, in 50-row tables 1.2 min), and a year of 20,000
 * rows in one table did not open in 25 minutes (in 50-row tables: 6.6 min
 * on a shared 2-core machine). Two tables side by side are merged back into one by
 * Word and LibreOffice, so a hairline paragraph stands between them.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
  type ISectionOptions,
} from 'docx';
import { allBorders, FONT, LANDSCAPE_MM, rule } from '../document-blocks/docx-blocks';
import { cellText, numbersLine, periodLine, type BookKind, type BookYear, type RegisterMeta } from './register-types';

const MARKER = (i: number) => `@@SO-${i}-DONG@@`;
/** Rows are handed to the zip in pieces of about this many characters. */
const PIECE = 64 * 1024;
/** Rows per table (about seven pages): see the file's comment. */
export const TABLE_ROWS = 50;
/** Keeps two tables apart without a visible gap: 1 pt high, no spacing. */
const BETWEEN_TABLES = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>';

function line(text: string, o: { bold?: boolean; italics?: boolean; size?: number; before?: number; after?: number; pageBreak?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: o.pageBreak ?? false,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    children: [new TextRun({ text, font: FONT, bold: o.bold ?? false, italics: o.italics ?? false, size: (o.size ?? 13) * 2 })],
  });
}

/** Bìa sổ (Phụ lục IV): parent agency and agency, the book's name, year, dates, numbers and volume. */
function cover(meta: RegisterMeta, title: string, b: BookYear): Paragraph[] {
  return [
    ...(meta.parentName ? [line(meta.parentName.toLocaleUpperCase('vi'), { size: 13 })] : []),
    line(meta.agencyName.toLocaleUpperCase('vi'), { bold: true, size: 13 }),
    rule(30, LANDSCAPE_MM),
    line(title, { bold: true, size: 24, before: 2400, after: 600 }),
    line(`Năm: ${b.year}`, { bold: true, size: 16, after: 360 }),
    line(periodLine(b), { size: 14, after: 120 }),
    line(numbersLine(b), { size: 14, after: 120 }),
    line('Quyển số: 01', { size: 14 }),
  ];
}

function widthsTwip<T>(kind: BookKind<T>): number[] {
  const sum = kind.columns.reduce((a, c) => a + c.mm, 0);
  return kind.columns.map((c) => Math.floor(convertMillimetersToTwip((c.mm * LANDSCAPE_MM) / sum)));
}

function section<T>(meta: RegisterMeta, kind: BookKind<T>, b: BookYear, i: number, widths: number[]): ISectionOptions {
  const headCell = (text: string, w: number) =>
    new TableCell({
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, font: FONT, bold: true, size: 22 })] })],
    });
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE },
        margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15), header: convertMillimetersToTwip(10) },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      first: new Header({ children: [new Paragraph({})] }),
      default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 26 })] })] }),
    },
    children: [
      ...cover(meta, kind.title, b),
      line(`${kind.title} NĂM ${b.year}`, { bold: true, size: 13, pageBreak: true, after: 120 }),
      new Table({
        width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        borders: allBorders,
        margins: { top: 40, bottom: 40, left: 60, right: 60 },
        rows: [
          new TableRow({ tableHeader: true, cantSplit: true, children: kind.columns.map((c, j) => headCell(c.title, widths[j]!)) }),
          new TableRow({ children: widths.map((w, j) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ text: j === 0 ? MARKER(i) : '' })] })) }),
        ],
      }),
    ],
  };
}

/** Characters XML 1.0 cannot hold: a pasted control character would make Word refuse the file. */
const xmlSafe = (c: string) => {
  const n = c.charCodeAt(0);
  return n >= 0x20 ? n !== 0xfffe && n !== 0xffff : n === 0x09 || n === 0x0a || n === 0x0d;
};
const escape = (s: string) => [...s].filter(xmlSafe).join('').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One table row as WordprocessingML; the run takes the document's default font (Times New Roman 11). */
function rowXml<T>(kind: BookKind<T>, widths: number[], r: T): string {
  const cells = kind.cells(r);
  let xml = '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
  kind.columns.forEach((c, j) => {
    const runs = cellText(cells[j] ?? null, c)
      .split('\n')
      .map((t) => `<w:t xml:space="preserve">${escape(t)}</w:t>`)
      .join('<w:br/>');
    xml += `<w:tc><w:tcPr><w:tcW w:w="${widths[j]}" w:type="dxa"/></w:tcPr><w:p>${c.centred ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r>${runs}</w:r></w:p></w:tc>`;
  });
  return `${xml}</w:tr>`;
}

/** document.xml cut around each book's marker row: pieces[i] comes before book i's rows, the last after all. */
function cutAtMarkers(xml: string, books: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (let i = 0; i < books; i++) {
    const m = xml.indexOf(MARKER(i), at);
    const start = Math.max(xml.lastIndexOf('<w:tr>', m), xml.lastIndexOf('<w:tr ', m));
    const end = xml.indexOf('</w:tr>', m) + '</w:tr>'.length;
    if (m < 0 || start < at) throw new Error('Khung sổ Word không có dòng đánh dấu.');
    pieces.push(xml.slice(at, start));
    at = end;
  }
  pieces.push(xml.slice(at));
  return pieces;
}

/** A table's opening up to the end of its header row: the tail of the piece before a book's rows. */
function tableOpening(piece: string): string {
  const at = piece.lastIndexOf('<w:tbl>');
  if (at < 0) throw new Error('Khung sổ Word không có bảng.');
  return piece.slice(at);
}

export async function writeBookDocx<T>(file: string, meta: RegisterMeta, kind: BookKind<T>, rows: AsyncIterable<T>, tableRows = TABLE_ROWS): Promise<{ rows: number }> {
  const widths = widthsTwip(kind);
  const frame = new Document({
    creator: 'Văn thư',
    title: `${kind.title} ${periodLine(meta)}`,
    styles: { default: { document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 0 } } } } },
    sections: meta.books.map((b, i) => section(meta, kind, b, i, widths)),
  });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(frame));
  const pieces = cutAtMarkers(await zip.file('word/document.xml')!.async('string'), meta.books.length);
  const nextTable = `</w:tbl>${BETWEEN_TABLES}${tableOpening(pieces[0]!)}`;
  let n = 0;
  // Bytes, not strings: JSZip would take a string chunk as binary, one byte per character.
  async function* body(): AsyncGenerator<Buffer> {
    let book = 0;
    let inTable = 0;
    let buf = pieces[0]!;
    for await (const r of rows) {
      const year = kind.year(r);
      while (book < meta.books.length - 1 && meta.books[book]!.year < year) {
        buf += pieces[++book]!;
        inTable = 0;
      }
      if (inTable === tableRows) {
        buf += nextTable;
        inTable = 0;
      }
      buf += rowXml(kind, widths, r);
      inTable++;
      n++;
      if (buf.length >= PIECE) {
        yield Buffer.from(buf, 'utf8');
        buf = '';
      }
    }
    while (book < meta.books.length - 1) buf += pieces[++book]!;
    yield Buffer.from(buf + pieces[meta.books.length]!, 'utf8');
  }
  zip.file('word/document.xml', Readable.from(body()));
  await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE', compressionOptions: { level: 6 } }), fs.createWriteStream(file));
  return { rows: n };
}
