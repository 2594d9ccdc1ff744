/**
 * Building blocks of an administrative document in Word (Decree 30/2020,
 * Phụ lục I): the two header blocks side by side, the title, "Nơi nhận" with
 * the signature block, and plain bordered tables. Times New Roman throughout.
 */
import fs from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
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
import { formatDocNumber } from '../../../shared/documents/notation';
import type { AgencyHeader, SignatureBlock } from './types';

export const FONT = 'Times New Roman';
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const noBorders = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
export const allBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

export interface TextOptions {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  align?: 'center' | 'left' | 'right' | 'justify';
  after?: number;
  before?: number;
  /** A first-line indent: a body paragraph, justified with 6 pt after unless told otherwise. */
  indent?: boolean;
  /** Kept on the page of what follows (the last line before a signature). */
  keepNext?: boolean;
}

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };

/** The decree asks at least 6 pt between paragraphs of the body. */
const BODY_AFTER = 120;

export function para(text: string, o: TextOptions = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[o.align ?? (o.indent ? 'justify' : 'left')],
    keepNext: o.keepNext ?? false,
    spacing: { after: o.after ?? (o.indent ? BODY_AFTER : 0), before: o.before ?? 0, line: 288 },
    ...(o.indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : {}),
    children: [new TextRun({ text, font: FONT, bold: o.bold ?? false, italics: o.italics ?? false, size: (o.size ?? 14) * 2 })],
  });
}

/**
 * A short rule under a line, drawn as the bottom border of an empty paragraph
 * five points high, so it sits directly under the text above it (an empty
 * paragraph of the body's height would leave a line's gap).
 */
export function rule(widthMm: number, columnMm: number, after = 120): Paragraph {
  const side = convertMillimetersToTwip((columnMm - widthMm) / 2);
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 0 } },
    spacing: { before: 0, after, line: 100, lineRule: LineRuleType.EXACT },
    children: [],
  });
}

function cell(children: Paragraph[], widthTwip: number): TableCell {
  return new TableCell({ width: { size: widthTwip, type: WidthType.DXA }, borders: noBorders, margins: { left: 0, right: 0 }, children });
}

/** The type in bold capitals, the subject in bold, and the short rule under the subject. */
export function titleBlock(type: string, subject: string[], before = 240): Paragraph[] {
  return [
    para(type, { bold: true, align: 'center', before }),
    ...subject.map((s) => para(s, { bold: true, align: 'center' })),
    rule(40, PORTRAIT_MM, 240),
  ];
}

export function dateLine(place: string, iso: string | null): string {
  if (!iso) return `${place}, ngày      tháng      năm ${new Date().getFullYear()}`;
  const [y, m, d] = iso.split('-');
  // The decree writes days below 10 and months below 3 with a leading zero.
  const month = Number(m) < 3 ? m : String(Number(m));
  return `${place}, ngày ${d} tháng ${month} năm ${y}`;
}

/** "(Kèm theo Báo cáo số      /BC-STNMT ngày …… tháng …… năm ……)": the number is written when the letter is issued. */
export function attachmentLine(kind: 'Báo cáo' | 'Công văn', a: AgencyHeader): string {
  const suffix = kind === 'Báo cáo' ? `BC-${a.abbreviation}` : `${a.abbreviation}-……`;
  return `(Kèm theo ${kind} số        /${suffix} ngày …… tháng …… năm …… của ${a.name})`;
}

/**
 * Left: parent, agency, number. Right: the national motto and the date line.
 * The left column is wide enough for "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" to wrap
 * only between words; the right one holds the motto on one line.
 */
