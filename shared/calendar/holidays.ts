/**
 * Public holidays of the Labour Code 2019 (art. 112) for public servants, and
 * the compensating days off when a holiday falls on a weekend (art. 111). The
 * government still moves days each year (a Tết week starting earlier, a Monday
 * swapped for a Saturday): those decisions are per-year adjustments the office
 * can edit, applied on top of what is computed here.
 */
import { addDays, format, getDay, parseISO } from 'date-fns';
import { lunarToSolar, tetDate } from './lunar';

export interface Holiday {
  date: string;
  name: string;
}

/** A government decision for one day: a day off, or a working day (ngày làm bù). */
export interface DayAdjustment {
  date: string;
  kind: 'off' | 'work';
  note: string | null;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const shift = (day: string, n: number) => iso(addDays(parseISO(day), n));
const isWeekend = (day: string) => {
  const dow = getDay(parseISO(day));
  return dow === 0 || dow === 6;
};

/**
 * The day beside 2/9: the one that joins the weekend (Monday → 3/9 would leave a
 * gap, so Tuesday takes 1/9 and Monday takes 3/9), as the government chose in
 * 2021–2025.
 */
function nationalDayCompanion(year: number): string {
  const dow = getDay(parseISO(`${year}-09-02`));
  return [1, 4, 0].includes(dow) ? `${year}-09-03` : `${year}-09-01`;
}

/** The holidays themselves, before compensation. */
export function legalHolidays(year: number): Holiday[] {
  const tet = tetDate(year);
  const days: Holiday[] = [
    { date: `${year}-01-01`, name: 'Tết Dương lịch' },
    { date: shift(tet, -1), name: 'Tết Nguyên đán (ngày cuối năm âm lịch)' },
    ...[0, 1, 2, 3].map((n) => ({ date: shift(tet, n), name: `Tết Nguyên đán (mùng ${n + 1})` })),
    { date: lunarToSolar(10, 3, year) ?? '', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: `${year}-04-30`, name: 'Ngày Chiến thắng' },
    { date: `${year}-05-01`, name: 'Ngày Quốc tế lao động' },
    { date: `${year}-09-02`, name: 'Quốc khánh' },
  ];
  if (year >= 2021) days.push({ date: nationalDayCompanion(year), name: 'Quốc khánh (ngày liền kề)' });
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** A year's holidays depend on the year alone; every deadline asks for a few years of them. */
const computedYears = new Map<number, readonly Holiday[]>();

/** Holidays with their compensating days off: each weekend holiday moves to the next free working day. */
export function holidaysWithCompensation(year: number): Holiday[] {
  let found = computedYears.get(year);
  if (!found) {
    found = computeCompensation(year);
    computedYears.set(year, found);
  }
  return found.map((h) => ({ ...h }));
}

function computeCompensation(year: number): Holiday[] {
  const days = legalHolidays(year);
  const taken = new Set(days.map((d) => d.date));
  const out = [...days];
  for (const h of days) {
    if (!isWeekend(h.date)) continue;
    let d = shift(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = shift(d, 1);
    taken.add(d);
    out.push({ date: d, name: `Nghỉ bù ${h.name}` });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The year's days off as the office sees them: computed holidays, less those the
 * government turned into working days, plus the extra days off it set.
 */
export function yearDaysOff(year: number, adjustments: readonly DayAdjustment[]): Holiday[] {
  const mine = adjustments.filter((a) => a.date.startsWith(`${year}-`));
  const worked = new Set(mine.filter((a) => a.kind === 'work').map((a) => a.date));
  const off = holidaysWithCompensation(year).filter((h) => !worked.has(h.date));
  const have = new Set(off.map((h) => h.date));
  for (const a of mine) if (a.kind === 'off' && !have.has(a.date)) off.push({ date: a.date, name: a.note ?? 'Ngày nghỉ theo quyết định của Chính phủ' });
  return off.sort((a, b) => a.date.localeCompare(b.date));
}
