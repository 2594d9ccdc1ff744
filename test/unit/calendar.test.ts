import { addDays, format, getDay, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { holidaysWithCompensation } from '../../shared/calendar/holidays';
import { lunarToSolar, solarToLunar, tetDate } from '../../shared/calendar/lunar';
import { publishedAdjustments } from '../../shared/calendar/published';
import { addWorkingDays, defaultCalendar, isWorkingDay } from '../../shared/workdays';

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = parseISO(from); format(d, 'yyyy-MM-dd') <= to; d = addDays(d, 1)) out.push(format(d, 'yyyy-MM-dd'));
  return out;
};
const weekday = (d: string) => ![0, 6].includes(getDay(parseISO(d)));

describe('lunar calendar (UTC+7)', () => {
  it.each([
    [1985, '1985-01-21'], // Vietnam; China (UTC+8) had 20/02
    [2000, '2000-02-05'], [2001, '2001-01-24'], [2004, '2004-01-22'], [2007, '2007-02-17'], // China: 18/02/2007
    [2010, '2010-02-14'], [2015, '2015-02-19'], [2017, '2017-01-28'], [2020, '2020-01-25'],
    [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'], [2024, '2024-02-10'],
    [2025, '2025-01-29'], [2026, '2026-02-17'], [2027, '2027-02-06'], [2030, '2030-02-02'], // new moon 16:07 UTC: 23:07 in Hà Nội, already 3/2 in Beijing
  ])('Tết %i is %s', (year, date) => {
    expect(tetDate(year)).toBe(date);
  });

  it.each([
    [2021, '2021-04-21'], [2022, '2022-04-10'], [2023, '2023-04-29'], [2024, '2024-04-18'], [2025, '2025-04-07'], [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  it('knows the leap months of 2020, 2023 and 2025', () => {
    expect(solarToLunar('2020-05-23')).toEqual({ day: 1, month: 4, year: 2020, leap: true });
    expect(solarToLunar('2023-03-22')).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(solarToLunar('2025-07-25')).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(solarToLunar('2025-07-24')).toEqual({ day: 30, month: 6, year: 2025, leap: false });
    expect(lunarToSolar(1, 5, 2025, true)).toBeNull();
  });

  it('converts every day of 2019–2027 to the lunar calendar and back', () => {
    for (const d of days('2019-01-01', '2027-12-31')) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(d);
    }
  });
});

/** Weekdays off for public servants as published by the government each year. */
const published: Record<number, { tet: string[]; gioTo: string[]; may: string[]; september: string[] }> = {
  2021: { tet: days('2021-02-10', '2021-02-16').filter(weekday), gioTo: ['2021-04-21'], may: ['2021-04-30', '2021-05-03'], september: ['2021-09-02', '2021-09-03'] },
  2022: { tet: days('2022-01-31', '2022-02-04'), gioTo: ['2022-04-11'], may: ['2022-05-02', '2022-05-03'], september: ['2022-09-01', '2022-09-02'] },
  2023: { tet: days('2023-01-20', '2023-01-26').filter(weekday), gioTo: [], may: ['2023-05-01', '2023-05-02', '2023-05-03'], september: ['2023-09-01', '2023-09-04'] },
  2024: { tet: days('2024-02-08', '2024-02-14').filter(weekday), gioTo: ['2024-04-18'], may: ['2024-04-29', '2024-04-30', '2024-05-01'], september: ['2024-09-02', '2024-09-03'] },
  2025: { tet: days('2025-01-27', '2025-01-31'), gioTo: ['2025-04-07'], may: ['2025-04-30', '2025-05-01', '2025-05-02'], september: ['2025-09-01', '2025-09-02'] },
  2026: { tet: days('2026-02-16', '2026-02-20'), gioTo: ['2026-04-27'], may: ['2026-04-30', '2026-05-01'], september: [] },
};

describe('working days 2021–2026 against the published holidays', () => {
  const cal = defaultCalendar(2021, 2026, publishedAdjustments);
  const offBetween = (from: string, to: string) => days(from, to).filter((d) => weekday(d) && !isWorkingDay(d, cal));

  it.each(Object.entries(published))('%s: Tết, Giỗ Tổ, 30/4–1/5 and 2/9', (y, p) => {
    expect(offBetween(`${y}-01-15`, `${y}-02-28`)).toEqual(p.tet);
    expect(offBetween(`${y}-04-01`, `${y}-04-28`)).toEqual(p.gioTo);
    expect(offBetween(`${y}-04-29`, `${y}-05-10`)).toEqual(p.may);
    if (p.september.length) expect(offBetween(`${y}-08-30`, `${y}-09-10`)).toEqual(p.september);
  });

  it('honours the Saturdays worked and gives back the compensation day the government moved', () => {
    expect(isWorkingDay('2024-05-04', cal)).toBe(true);
    expect(isWorkingDay('2025-04-26', cal)).toBe(true);
    expect(isWorkingDay('2025-02-03', cal)).toBe(true);
    expect(isWorkingDay('2025-02-01', cal)).toBe(false);
  });

  it('counts a 15-working-day procedure across Tết 2026', () => {
    // Received Tuesday 10/02/2026; Tết takes 16–20/02.
    expect(addWorkingDays('2026-02-10', 15, cal)).toBe('2026-03-10');
    expect(addWorkingDays('2026-02-10', 15, defaultCalendar(2026, 2026))).toBe('2026-03-10');
  });

  it('moves a weekend holiday to the next free working day', () => {
    const h2023 = holidaysWithCompensation(2023).filter((h) => h.name.startsWith('Nghỉ bù')).map((h) => h.date);
    expect(h2023).toEqual(['2023-01-02', '2023-01-26', '2023-01-27', '2023-05-02', '2023-05-03', '2023-09-04']);
  });
});
