/**
 * Vietnamese text helpers. Unicode does not decompose đ/Đ, so folding strips
 * the combining marks and then maps đ by hand.
 */

/** The definition of folding, on a whole string. */
function foldWhole(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const SPACE = ' ';
const foldOne = (ch: string): string => ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
const OTHER_MARK = /[^\P{M}\u0300-\u036f]/u;

/**
 * One character's fold, or null when it must be folded with its neighbours:
 * a mark that canonical ordering may move, a character that decomposes to
 * one, a surrogate, or capital sigma (lower-cased by its place in a word).
 */
function charFold(code: number): string | null {
  if ((code >= 0xd800 && code <= 0xdfff) || code === 0x03a3) return null;
  const ch = String.fromCharCode(code);
  if (/\s/.test(ch)) return SPACE;
  if (OTHER_MARK.test(ch.normalize('NFD'))) return null;
  return foldOne(ch);
}

/** The characters of Vietnamese text (Latin, its marks, Latin Extended Additional), folded once. */
const LATIN = Array.from({ length: 0x370 }, (_, c) => charFold(c));
const VIETNAMESE = Array.from({ length: 0x100 }, (_, c) => charFold(0x1e00 + c));
const others = new Map<number, string | null>();

/**
 * foldWhole, a character at a time from tables: the normalize and regular
 * expressions cost most of a search's scoring, which folds every column of
 * hundreds of documents. Where a character needs its neighbours, the whole
 * string is folded by the definition.
 */
export function foldVietnamese(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    let f: string | null | undefined;
    if (code < 0x370) f = LATIN[code];
    else if (code >= 0x1e00 && code < 0x1f00) f = VIETNAMESE[code - 0x1e00];
    else {
      f = others.get(code);
      if (f === undefined) others.set(code, (f = charFold(code)));
    }
    if (f === null || f === undefined) return foldWhole(s);
    if (f === SPACE) pendingSpace = out.length > 0;
    else if (f.length > 0) {
      if (pendingSpace) out += SPACE;
      pendingSpace = false;
      out += f;
    }
  }
  return out;
}

/**
 * Order of ISO dates and times (text that sorts as it reads): a plain
 * comparison, where localeCompare would ask the collator on every pair of a
 * search window's sort.
 */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortByVi<T>(items: readonly T[], key: (t: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(key(a), key(b)));
}

/**
 * Where the words of a query occur in a text, compared without diacritics
 * (đ included) or case: [start, end) ranges over the original text, merged.
 * "dat dai" in "Quản lý đất đai" → the ranges of "đất" and "đai".
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const words = foldVietnamese(query)
    .split(/[^\p{L}\p{Nd}]+/u)
    .filter((w) => w.length > 0);
  if (words.length === 0) return [];
  // Fold character by character, remembering where each folded char came from.
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = text[i]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    for (const ch of f) {
      folded += ch;
      origin.push(i);
    }
  }
  const ranges: [number, number][] = [];
  for (const w of words) {
    for (let at = folded.indexOf(w); at >= 0; at = folded.indexOf(w, at + w.length)) {
      let end = origin[at + w.length - 1]! + 1;
      // Keep combining marks (NFD text) with their letter.
      while (end < text.length && /[\u0300-\u036f]/.test(text[end]!)) end++;
      ranges.push([origin[at]!, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * "Tên loại và trích yếu": the type name, then the subject — unless the
 * subject already begins with the type name ("Báo cáo kết quả…").
 */
export function typeAndSubject(typeName: string | null | undefined, subject: string): string {
  if (!typeName) return subject;
  return foldVietnamese(subject).startsWith(foldVietnamese(typeName)) ? subject : `${typeName}: ${subject}`;
}
