/**
 * Working days: Monday to Friday, less public holidays, plus the Saturdays the
 * government sets as make-up working days. The calendar is data so that each
 * year's decisions (days off moved, Tết) can be entered by the office.
 */
import { addDays, format, getDay, parseISO } from 'date-fns';
import { yearDaysOff, type DayAdjustment } from './calendar/holidays';

export interface WorkCalendar {
  /** ISO dates off work (holidays and days moved off). */
  holidays: ReadonlySet<string>;
  /** ISO dates worked although on a weekend (ngày làm bù). */
  makeUpDays: ReadonlySet<string>;
}

export function calendarOf(holidays: Iterable<string>, makeUpDays: Iterable<string> = []): WorkCalendar {
  return { holidays: new Set(holidays), makeUpDays: new Set(makeUpDays) };
}

/** The calendar of the given years: legal holidays (solar and lunar), compensation, and the government's adjustments. */
export function defaultCalendar(fromYear: number, toYear: number, adjustments: readonly DayAdjustment[] = []): WorkCalendar {
  const days: string[] = [];
  for (let y = fromYear; y <= toYear; y++) days.push(...yearDaysOff(y, adjustments).map((h) => h.date));
  return calendarOf(days, adjustments.filter((a) => a.kind === 'work').map((a) => a.date));
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
