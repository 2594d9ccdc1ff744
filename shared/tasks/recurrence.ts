/**
 * Recurring deadlines as the texts write them ("hàng năm trước 30/11",
 * "định kỳ 6 tháng trước 25/6 và hàng năm trước 31/12", "hàng quý", "hàng
 * tháng ngày 20", "thường xuyên") and the occurrences they produce: one per
 * period, each followed on its own.
 */
import { addMonths, endOfMonth, format, parseISO } from 'date-fns';
import { foldVietnamese } from '../text';

export type RecurrenceRule =
  | { freq: 'yearly'; month: number; day: number }
  | { freq: 'semiannual'; month: number; day: number }
  | { freq: 'quarterly'; day: number | null }
  | { freq: 'monthly'; day: number | null };

/** null: a one-off task. rules empty and continuous: "thường xuyên", no deadline. */
export interface Recurrence {
  rules: RecurrenceRule[];
  continuous: boolean;
}

export interface Occurrence {
  /** "2022", "2022-H1", "2022-Q3", "2022-06": unique within a task. */
  periodKey: string;
  /** "Năm 2022", "6 tháng đầu năm 2022", "Quý III/2022", "Tháng 6/2022" */
  periodLabel: string;
  due: string;
}

/** "(trước ngày 25/6)" after a period word, on folded text. */
const DAY_MONTH = String.raw`(?:\(?\s*(?:truoc|cham nhat)\s*(?:ngay\s*)?(\d{1,2})\/(\d{1,2})\s*\)?)?`;

/** "6 tháng đầu năm 2024" is a period, "định kỳ 6 tháng" a recurrence. */
const HALF_YEAR = String.raw`(?:6 thang|sau thang|nua nam)(?!\s+(?:dau|cuoi|qua|toi))`;
/** "chi thường xuyên", "nhiệm vụ thường xuyên" name a kind of spending or work. */
const NOT_CONTINUOUS = /(?:chi|kinh phi|nhiem vu|cong viec|von|ngan sach|hoat dong) thuong xuyen/g;

