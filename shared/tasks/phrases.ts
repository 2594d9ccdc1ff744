/** Dates, deadlines, periods and cited documents as Vietnamese official texts write them. */
import { isIsoDate } from '../dates';

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

/** The year of the document: its date line "…, ngày … tháng 6 năm 2021", else the first year named. */
export function documentYear(text: string): number | null {
  const head = text.slice(0, 3000);
  const dateLine = /ngày[\s.…]*(?:\d{1,2})?[\s.…]*tháng[\s.…]*(?:\d{1,2})?[\s.…]*năm\s+((?:19|20)\d{2})/i.exec(head);
  const any = /\b((?:19|20)\d{2})\b/.exec(head);
  const y = dateLine?.[1] ?? any?.[1];
  return y ? Number(y) : null;
}

const DEADLINE = /(?:trước|chậm nhất(?: là)?|hạn chót|không quá)\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/gi;

/**
 * The deadline a text sets: the last "trước 25/6/2021" / "trước ngày 31/12"
 * (the year from the document when the text leaves it out). Dates after
 * "ngày" alone are the dates of cited documents, not deadlines.
 */
export function deadlineIn(text: string, year: number | null): string | null {
  let found: string | null = null;
  for (const m of text.matchAll(DEADLINE)) {
    const y = m[3] ? Number(m[3]) : year;
    if (y === null) continue;
    found = iso(y, Number(m[2]), Number(m[1])) ?? found;
  }
  return found;
}

/** Number/notation of a cited document: 59/QĐ-UBND, 155/2016/NĐ-CP, 19-NQ/TW, 1237/UBND-CN. */
const NOTATION = /(?<![\p{L}\d/])(\d{1,5}(?:\/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9&]*(?:[/-][A-ZĐ][A-Za-zĐđ0-9&]*)*)/gu;
const CITED_DATE = /(?<!trước |trước ngày )ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/g;
const CITED_LONG_DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/g;

function pad(n: string): string {
  return n.padStart(2, '0');
}

/** Cited documents and their dates in the order they appear, each once. */
export function citedReferences(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const m of text.matchAll(NOTATION)) {
    if (m[1]!.includes('/')) found.push({ at: m.index, value: m[1]! });
  }
  for (const m of text.matchAll(CITED_DATE)) found.push({ at: m.index, value: `${pad(m[1]!)}/${pad(m[2]!)}/${m[3]}` });
  for (const m of text.matchAll(CITED_LONG_DATE)) found.push({ at: m.index, value: `${pad(m[1]!)}/${pad(m[2]!)}/${m[3]}` });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.value))];
}

const PERIOD_WORD = '(?:hàng|hằng)\\s+(?:năm|quý|tháng|tuần)|6 tháng|sáu tháng|quý|tháng';
const WHEN = '\\s*\\((?:trước|chậm nhất|trước ngày)[^)]*\\)';
const PERIODIC = new RegExp(
  `(?:Định kỳ|định kỳ)\\s+(?:${PERIOD_WORD})(?:${WHEN})?(?:\\s*(?:,|và)\\s*(?:${PERIOD_WORD})(?:${WHEN})?)*`,
  'u',
);

/** "Định kỳ 6 tháng (trước ngày 25/6), hàng năm (trước ngày 31/12)" as written, or null. */
export function periodicPhrase(text: string): string | null {
  return PERIODIC.exec(text)?.[0].replace(/[\s,]+$/, '') ?? null;
}
