import { describe, expect, it } from 'vitest';
import { agencyUpdateInput } from '../../shared/api/agency';
import { unitsCreateInput } from '../../shared/api/units';
import { installVietnameseMessages } from '../../shared/locale';
import { z } from 'zod';
import { dateProblem, isoDate, optionalIsoDate } from '../../shared/validation';

installVietnameseMessages();

function messages(r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('input schemas speak Vietnamese and name the field', () => {
  it('an empty unit name', () => {
    const m = messages(unitsCreateInput.safeParse({ name: '   ', abbreviation: 'VP', kind: 'internal' }));
    expect(m.name).toBe('Tên đơn vị không được để trống.');
  });
  it('a missing name and a wrong type', () => {
    const m = messages(unitsCreateInput.safeParse({ name: 5, kind: 'internal', abbreviation: 'VP' }));
    expect(m.name).toBe('Tên đơn vị phải là chuỗi ký tự.');
  });
  it('internal units need an abbreviation; external ones do not', () => {
    expect(messages(unitsCreateInput.safeParse({ name: 'Văn phòng Sở', kind: 'internal' })).abbreviation).toMatch(/Tên viết tắt không được để trống/);
    expect(unitsCreateInput.safeParse({ name: 'UBND tỉnh Lạng Sơn', kind: 'external' }).success).toBe(true);
  });
  it('normalises: NFC, trimmed, abbreviation upper-cased', () => {
    const r = unitsCreateInput.parse({ name: ' Phòng Quản lý đất đai '.normalize('NFD'), abbreviation: 'qlđđ', kind: 'internal' });
    expect(r.name).toBe('Phòng Quản lý đất đai');
    expect(r.abbreviation).toBe('QLĐĐ');
    // Mixed case is how some real abbreviations are written: kept.
    expect(unitsCreateInput.parse({ name: 'Thanh tra Sở', abbreviation: 'TTr', kind: 'internal' }).abbreviation).toBe('TTr');
  });
  it('rejects a bad email and a bad abbreviation', () => {
    const m = messages(unitsCreateInput.safeParse({ name: 'X', abbreviation: 'V P', kind: 'internal', email: 'abc' }));
    expect(m.email).toMatch(/Thư điện tử/);
    expect(m.abbreviation).toMatch(/chỉ gồm chữ cái, chữ số/);
  });
  it('agency fields', () => {
    const m = messages(agencyUpdateInput.safeParse({ name: '', abbreviation: '', place: '' }));
    expect(Object.keys(m).sort()).toEqual(['abbreviation', 'name', 'place']);
    expect(m.place).toBe('Địa danh không được để trống.');
  });
});

describe('dates that do not exist', () => {
  it('names the day that does not exist, typed or sent', () => {
    expect(dateProblem('Ngày đến', '31/02/2026', '2026-01-10')).toBe('Ngày đến: ngày 31/02/2026 không có.');
    expect(dateProblem('Ngày đến', '29/2', '2026-01-10')).toBe('Ngày đến: ngày 29/02/2026 không có.');
    expect(dateProblem('Ngày đến', '29/2', '2028-01-10')).toBeNull();
    expect(dateProblem('Ngày đến', 'hôm qua', '2026-01-10')).toBe('Ngày đến: nhập dạng ngày/tháng/năm, ví dụ 05/09/2022.');
    const r = z.object({ d: isoDate('Ngày văn bản'), e: optionalIsoDate('Hạn xử lý') }).safeParse({ d: '2026-02-31', e: '2026-04-31' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(['Ngày văn bản: ngày 31/02/2026 không có.', 'Hạn xử lý: ngày 31/04/2026 không có.']);
  });
});
