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

/**
 * Each day's successor and weekday, computed once: deadlines walk the
 * calendar a day at a time, and parsing and formatting every step was a
 * large part of registering. Bounded: dates of a few decades are a few
 * thousand entries.
 */
const following = new Map<string, { next: string; weekend: boolean }>();

function dayOf(iso: string): { next: string; weekend: boolean } {
  let found = following.get(iso);
  if (!found) {
    const d = parseISO(iso);
    const dow = getDay(d);
    found = { next: format(addDays(d, 1), 'yyyy-MM-dd'), weekend: dow === 0 || dow === 6 };
    if (following.size >= 100_000) following.clear();
    following.set(iso, found);
  }
  return found;
}

export function isWorkingDay(iso: string, cal: WorkCalendar): boolean {
  if (cal.makeUpDays.has(iso)) return true;
  return !dayOf(iso).weekend && !cal.holidays.has(iso);
}

/** The date n working days after iso (n ≥ 0; 0 gives iso itself). */
export function addWorkingDays(iso: string, n: number, cal: WorkCalendar): string {
  let d = format(parseISO(iso), 'yyyy-MM-dd');
  let left = n;
  while (left > 0) {
    d = dayOf(d).next;
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}

/** Working days in (from, to]; negative when to is before from. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, cal);
  let n = 0;
  for (let d = dayOf(format(parseISO(from), 'yyyy-MM-dd')).next; d <= to; d = dayOf(d).next) {
    if (isWorkingDay(d, cal)) n++;
  }
  return n;
}
