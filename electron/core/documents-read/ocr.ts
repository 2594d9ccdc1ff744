/**
 * OCR of scans in Vietnamese, offline: tesseract.js runs in a worker thread
 * with the trained data of the @tesseract.js-data/vie package read from disk
 * (never a download: a local langPath is read with fs, the wasm core is
 * required from tesseract.js-core, and nothing is cached elsewhere). Each
 * page is straightened first by tesseract's own skew estimate (rotateAuto
 * rotates the image by the angle of its text lines). The words come back
 * with their boxes, so the field reader sees the header's columns as on a
 * born-digital PDF.
 */
import path from 'node:path';
import vie from '@tesseract.js-data/vie';
import { createWorker, OEM, type Page, type Worker } from 'tesseract.js';
import { AppError } from '../../../shared/api/errors';
import type { Job } from '../jobs';
import { wordsToLines, type LaidOutText, type PageSize, type PlacedWord } from './lines';

/** Worker options that keep tesseract.js on this machine. */
export function ocrOptions() {
  return {
    langPath: path.join(path.dirname(vie.langPath), '4.0.0_best_int'),
    gzip: true,
    cacheMethod: 'none',
    legacyCore: false,
    legacyLang: false,
  } as const;
}

export interface OcrImage {
  /** An image file's bytes (JPEG, PNG, TIFF, PGM) as tesseract's leptonica reads them. */
  bytes: Buffer;
  /** Pixels; 0 when unknown (a TIFF), and then the columns are not read apart. */
  width: number;
  height: number;
  /** The page in PDF points; null for a bare image (its size is told from the words). */
  size: PageSize | null;
}

export interface OcrResult extends LaidOutText {
  text: string;
}

/** Marks of a seal or a stamp read as letters: nothing a clerk registers. */
const noise = (w: { text: string; confidence: number }) => (!/[\p{L}\p{Nd}]/u.test(w.text) && w.text.length < 3 && w.confidence < 60) || (w.text.length === 1 && w.confidence < 70);

const DATE_LINE = /ng[àa]y\s*\d{1,2}.*n[ăa]m\s*\d{4}/iu;

const SIGNATURE_START = /^(n[ơo]i nh[ậa]n|(KT|TM|TL|TUQ)\s?\.)/iu;

/** Where the signature block's columns ("Nơi nhận" left, the signer right) begin, in image pixels. */
function signatureTop(page: Page): number | null {
  const lines = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  const words = lines.flatMap((l) => l.words);
  const first = words.filter((w) => SIGNATURE_START.test(w.text.normalize('NFC')) || /^n[ơo]i$/iu.test(w.text)).sort((a, b) => a.bbox.y0 - b.bbox.y0)[0];
  return first ? Math.max(0, first.bbox.y0 - 4) : null;
}

/**
 * Where the header's two columns end, in image pixels: the first line under
 * the place-and-date line that crosses the middle of the page ("Kính gửi",
 * the type name). Null when there is no date line on the page.
 */
function headerBottom(page: Page, width: number): number | null {
  const lines = (page.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines)).sort((a, b) => a.bbox.y0 - b.bbox.y0);
  const date = lines.find((l) => DATE_LINE.test(l.text));
  if (!date) return null;
  const mid = width / 2;
  const crossing = lines.find((l) => l.bbox.y0 > date.bbox.y1 && l.bbox.x0 < mid - width * 0.05 && l.bbox.x1 > mid + width * 0.05);
  return crossing ? crossing.bbox.y0 - 2 : null;
}

function placedWords(page: Page, scale: number): PlacedWord[] {
  const out: PlacedWord[] = [];
  for (const block of page.blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        // One height and top for the line's words: diacritics make each word's own box uneven.
        const top = line.bbox.y0 * scale;
        const h = (line.bbox.y1 - line.bbox.y0) * scale;
        for (const w of line.words) {
          if (noise(w)) continue;
          out.push({ text: w.text, x: w.bbox.x0 * scale, y: top, w: (w.bbox.x1 - w.bbox.x0) * scale, h });
        }
      }
    }
  }
  return out;
}

/** Pages (a scanned PDF's images, or one image) to lines; job ticks run 0..100 per page. */
export async function recognisePages(pages: AsyncIterable<OcrImage | null>, job: Job, pageCount: number): Promise<OcrResult> {
  let worker: Worker | null = null;
  let stop: (e: unknown) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  // A cancel ends the worker mid-page, so its pending promise may never settle: the race answers.
  stopped.catch(() => undefined);
  let base = 0;
  let shown = -1;
  const logger = (m: { status: string; progress: number }) => {
    if (m.status !== 'recognizing text') return;
    const done = base + Math.round(m.progress * 100);
    if (done === shown) return;
    shown = done;
    job.tick(done).catch((e: unknown) => {
      void worker?.terminate();
      stop(e);
    });
  };
  const out: OcrResult = { lines: [], pages: [], text: '' };
  try {
    await job.tick(0);
    worker = await Promise.race([createWorker('vie', OEM.LSTM_ONLY, { ...ocrOptions(), logger }), stopped]);
    let n = 0;
    for await (const img of pages) {
      n++;
      base = (n - 1) * 100;
      await job.tick(base);
      if (!img) {
        out.pages.push({ width: 0, height: 0 });
        continue;
      }
      const w: Worker = worker;
      const r = await Promise.race([w.recognize(img.bytes, { rotateAuto: true }, { text: true, blocks: true }), stopped]);
      const scale = img.size ? img.size.width / img.width : 1;
      let words = placedWords(r.data, scale);
      // The header's columns read apart: read as one, "Số: …" on the left and the date on the right share a line and the left half is lost.
      // So do the signature block's: the signer's position beside "Nơi nhận" is lost as well.
      const half = Math.round(img.width / 2);
      const rotateRadians = r.data.rotateRadians ?? 0;
      const apart = async (top: number, bottom: number) => {
        const column = (left: number) => Promise.race([w.recognize(img.bytes, { rotateRadians, rectangle: { left, top, width: half, height: bottom - top } }, { blocks: true }), stopped]);
        const [left, right] = [await column(0), await column(half)];
        words = [...placedWords(left.data, scale), ...placedWords(right.data, scale), ...words.filter((x) => x.y + x.h / 2 < top * scale || x.y + x.h / 2 >= bottom * scale)];
      };
      const bottom = img.width ? headerBottom(r.data, img.width) : null;
      if (bottom !== null) await apart(0, bottom);
      const signature = img.width ? signatureTop(r.data) : null;
      if (signature !== null && (bottom === null || signature > bottom)) await apart(signature, img.height);
      // A bare image has no page size: its margins are taken as even.
      out.pages.push(img.size ?? { width: words.length ? Math.max(...words.map((w) => w.x + w.w)) + Math.min(...words.map((w) => w.x)) : 0, height: 0 });
      out.lines.push(...wordsToLines(words, n));
      out.text += `${r.data.text.trim()}\n\n`;
    }
    await job.tick(pageCount * 100);
    out.text = out.text.trim();
    return out;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INTERNAL', `Không nhận dạng được chữ trên bản quét: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    await worker?.terminate().catch(() => undefined);
  }
}
