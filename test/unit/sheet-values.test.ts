import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToIso, parseSheetDate, parseSheetInt } from '../../electron/core/imports/sheet-values';

describe('parseSheetDate: dates as clerks write them (day first)', () => {
  it.each([
    [new Date(Date.UTC(2023, 0, 5)), '2023-01-05'],
    [44929, '2023-01-03'],
    ['44929', '2023-01-03'],
    ['5/9/2022', '2022-09-05'],
    ['05/09/2022', '2022-09-05'],
    ['05-09-2022', '2022-09-05'],
    ['05.09.2022', '2022-09-05'],
    [' 5 / 9 / 2022 ', '2022-09-05'],
    ['5/9/22', '2022-09-05'],
    ['2022-09-05', '2022-09-05'],
    ['2023-01-05T00:00:00.000Z', '2023-01-05'],
    ['', null],
    [null, null],
    ['31/02/2023', 'invalid'],
    ['13/13/2023', 'invalid'],
    ['hôm qua', 'invalid'],
    [0, 'invalid'],
  ] as [unknown, string | null][])('%s → %s', (input, expected) => {
    expect(parseSheetDate(input)).toBe(expected);
  });

  it('counts Excel serials from 30/12/1899', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(45291)).toBe('2023-12-31');
  });
});

describe('cell values', () => {
  it('reads numbers stored as text', () => {
    expect(parseSheetInt(' 12 ')).toBe(12);
    expect(parseSheetInt('12.0')).toBe(12);
    expect(parseSheetInt(7)).toBe(7);
    expect(parseSheetInt('12a')).toBe('invalid');
    expect(parseSheetInt(1.5)).toBe('invalid');
    expect(parseSheetInt('')).toBeNull();
  });
  it('reads rich text, formula results and hyperlinks, with spaces folded', () => {
    expect(cellText({ richText: [{ text: 'Sở ' }, { text: ' Nội vụ ' }] })).toBe('Sở Nội vụ');
    expect(cellText({ formula: 'A1', result: 'UBND tỉnh' })).toBe('UBND tỉnh');
    expect(cellText({ text: 'Công văn', hyperlink: 'http://x' })).toBe('Công văn');
    expect(cellText('Đất đai'.normalize('NFD'))).toBe('Đất đai');
  });
});
