import { format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dateLineVi, formatDateVi, formatNumberVi, isIsoDate, parseDateVi, toIsoDate } from '../../shared/dates';

describe('toIsoDate', () => {
  it('gives the local day as date-fns formats it, around midnight and New Year, in early years', () => {
    const moments = [new Date(2026, 0, 1, 0, 0, 0), new Date(2025, 11, 31, 23, 59, 59, 999), new Date(2024, 1, 29, 12), new Date('2026-11-20T03:00:00Z'), new Date('2026-11-19T17:30:00Z')];
    const early = new Date(2000, 0, 1);
    early.setFullYear(99, 6, 4);
    for (const d of [...moments, early]) expect(toIsoDate(d)).toBe(format(d, 'yyyy-MM-dd'));
    expect(toIsoDate(early)).toBe('0099-07-04');
    expect(() => toIsoDate(new Date('không phải ngày'))).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-1-05', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-01-00', false],
    ['0000-01-01', false],
    ['05/09/2022', false],
    ['', false],
  ])('%s → %s', (s, expected) => expect(isIsoDate(s)).toBe(expected));
});

describe('display formats', () => {
  it('shows dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2022-09-05')).toBe('05/09/2022');
    expect(formatDateVi(null)).toBe('');
  });
  it('writes the date line with the decree padding (day < 10, months 1 and 2)', () => {
    expect(dateLineVi('2020-01-05')).toBe('ngày 05 tháng 01 năm 2020');
    expect(dateLineVi('2022-09-05')).toBe('ngày 05 tháng 9 năm 2022');
    expect(dateLineVi('2022-11-25')).toBe('ngày 25 tháng 11 năm 2022');
  });
  it('groups thousands with dots', () => {
    expect(formatNumberVi(1692)).toBe('1.692');
    expect(formatNumberVi(17306)).toBe('17.306');
    expect(formatNumberVi(378)).toBe('378');
  });
});

describe('parseDateVi: dates typed day first', () => {
  it.each([
    ['05/09/2022', '2022-09-05'],
    ['5/9/2022', '2022-09-05'],
    ['5-9-2022', '2022-09-05'],
    ['05.09.2022', '2022-09-05'],
    ['05092022', '2022-09-05'],
    ['5/9', '2026-09-05'],
    ['5/9/22', '2022-09-05'],
    ['2022-09-05', '2022-09-05'],
    [' 05/09/2022 ', '2022-09-05'],
    ['31/02/2022', null],
    ['hôm nay', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(parseDateVi(text, '2026-11-24')).toBe(expected));
});
