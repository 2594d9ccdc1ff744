import { describe, expect, it } from 'vitest';
import { compareVi, foldVietnamese, highlightRanges, sortByVi, typeAndSubject } from '../../shared/text';

describe('foldVietnamese', () => {
  it.each([
    ['Đất đai', 'dat dai'],
    ['ĐẤT ĐAI', 'dat dai'],
    ['Sở Tài nguyên và Môi trường', 'so tai nguyen va moi truong'],
    ['  Phòng   Quản lý  đất đai ', 'phong quan ly dat dai'],
    ['Thượng khẩn', 'thuong khan'],
    ['448/BC-STNMT', '448/bc-stnmt'],
    // NFD input (some keyboards and PDF text) folds the same as NFC
    ['Đất đai'.normalize('NFD'), 'dat dai'],
  ])('%s → %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });
});

describe('Vietnamese collation', () => {
  it('orders Ă and Â after A and Đ after D', () => {
    expect(sortByVi(['Đội', 'Dân', 'Ân', 'An', 'Ăn', 'Ban'], (s) => s)).toEqual(['An', 'Ăn', 'Ân', 'Ban', 'Dân', 'Đội']);
  });
  it('compares numbers inside names numerically', () => {
    expect(compareVi('Phòng 2', 'Phòng 10')).toBeLessThan(0);
  });
});

describe('highlightRanges', () => {
  const marked = (text: string, q: string) =>
    highlightRanges(text, q)
      .map(([a, b]) => text.slice(a, b))
      .join('|');
  it.each([
    ['Báo cáo quản lý đất đai tháng 8', 'dat dai', 'đất|đai'],
    ['ĐẤT ĐAI', 'dat', 'ĐẤT'],
    ['448/BC-STNMT', 'bc-stnmt', 'BC|STNMT'],
    ['Văn phòng', 'xyz', ''],
    ['Sở Nội vụ', '', ''],
    ['dat dat', 'dat', 'dat|dat'],
  ])('%s / %s → %s', (text, q, expected) => expect(marked(text, q)).toBe(expected));
  it('works on text in NFD form', () => {
    const nfd = 'Đất đai'.normalize('NFD');
    expect(highlightRanges(nfd, 'dai').map(([a, b]) => nfd.slice(a, b).normalize('NFC'))).toEqual(['đai']);
  });
});

describe('highlightRanges with combining marks', () => {
  it('keeps a trailing mark with its letter', () => {
    const nfd = 'Hà Nội'.normalize('NFD');
    const [r] = highlightRanges(nfd, 'ha');
    expect(nfd.slice(r![0], r![1]).normalize('NFC')).toBe('Hà');
  });
});

describe('typeAndSubject', () => {
  it('prefixes the type unless the subject already starts with it', () => {
    expect(typeAndSubject('Báo cáo', 'tình hình tháng 8')).toBe('Báo cáo: tình hình tháng 8');
    expect(typeAndSubject('Báo cáo', 'Báo cáo kết quả tháng 8')).toBe('Báo cáo kết quả tháng 8');
    expect(typeAndSubject('Quyết định', 'QUYẾT ĐỊNH phê duyệt')).toBe('QUYẾT ĐỊNH phê duyệt');
    expect(typeAndSubject(null, 'V/v rà soát')).toBe('V/v rà soát');
  });
});
