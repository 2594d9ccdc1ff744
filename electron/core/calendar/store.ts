/** The days whose working-day status the office set itself (days off, make-up working days). */
import type { DayAdjustment } from '../../../shared/calendar/holidays';
import { compiledOnce } from '../../../db/compiled';
import type { StoreHandle } from '../stores';

const calendarVersion = compiledOnce(0, (db) => db.selectFrom('calendar_days').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')]));

export function calendarStore(h: StoreHandle) {
  const { db, memo } = h;
  const read = async () => {
    const [r] = await calendarVersion(db);
    return `${Number(r?.n ?? 0)}|${r?.at ?? ''}`;
  };
  return {
    adjustments: (): Promise<DayAdjustment[]> => db.selectFrom('calendar_days').select(['date', 'kind', 'note']).orderBy('date').execute(),
    /**
     * What changes whenever a day is set or cleared: the cached calendars' key (calendar/handlers.ts).
     * Asked by every due date and task status; within a transaction, again only after clear or set.
     */
    version: (): Promise<string> => (memo ? memo.get('calendar_days:version', read) : read()),
    day: (date: string) => db.selectFrom('calendar_days').selectAll().where('date', '=', date).executeTakeFirst(),
    clear: async (date: string) => {
      memo?.forget('calendar_days');
      await db.deleteFrom('calendar_days').where('date', '=', date).execute();
    },
    async set(row: DayAdjustment & { updated_at: string }) {
      memo?.forget('calendar_days');
      await db.insertInto('calendar_days').values(row).onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    },
  };
}
