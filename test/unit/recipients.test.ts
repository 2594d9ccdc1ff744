import { describe, expect, it } from 'vitest';
import { abbreviationLookup } from '../../shared/abbreviations';
import { recipientUnitIds } from '../../shared/recipients';

const units = [
  { id: 1, name: 'Ủy ban nhân dân tỉnh Lạng Sơn', email: 'ubnd@langson.gov.vn' },
  { id: 2, name: 'Sở Nội vụ', email: 'snv@langson.gov.vn' },
  { id: 3, name: 'Văn phòng Sở', email: null },
  { id: 4, name: 'Sở Tài nguyên và Môi trường', email: 'stnmt@langson.gov.vn' },
  { id: 5, name: 'Sở Tài chính', email: 'stc@langson.gov.vn' },
];
const lookup = abbreviationLookup([{ abbreviation: 'VP', name: 'Văn phòng Sở' }]);

describe('recipientUnitIds', () => {
  it('finds the units a Nơi nhận names, written as on paper and with abbreviations', () => {
    expect(recipientUnitIds(['- UBND tỉnh (b/c);', 'Sở Nội vụ;', 'Lưu: VT, VP.'], units, lookup)).toEqual([1, 2]);
    expect(recipientUnitIds(['Sở TN&MT'], units, lookup)).toEqual([4]);
  });

  it('chooses no unit without an address, nor one only sharing the first words', () => {
    expect(recipientUnitIds(['Văn phòng Sở'], units, lookup)).toEqual([]);
    expect(recipientUnitIds(['Sở Tài'], units, lookup)).toEqual([]);
    expect(recipientUnitIds(['Giám đốc, các PGĐ Sở', 'Sở'], units, lookup)).toEqual([]);
  });
});
