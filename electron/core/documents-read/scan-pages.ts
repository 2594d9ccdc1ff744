/**
 * The page images of a scanned PDF. A scanner writes one JPEG (or Flate)
 * image per page; pdf.js decodes it, so no page is rendered and no canvas is
 * needed. The largest image of a page is the page.
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { PageSize } from './lines';
import { pdfjs } from './pdfjs';

export interface PageImage {
  /** PGM (P5) bytes: tesseract's leptonica reads them without a codec. */
  pgm: Buffer;
  width: number;
  height: number;
  /** The page in PDF points, to place the recognised words as the text reader places its own. */
  size: PageSize;
}

interface DecodedImage {
  width: number;
  height: number;
  /** pdf.js ImageKind: 1 grey 1 bit, 2 RGB, 3 RGBA. */
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

const isDecoded = (v: unknown): v is DecodedImage => typeof v === 'object' && v !== null && 'width' in v && 'height' in v && 'data' in v && 'kind' in v;

function objectOf(page: PDFPageProxy, name: string): Promise<unknown> {
  const objs = name.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => objs.get(name, resolve));
}

/**
 * Grey from the brightest channel: black print stays black, while the red
 * "ĐẾN" stamp, the seal and blue handwriting over the text turn pale, so
 * they do not break the words under them.
 */
function toPgm(img: DecodedImage): Buffer {
  const { width, height, kind, data } = img;
  const out = Buffer.alloc(width * height);
  if (kind === 1) {
    const stride = (width + 7) >> 3;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) out[y * width + x] = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
  } else {
    const step = kind === 3 ? 4 : 3;
    for (let p = 0, q = 0; p < out.length; p++, q += step) out[p] = Math.max(data[q]!, data[q + 1]!, data[q + 2]!);
  }
  clearRules(out, width, height);
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1'), out]);
}

const DARK = 140;

/**
 * Whitens long horizontal strokes: the short rule under the issuing agency,
 * the motto's underline, a box drawn round MẬT or KHẨN. Tesseract takes a
 * rule touching the line under it for a picture and loses that line ("Số:").
 * A letter's stroke is never a twentieth of the page wide.
 */
function clearRules(grey: Buffer, width: number, height: number): void {
  const long = Math.max(40, Math.round(width / 20));
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const dark = x < width && grey[row + x]! < DARK;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        if (x - start >= long) grey.fill(255, row + start, row + x);
        start = -1;
      }
    }
  }
}

/** A PNG's or JPEG's size in pixels, from its header; 0 × 0 for another format (TIFF). */
export function imageSize(b: Buffer): { width: number; height: number } {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length; ) {
      if (b[i] !== 0xff) break;
      const marker = b[i + 1]!;
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 and CC are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      i += 2 + b.readUInt16BE(i + 2);
    }
  }
  return { width: 0, height: 0 };
}

export async function* scanPages(data: Buffer): AsyncGenerator<PageImage | null> {
  const { getDocument, OPS } = await pdfjs();
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, useSystemFonts: false, verbosity: 0, disableFontFace: true }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const view = page.getViewport({ scale: 1 });
      const ops = await page.getOperatorList();
      let best: DecodedImage | null = null;
      for (let i = 0; i < ops.fnArray.length; i++) {
        if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
        const name: unknown = (ops.argsArray[i] as unknown[])[0];
        const img = typeof name === 'string' ? await objectOf(page, name) : null;
        if (isDecoded(img) && (!best || img.width * img.height > best.width * best.height)) best = img;
      }
      yield best ? { pgm: toPgm(best), width: best.width, height: best.height, size: { width: view.width, height: view.height } } : null;
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}