export function headerBlocks(a: AgencyHeader, notation: { number: number | null; suffix: string } | null, date: string | null, widthMm: number, o: { dateLine?: boolean } = {}): Table {
  // The two blocks need about 78 + 90 mm: the table reaches 5 mm into the (30 mm) left margin.
  const outset = widthMm < 200 ? 5 : 0;
  const left = 78;
  const right = widthMm + outset - left;
  const leftParas = [
    ...(a.parentName ? [para(a.parentName.toLocaleUpperCase('vi'), { size: 13, align: 'center' })] : []),
    para(a.name.toLocaleUpperCase('vi'), { size: 13, bold: true, align: 'center' }),
    rule(25, left, notation ? 120 : 0),
    ...(notation ? [para(`Số: ${notation.number !== null ? formatDocNumber(notation.number) : '       '}/${notation.suffix}`, { size: 13, align: 'center' })] : []),
  ];
  const rightParas = [
    para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 12, bold: true, align: 'center' }),
    para('Độc lập - Tự do - Hạnh phúc', { size: 13, bold: true, align: 'center' }),
    rule(55, right),
    ...(o.dateLine === false ? [] : [para(dateLine(a.place, date), { size: 14, italics: true, align: 'center' })]),
  ];
  return new Table({
    width: { size: convertMillimetersToTwip(left + right), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(left), convertMillimetersToTwip(right)],
    indent: { size: -convertMillimetersToTwip(outset), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ children: [cell(leftParas, convertMillimetersToTwip(left)), cell(rightParas, convertMillimetersToTwip(right))] })],
  });
}

/** "Nơi nhận:" on the left, the signature on the right. */
export function closingBlocks(recipients: string[], s: SignatureBlock, widthMm: number): Table {
  const left = Math.round(widthMm * 0.48);
  const right = widthMm - left;
  const lines = recipients.map((r, i) => para(`- ${r.replace(/[;.]\s*$/, '')}${i === recipients.length - 1 ? '.' : ';'}`, { size: 11 }));
  const leftParas = recipients.length ? [para('Nơi nhận:', { size: 12, bold: true, italics: true }), ...lines] : [para('')];
  const rightParas = [
    ...(s.authority ? [para(s.authority.toLocaleUpperCase('vi'), { bold: true, align: 'center' })] : []),
    para(s.position.toLocaleUpperCase('vi'), { bold: true, align: 'center' }),
    ...Array.from({ length: 4 }, () => para('')),
    para(s.signerName, { bold: true, align: 'center' }),
  ];
  return new Table({
    width: { size: convertMillimetersToTwip(widthMm), type: WidthType.DXA },
    columnWidths: [convertMillimetersToTwip(left), convertMillimetersToTwip(right)],
    borders: noBorders,
    // One unbreakable row: the signature never lands on a page of its own.
    rows: [new TableRow({ cantSplit: true, children: [cell(leftParas, convertMillimetersToTwip(left)), cell(rightParas, convertMillimetersToTwip(right))] })],
  });
}

/** A bordered table with a header row repeated on every page. */
export function grid(header: string[], rows: string[][], widthsMm: number[], centred: ReadonlySet<number> = new Set()): Table {
  const w = widthsMm.map((x) => convertMillimetersToTwip(x));
  const c = (text: string, i: number, head: boolean) =>
    new TableCell({
      width: { size: w[i]!, type: WidthType.DXA },
      verticalAlign: head ? VerticalAlign.CENTER : VerticalAlign.TOP,
      margins: { top: 40, bottom: 40, left: 60, right: 60 },
      children: text.split('\n').map((t) => para(t, { size: 12, bold: head, align: head || centred.has(i) ? 'center' : 'left' })),
    });
  return new Table({
    width: { size: w.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: w,
    borders: allBorders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => c(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((t, i) => c(t, i, false)) })),
    ],
  });
}

/** The page number centred at the top from page 2 on (the first page has none). */
const pageHeaders = () => ({
  first: new Header({ children: [new Paragraph({})] }),
  default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 28 })] })] }),
});

/** A4 with the decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm). */
export async function writeDocx(file: string, title: string, children: ISectionOptions['children'], landscape = false): Promise<void> {
  const doc = new Document({
    creator: 'Văn thư',
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: 11906, height: 16838, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15), header: convertMillimetersToTwip(10) },
          },
        },
        headers: pageHeaders(),
        children,
      },
    ],
  });
  fs.writeFileSync(file, await Packer.toBuffer(doc));
}

/** Text width of the page in millimetres. */
export const PORTRAIT_MM = 210 - 30 - 15;
export const LANDSCAPE_MM = 297 - 30 - 15;
