/** The document's year and the documents it cites, as Vietnamese official texts write them. */

/** The year of the document: its date line "…, ngày … tháng 6 năm 2021", else the first year named. */
export function documentYear(text: string): number | null {
  const head = text.slice(0, 3000);
  const dateLine = /ngày[\s.…]*(?:\d{1,2})?[\s.…]*tháng[\s.…]*(?:\d{1,2})?[\s.…]*năm\s+((?:19|20)\d{2})/i.exec(head);
  const any = /\b((?:19|20)\d{2})\b/.exec(head);
  const y = dateLine?.[1] ?? any?.[1];
  return y ? Number(y) : null;
}

/** Number/notation of a cited document: 59/QĐ-UBND, 155/2016/NĐ-CP, 19-NQ/TW, 1237/UBND-CN. */
const NOTATION = /(?<![\p{L}\d/])(\d{1,5}(?:\/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9&]*(?:[/-][A-ZĐ][A-Za-zĐđ0-9&]*)*)/gu;

/** Cited documents' numbers and notations in the order they appear, each once. */
export function citedReferences(text: string): string[] {
  const found = [...text.matchAll(NOTATION)].map((m) => m[1]!).filter((n) => n.includes('/'));
  return [...new Set(found)];
}

/** Every document the text cites (footnotes and subject included), without its own number from the "Số:" line. */
export function documentReferences(text: string, ownNotation: string | null): string[] {
  return citedReferences(text).filter((n) => n !== ownNotation);
}
