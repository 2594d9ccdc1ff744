/** Cell values of clerks' sheets: text, numbers as text, dates in many spellings. */
import { isIsoDate } from '../../../shared/dates';

/** Excel's day 0 in its 1900 date system (which counts a 29/02/1900 that never was). */
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function isoFromParts(y: number, m: number, d: number): string | null {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export function excelSerialToIso(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  const d = new Date(EXCEL_EPOCH_UTC + Math.floor(n) * 86400000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The visible text of a cell: rich text, formula results, hyperlinks, numbers. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return cellText(o.richText.map((r) => r.text).join(''));
    if ('result' in o) return cellText(o.result);
    if ('text' in o) return cellText(o.text);
  }
  return '';
}

/**
 * A date as clerks write it: a real date cell, an Excel serial number (also
 * stored as text), or text day-first: 5/9/2022, 05-09-2022, 05.09.2022,
 * 5/9/22; or ISO 2022-09-05. null when empty, 'invalid' when not a date.
 */
export function parseSheetDate(v: unknown): string | null | 'invalid' {
  if (v instanceof Date) {
    // exceljs gives date cells as UTC midnight.
    if (Number.isNaN(v.getTime())) return 'invalid';
    return isoFromParts(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) ?? 'invalid';
  }
  if (typeof v === 'number') return excelSerialToIso(v) ?? 'invalid';
  const t = cellText(v);
  if (t === '') return null;
  if (/^\d{4,6}(\.0+)?$/.test(t)) return excelSerialToIso(Number(t)) ?? 'invalid';
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (m[3]!.length === 2) y += y >= 70 ? 1900 : 2000;
    return isoFromParts(y, Number(m[2]), Number(m[1])) ?? 'invalid';
  }
  return 'invalid';
}

/** A whole number, also when stored as text ("12", " 12 ", "12.0"). */
export function parseSheetInt(v: unknown): number | null | 'invalid' {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : 'invalid';
  const t = cellText(v);
  if (t === '') return null;
  return /^\d+(\.0+)?$/.test(t) ? Number.parseInt(t, 10) : 'invalid';
}
