/** The office's working-day calendar: computed holidays plus the adjustments stored per day. */
import type { DayAdjustment } from '../../../shared/calendar/holidays';
import { yearDaysOff } from '../../../shared/calendar/holidays';
import { defaultCalendar, type WorkCalendar } from '../../../shared/workdays';
import type { CalendarYear } from '../../../shared/api/calendar';
import type { DatabaseTarget } from '../../../db/engine';
import type { CallContext, HandlerMap } from '../context';

export async function loadAdjustments(ctx: Pick<CallContext, 'stores'>): Promise<DayAdjustment[]> {
  return ctx.stores.calendar.adjustments();
}

/**
 * Working calendars already computed, per database (the core's target object)
 * and year span, with the version of the adjustments they were made from.
 * Every deadline asked for the calendar, and computing a few years of lunar
 * holidays was a tenth of a year's demo build. The version is read on every
 * use (one row: count and latest updated_at of calendar_days), so a change
 * made by another server on the same PostgreSQL is seen at its next call;
 * this server's own changes also drop the cache at once (calendar.setDay).
 */
const computed = new WeakMap<DatabaseTarget, { version: string; calendars: Map<string, WorkCalendar> }>();

export function forgetCalendars(ctx: Pick<CallContext, 'database'>): void {
  computed.delete(ctx.database);
}

/** Working days for the years around the given dates (a year either side covers deadlines that cross New Year). */
export async function loadCalendar(ctx: Pick<CallContext, 'stores' | 'database'>, fromYear: number, toYear: number): Promise<WorkCalendar> {
  const version = await ctx.stores.calendar.version();
  let kept = computed.get(ctx.database);
  if (!kept || kept.version !== version) {
    kept = { version, calendars: new Map() };
    computed.set(ctx.database, kept);
  }
  const key = `${fromYear}-${toYear}`;
  const found = kept.calendars.get(key);
  if (found) return found;
  const made = defaultCalendar(fromYear - 1, toYear + 1, await loadAdjustments(ctx));
  kept.calendars.set(key, made);
  return made;
}

async function yearView(ctx: CallContext, year: number): Promise<CalendarYear> {
  const adjustments = (await loadAdjustments(ctx)).filter((a) => a.date.startsWith(`${year}-`));
  return { year, daysOff: yearDaysOff(year, adjustments), adjustments };
}

export const calendarHandlers: HandlerMap<'calendar.year' | 'calendar.setDay'> = {
  'calendar.year': (ctx, v) => yearView(ctx, v.year),
  async 'calendar.setDay'(ctx, v) {
    const before = await ctx.stores.calendar.day(v.date);
    if (v.kind === 'normal') await ctx.stores.calendar.clear(v.date);
    else await ctx.stores.calendar.set({ date: v.date, kind: v.kind, note: v.note, updated_at: ctx.now() });
    forgetCalendars(ctx);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'calendar_days', entityId: null, before: before ?? null, after: v });
    return yearView(ctx, Number(v.date.slice(0, 4)));
  },
};
