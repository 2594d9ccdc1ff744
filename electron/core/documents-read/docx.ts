/**
 * Lines of a Word document for the field reader. Word has no positions, but
 * a letter's header and signature are tables of two columns: each cell's
 * paragraphs are placed in their column, paragraphs outside tables across the
 * page (centred ones in the middle), one line-height apart, so the reader's
 * column and gap rules apply as on a PDF.
 */
import { XMLParser } from 'fast-xml-parser';
import { wordDocumentXml } from '../docx-text';
import type { LaidOutText, TextLine } from './lines';

const WIDTH = 595;
const STEP = 14;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false });

type Ordered = Record<string, unknown>;
const children = (n: Ordered, tag: string): Ordered[] => (Array.isArray(n[tag]) ? (n[tag] as Ordered[]) : []);
const tagOf = (n: Ordered) => Object.keys(n).find((k) => k !== ':@') ?? '';
const attr = (n: Ordered, name: string) => {
  const a = n[':@'];
  return typeof a === 'object' && a !== null ? (a as Record<string, unknown>)[name] : undefined;
};

function textOf(nodes: Ordered[]): string {
  let out = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') out += String(n['#text']);
    else if (tag === 'w:tab' || tag === 'w:br') out += ' ';
    else if (tag !== 'w:pPr' && tag !== 'w:rPr' && tag !== 'w:instrText') out += textOf(children(n, tag));
  }
  return out;
}

function alignment(p: Ordered): string {
  const pPr = children(p, 'w:p').find((n) => tagOf(n) === 'w:pPr');
  const jc = pPr ? children(pPr, 'w:pPr').find((n) => tagOf(n) === 'w:jc') : undefined;
  return jc ? String(attr(jc, '@w:val') ?? '') : '';
}

export async function readDocxLines(data: Buffer): Promise<LaidOutText> {
  const xml = await wordDocumentXml(data, 'fileId');
  const root = (parser.parse(xml) as Ordered[]).find((n) => tagOf(n) === 'w:document');
  const body = root ? children(root, 'w:document').find((n) => tagOf(n) === 'w:body') : undefined;
  const lines: TextLine[] = [];
  let y = 40;
  const put = (p: Ordered, x: number, w: number, at: number) => {
    const text = textOf(children(p, 'w:p')).replace(/\s+/g, ' ').trim();
    if (text) lines.push({ text, page: 1, x, y: at, w, h: 12 });
  };
  for (const block of body ? children(body, 'w:body') : []) {
    const tag = tagOf(block);
    if (tag === 'w:p') {
      const centred = alignment(block) === 'center';
      put(block, centred ? WIDTH / 2 - 150 : 85, centred ? 300 + 2 : 300, y);
      y += STEP;
    } else if (tag === 'w:tbl') {
      for (const row of children(block, 'w:tbl').filter((n) => tagOf(n) === 'w:tr')) {
        const cells = children(row, 'w:tr').filter((n) => tagOf(n) === 'w:tc');
        let tallest = 0;
        cells.forEach((cell, c) => {
          const paragraphs = children(cell, 'w:tc').filter((n) => tagOf(n) === 'w:p');
          paragraphs.forEach((p, k) => put(p, (WIDTH / cells.length) * c + 10, WIDTH / cells.length - 20, y + k * STEP));
          tallest = Math.max(tallest, paragraphs.length);
        });
        y += tallest * STEP;
      }
    }
  }
  return { lines: lines.sort((a, b) => a.y - b.y || a.x - b.x), pages: [{ width: WIDTH, height: Math.max(842, y) }] };
}
