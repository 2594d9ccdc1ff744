/** The days whose working-day status the office set itself (days off, make-up working days). */
import type { DayAdjustment } from '../../../shared/calendar/holidays';
import type { StoreHandle } from '../stores';

export function calendarStore(h: StoreHandle) {
  const { db } = h;
  return {
    adjustments: (): Promise<DayAdjustment[]> => db.selectFrom('calendar_days').select(['date', 'kind', 'note']).orderBy('date').execute(),
    day: (date: string) => db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst(),
    clear: async (date: string) => void (await db.deleteFrom('calendar_days').where('date', '=', date).execute()),
    async set(row: DayAdjustment & { updated_at: string }) {
      await db.insertInto('calendar_days').values(row).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    },
  };
}