/** Reads the recurrence of a time text, or null when it sets no repeating deadline. */
export function parseRecurrence(text: string | null | undefined): Recurrence | null {
  if (!text) return null;
  const t = foldVietnamese(text);
  const rules: RecurrenceRule[] = [];
  const dm = (...res: RegExp[]): [number, number] | null => {
    for (const re of res) {
      const m = re.exec(t);
      if (m && m[1] && m[2]) return [Number(m[1]), Number(m[2])];
    }
    return null;
  };
  const dayBefore = (period: string): number | null => {
    const m = new RegExp(String.raw`(?:truoc|cham nhat)\s*(?:ngay\s*)?(\d{1,2})\s+(?:hang|moi) ${period}`).exec(t);
    return m?.[1] ? Number(m[1]) : null;
  };
  if (new RegExp(HALF_YEAR).test(t)) {
    const at = dm(new RegExp(String.raw`${HALF_YEAR}\s*${DAY_MONTH}`));
    rules.push({ freq: 'semiannual', day: at?.[0] ?? 30, month: at?.[1] ?? 6 });
  }
  if (/hang nam|moi nam/.test(t)) {
    const at = dm(
      new RegExp(String.raw`(?:hang nam|moi nam)\s*${DAY_MONTH}`),
      /(?:truoc|cham nhat)\s*(?:ngay\s*)?(\d{1,2})\/(\d{1,2})\s+(?:hang|moi) nam/,
    );
    rules.push({ freq: 'yearly', day: at?.[0] ?? 31, month: at?.[1] ?? 12 });
  }
  if (/hang quy|moi quy|dinh ky (?:theo )?quy/.test(t)) {
    const m = /(?:hang|moi) quy[\s,(]*(?:truoc|cham nhat)?\s*(?:ngay\s*)?(\d{1,2})\b/.exec(t);
    rules.push({ freq: 'quarterly', day: m?.[1] ? Number(m[1]) : dayBefore('quy') });
  }
  if (/hang thang|moi thang|dinh ky (?:theo )?thang/.test(t)) {
    const m = /(?:hang|moi) thang[\s,(]*(?:truoc|cham nhat|vao)?\s*(?:ngay\s*)?(\d{1,2})\b/.exec(t);
    rules.push({ freq: 'monthly', day: m?.[1] ? Number(m[1]) : dayBefore('thang') });
  }
  const continuous = /thuong xuyen/.test(t.replace(NOT_CONTINUOUS, ''));
  if (rules.length === 0 && !continuous) return null;
  return { rules, continuous };
}

export const recurrenceKinds = ['monthly', 'quarterly', 'half-yearly', 'yearly', 'continuous', 'half-yearly+yearly'] as const;
export type RecurrenceKind = (typeof recurrenceKinds)[number];

/** The one word for a recurrence: the most frequent period it repeats on, or "continuous". */
export function recurrenceKind(rec: Recurrence | null): RecurrenceKind | null {
  if (!rec) return null;
  const has = (f: RecurrenceRule['freq']) => rec.rules.some((r) => r.freq === f);
  if (has('monthly')) return 'monthly';
  if (has('quarterly')) return 'quarterly';
  if (has('semiannual')) return has('yearly') ? 'half-yearly+yearly' : 'half-yearly';
  if (has('yearly')) return 'yearly';
  return rec.continuous ? 'continuous' : null;
}

function isoOf(y: number, month: number, day: number): string {
  const last = endOfMonth(new Date(y, month - 1, 1)).getDate();
  return format(new Date(y, month - 1, Math.min(day, last)), 'yyyy-MM-dd');
}

const ROMAN = ['I', 'II', 'III', 'IV'];

function occurrencesOfYear(rec: Recurrence, y: number): Occurrence[] {
  const hasYearly = rec.rules.some((r) => r.freq === 'yearly');
  const out: Occurrence[] = [];
  for (const r of rec.rules) {
    if (r.freq === 'yearly') out.push({ periodKey: `${y}`, periodLabel: `Năm ${y}`, due: isoOf(y, r.month, r.day) });
    if (r.freq === 'semiannual') {
      // "6 tháng trước 25/6 và hàng năm trước 31/12": the yearly report covers the second half.
      const first = r.month <= 6 ? r.month : r.month - 6;
      out.push({ periodKey: `${y}-H1`, periodLabel: `6 tháng đầu năm ${y}`, due: isoOf(y, first, r.day) });
      if (!hasYearly) out.push({ periodKey: `${y}-H2`, periodLabel: `6 tháng cuối năm ${y}`, due: isoOf(y, first + 6, r.day) });
    }
    if (r.freq === 'quarterly') {
      for (let q = 1; q <= 4; q++) {
        out.push({ periodKey: `${y}-Q${q}`, periodLabel: `Quý ${ROMAN[q - 1]}/${y}`, due: isoOf(y, q * 3, r.day ?? 31) });
      }
    }
    if (r.freq === 'monthly') {
      for (let m = 1; m <= 12; m++) {
        out.push({ periodKey: `${y}-${String(m).padStart(2, '0')}`, periodLabel: `Tháng ${m}/${y}`, due: isoOf(y, m, r.day ?? 31) });
      }
    }
  }
  return out;
}

/** Occurrences whose deadline falls in [from, to], in date order, each period once. */
export function occurrencesBetween(rec: Recurrence, from: string, to: string): Occurrence[] {
  const y0 = parseISO(from).getFullYear();
  const y1 = parseISO(to).getFullYear();
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (let y = y0; y <= y1; y++) {
    for (const o of occurrencesOfYear(rec, y)) {
      if (o.due < from || o.due > to || seen.has(o.periodKey)) continue;
      seen.add(o.periodKey);
      out.push(o);
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due) || a.periodKey.localeCompare(b.periodKey));
}

/** How far ahead occurrences are created: the end of next year. */
export function occurrenceHorizon(today: string): string {
  return format(addMonths(new Date(parseISO(today).getFullYear(), 11, 31), 12), 'yyyy-MM-dd');
}

/** "Hàng năm trước 31/12; 6 tháng trước 25/6" — how the rules read back. */
export function describeRecurrence(rec: Recurrence): string {
  const parts = rec.rules.map((r) => {
    if (r.freq === 'yearly') return `Hàng năm trước ${r.day}/${r.month}`;
    if (r.freq === 'semiannual') return `6 tháng trước ${r.day}/${r.month}`;
    if (r.freq === 'quarterly') return r.day ? `Hàng quý trước ngày ${r.day} tháng cuối quý` : 'Hàng quý';
    return r.day ? `Hàng tháng trước ngày ${r.day}` : 'Hàng tháng';
  });
  if (rec.continuous) parts.unshift('Thường xuyên');
  return parts.join('; ');
}
