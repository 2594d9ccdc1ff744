/** Dates travel and are stored as ISO YYYY-MM-DD text; people see dd/mm/yyyy. */
import { format, isValid, parse } from 'date-fns';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = parse(s, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

export function toIsoDate(d: Date): string {
  return format(d, 'yyyy-MM-dd');
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
