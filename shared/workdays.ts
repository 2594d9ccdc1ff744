/**
 * Working days: Monday to Friday, less public holidays, plus the Saturdays the
 * government sets as make-up working days. The calendar is data so that each
 * year's decisions (days off moved, Tết) can be entered by the office.
 */
import { addDays, format, getDay, parseISO } from 'date-fns';

export interface WorkCalendar {
  /** ISO dates off work (holidays and days moved off). */
  holidays: ReadonlySet<string>;
  /** ISO dates worked although on a weekend (ngày làm bù). */
  makeUpDays: ReadonlySet<string>;
}

/**
 * Solar public holidays of the Labour Code 2019 (art. 112): New Year, 30/4,
 * 1/5, 2/9 and, from 2021, the day before or after it (the government names
 * which each year; 1/9 is the usual choice and can be corrected per year).
 */
export function solarHolidays(year: number): string[] {
  const days = ['01-01', '04-30', '05-01', '09-02'];
  if (year >= 2021) days.push('09-01');
  return days.map((d) => `${year}-${d}`);
}

export function calendarOf(holidays: Iterable<string>, makeUpDays: Iterable<string> = []): WorkCalendar {
  return { holidays: new Set(holidays), makeUpDays: new Set(makeUpDays) };
}

/** A calendar with only the solar holidays of the given years. */
export function defaultCalendar(fromYear: number, toYear: number): WorkCalendar {
  const days: string[] = [];
  for (let y = fromYear; y <= toYear; y++) days.push(...solarHolidays(y));
  return calendarOf(days);
}

export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  if (cal.makeUpDays.has(iso)) return true;
  const dow = getDay(parseISO(iso));
  return dow !== 0 && dow !== 6 && !cal.holidays.has(iso);
}

/** The date n working days after iso (n ≥ 0; 0 gives iso itself). */
export function addWorkingDays(iso: string, n: number, cal: WorkCalendar): string {
  let d = parseISO(iso);
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(format(d, 'yyyy-MM-dd'), cal)) left--;
  }
  return format(d, 'yyyy-MM-dd');
}

/** Working days in (from, to]; negative when to is before from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let d = addDays(parseISO(from), 1); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) {
    if (isWorkingDay(format(d, 'yyyy-MM-dd'), cal)) n++;
  }
  return n;
}
