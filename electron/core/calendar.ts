/** The office's working-day calendar: computed holidays plus the adjustments stored per day. */
import { writeAudit } from '../../db/audit';
import type { DayAdjustment } from '../../shared/calendar/holidays';
import { yearDaysOff } from '../../shared/calendar/holidays';
import { defaultCalendar, type WorkCalendar } from '../../shared/workdays';
import type { CalendarYear } from '../../shared/api/calendar';
import type { CallContext, HandlerMap } from './context';

export async function loadAdjustments(ctx: Pick<CallContext, 'db'>): Promise<DayAdjustment[]> {
  return ctx.db.selectFrom('calendar_days').select(['date', 'kind', 'note']).orderBy('date').execute();
}

/** Working days for the years around the given dates (a year either side covers deadlines that cross New Year). */
export async function loadCalendar(ctx: Pick<CallContext, 'db'>, fromYear: number, toYear: number): Promise<WorkCalendar> {
  return defaultCalendar(fromYear - 1, toYear + 1, await loadAdjustments(ctx));
}

async function yearView(ctx: CallContext, year: number): Promise<CalendarYear> {
  const adjustments = (await loadAdjustments(ctx)).filter((a) => a.date.startsWith(`${year}-`));
  return { year, daysOff: yearDaysOff(year, adjustments), adjustments };
}

export const calendarHandlers: HandlerMap<'calendar.year' | 'calendar.setDay'> = {
  'calendar.year': (ctx, v) => yearView(ctx, v.year),
  async 'calendar.setDay'(ctx, v) {
    const before = await ctx.db.selectFrom('calendar_days').selectAll().where('date', '=', v.date).executeTakeFirst();
    if (v.kind === 'normal') {
      await ctx.db.deleteFrom('calendar_days').where('date', '=', v.date).execute();
    } else {
      const row = { date: v.date, kind: v.kind, note: v.note, updated_at: ctx.now() };
      await ctx.db.insertInto('calendar_days').values(row).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    }
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'calendar_days', entityId: null, before: before ?? null, after: v });
    return yearView(ctx, Number(v.date.slice(0, 4)));
  },
};
