/**
 * The field reader works on lines of text with their place on the page, the
 * same for every source: a PDF's text layer, a Word file's paragraphs, the
 * words an OCR engine recognised. Coordinates are PDF points from the page's
 * top-left corner; a source without positions gives x = y = w = 0 and the
 * reader falls back on the order of the lines.
 */
export interface TextLine {
  text: string;
  /** 1-based. */
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PageSize {
  width: number;
  height: number;
}

export interface LaidOutText {
  lines: TextLine[];
  pages: PageSize[];
}

/** Words placed on a page (a PDF text item, an OCR word), before they are joined into lines. */
export interface PlacedWord {
  text: string;
  x: number;
  /** Top of the word. */
  y: number;
  w: number;
  h: number;
}

/**
 * Joins words into lines: same baseline, and close enough that they are not
 * the two columns of the header (left agency block, right national motto).
 */
export function wordsToLines(words: readonly PlacedWord[], page: number): TextLine[] {
  const sorted = words.filter((w) => w.text.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextLine[] = [];
  let open: TextLine[] = [];
  for (const word of sorted) {
    const size = Math.max(word.h, 1);
    const line = open.find((l) => Math.abs(l.y - word.y) < size * 0.5 && word.x - (l.x + l.w) < size * 1.2 && word.x + size > l.x);
    if (line) {
      const gap = word.x - (line.x + line.w);
      line.text += (gap > size * 0.12 && !line.text.endsWith(' ') ? ' ' : '') + word.text;
      line.w = Math.max(line.x + line.w, word.x + word.w) - line.x;
      line.h = Math.max(line.h, word.h);
      continue;
    }
    const fresh = { text: word.text, page, x: word.x, y: word.y, w: word.w, h: word.h };
    lines.push(fresh);
    // Only lines near this baseline can still grow.
    open = open.filter((l) => word.y - l.y < size * 0.5);
    open.push(fresh);
  }
  for (const l of lines) l.text = l.text.replace(/\s+/g, ' ').trim();
  return lines.sort((a, b) => a.y - b.y || a.x - b.x);
}

/** Plain recognised lines without positions (OCR text, a pasted letter). */
export function plainLines(text: string): LaidOutText {
  const lines = text
    .split(/\r?\n/)
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .map((t) => ({ text: t, page: 1, x: 0, y: 0, w: 0, h: 0 }));
  return { lines, pages: [{ width: 0, height: 0 }] };
}
