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

  /** Folding as defined: marks stripped after NFD, đ mapped, lower case, spaces collapsed. */
  const definition = (s: string) =>
    s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().replace(/\s+/g, ' ').trim();

  it('folds a character at a time exactly as the definition folds the whole string', () => {
    // Letters of Vietnamese in both forms, marks alone and out of order, spaces of every kind, and characters
    // whose fold needs their neighbours: Greek capital sigma, Hebrew points, a surrogate pair.
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789/-–“”.,;:()İıÅ',
      ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ'.normalize('NFC'),
      ...'ẮỆỢ'.normalize('NFD'),
      '\u0301', '\u0323', '\u0309', '\u0303', ' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff',
      'Σ', 'ΟΔΟΣ', '\u05b0', '\u0591', 'א', '😀', 'ﬁ', 'Å', 'ǅ', '한',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let n = 0; n < 5000; n++) {
      const s = Array.from({ length: 1 + (n % 23) }, () => alphabet[next()]).join('');
      expect(foldVietnamese(s), JSON.stringify(s)).toBe(definition(s));
    }
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
