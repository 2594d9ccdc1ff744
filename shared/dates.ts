/** Dates travel and are stored as ISO YYYY-MM-DD text; people see dd/mm/yyyy. */
import { getDaysInMonth } from 'date-fns';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Read from the text's digits, not by parsing and formatting it back: every
 * date shown in a register (20,000 rows a year, several dates each) passes
 * here, and date-fns's parser was a third of a year's Excel export.
 */
export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // setFullYear, since new Date(y, …) reads years 0–99 as 1900–1999.
  const first = new Date(2000, 0, 1);
  first.setFullYear(year, month - 1, 1);
  return day <= getDaysInMonth(first);
}

/**
 * The local day of a moment, as date-fns's format(d, 'yyyy-MM-dd') gives it:
 * every call asks for today several times (statuses, due dates), and the
 * formatter was a few per cent of a demo year's writes.
 */
export function toIsoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError('Invalid time value');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "2022-09-05" → "05/09/2022"; anything else is shown as it is. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  if (!isIsoDate(iso)) return iso;
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The date line of a document: "ngày 05 tháng 01 năm 2020" (day < 10 and months 1, 2 padded). */
export function dateLineVi(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `ngày ${String(d).padStart(2, '0')} tháng ${month} năm ${y}`;
}

/** Vietnamese grouping: 1692 → "1.692". */
export function formatNumberVi(n: number): string {
  return new Intl.NumberFormat('vi-VN').format(n);
}

/** A count that may have stopped at a cap: "1.000", or "hơn 1.000" when more were found. */
export function countVi(n: number, exact: boolean): string {
  return exact ? formatNumberVi(n) : `hơn ${formatNumberVi(n)}`;
}

/** Day, month and year as typed (5/9/2022, 05-09-2022, 05.09.2022, 05092022, 5/9, ISO), whether or not such a day exists. */
export function splitDateVi(text: string, today: string): { d: number; m: number; y: number } | null {
  const t = text.trim();
  let g = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (g) return { d: Number(g[3]), m: Number(g[2]), y: Number(g[1]) };
  if ((g = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(t))) {
    const y = g[3] ? Number(g[3]) + (g[3].length === 2 ? 2000 : 0) : Number(today.slice(0, 4));
    return { d: Number(g[1]), m: Number(g[2]), y };
  }
  if ((g = /^(\d{2})(\d{2})(\d{4})$/.exec(t))) return { d: Number(g[1]), m: Number(g[2]), y: Number(g[3]) };
  return null;
}

/**
 * A date typed the Vietnamese way, day first: 5/9/2022, 05-09-2022, 05.09.2022,
 * 05092022, or 5/9 (this year, from `today`). ISO text passes through. null if
 * it is not a real date.
 */
export function parseDateVi(text: string, today: string): string | null {
  const p = splitDateVi(text, today);
  if (!p) return null;
  const iso = `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
