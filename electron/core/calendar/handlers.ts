/** The office's working-day calendar: computed holidays plus the adjustments stored per day. */
import type { DayAdjustment } from '../../../shared/calendar/holidays';
import { yearDaysOff } from '../../../shared/calendar/holidays';
import { defaultCalendar, type WorkCalendar } from '../../../shared/workdays';
import type { CalendarYear } from '../../../shared/api/calendar';
import type { CallContext, HandlerMap } from '../context';

export async function loadAdjustments(ctx: Pick<CallContext, 'stores'>): Promise<DayAdjustment[]> {
  return ctx.stores.calendar.adjustments();
}

/** Working days for the years around the given dates (a year either side covers deadlines that cross New Year). */
export async function loadCalendar(ctx: Pick<CallContext, 'stores'>, fromYear: number, toYear: number): Promise<WorkCalendar> {
  return defaultCalendar(fromYear - 1, toYear + 1, await loadAdjustments(ctx));
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
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'calendar_days', entityId: null, before: before ?? null, after: v });
    return yearView(ctx, Number(v.date.slice(0, 4)));
  },
};
