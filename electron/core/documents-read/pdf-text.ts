/**
 * The text layer of a born-digital PDF with positions, by pdf.js (pdfjs.ts).
 * A PDF without text on its first page is a scan: OCR's business, not this
 * reader's.
 */
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { AppError } from '../../../shared/api/errors';
import { wordsToLines, type LaidOutText, type PlacedWord } from './lines';
import { pdfjs } from './pdfjs';

export interface PdfText extends LaidOutText {
  pageCount: number;
  /** Whether the pages carry a text layer worth reading (else it is a scan). */
  hasText: boolean;
}

const isTextItem = (i: unknown): i is TextItem => typeof i === 'object' && i !== null && 'str' in i && 'transform' in i;

export async function readPdfText(data: Buffer): Promise<PdfText> {
  let doc;
  try {
    const { getDocument } = await pdfjs();
    doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0, disableFontFace: true }).promise;
  } catch (e) {
    throw new AppError('VALIDATION', `Tệp PDF hỏng hoặc không đọc được: ${e instanceof Error ? e.message : String(e)}`, [{ path: 'fileId', message: 'Tệp PDF hỏng hoặc không đọc được.' }]);
  }
  try {
    const out: PdfText = { lines: [], pages: [], pageCount: doc.numPages, hasText: false };
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      out.pages.push({ width: view.width, height: view.height });
      const content = await page.getTextContent();
      const words: PlacedWord[] = [];
      for (const item of content.items) {
        if (!isTextItem(item) || item.str.trim() === '') continue;
        const h = Math.abs(item.transform[3] ?? item.height) || item.height;
        // PDF y grows upwards from the baseline; lines are kept top-down.
        const top = view.height - (item.transform[5] ?? 0) - h * 0.8;
        words.push({ text: item.str, x: item.transform[4] ?? 0, y: top, w: item.width, h });
        chars += item.str.trim().length;
      }
      out.lines.push(...wordsToLines(words, n));
      page.cleanup();
    }
    // A scan may carry a stray word (a stamp's text); a letter has hundreds of characters.
    out.hasText = chars >= 40 * doc.numPages || chars >= 200;
    return out;
  } finally {
    await doc.destroy();
  }
}
