/**
 * Vietnamese text helpers. Unicode does not decompose đ/Đ, so folding strips
 * the combining marks and then maps đ by hand.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
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
