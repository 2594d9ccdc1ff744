import { describe, expect, it } from 'vitest';
import { compareVi, foldVietnamese, sortByVi } from '../../shared/text';

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
