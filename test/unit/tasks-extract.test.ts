import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractTasks, splitAgencies } from '../../shared/tasks/extract';
import { parseRecurrence } from '../../shared/tasks/recurrence';

const seed = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../shared/seeds', name), 'utf8');
const conclusion = seed('002_3a266e0a28503dbb.txt');
const plan = seed('003_a3e9a377a3473e78.txt');
const letter = seed('004_ef9bfec6e541df2c.txt');

function countByUnit(tasks: { unitName: string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tasks) out[t.unitName ?? '(chung)'] = (out[t.unitName ?? '(chung)'] ?? 0) + 1;
  return out;
}

describe('tasks from a meeting conclusion (seed 002)', () => {
  const tasks = extractTasks(conclusion);
  const ofUnit = (u: string) => tasks.filter((t) => t.unitName === u);

  it('finds 4 tasks for all units and 66 under unit headings, per unit as the notice lists them', () => {
    expect(countByUnit(tasks)).toEqual({
      '(chung)': 4,
      'Văn phòng Sở': 14,
      'Thanh tra Sở': 7,
      'Phòng Đo đạc và Khoáng sản': 10,
      'Phòng Quản lý đất đai': 9,
      'Phòng Kế hoạch - Tài nguyên nước': 4,
      'Chi cục Bảo vệ môi trường': 9,
      'Văn phòng Đăng ký đất đai': 6,
      'Trung tâm Quan trắc và Dữ liệu': 4,
      'Trung tâm Kỹ thuật Tài nguyên và Môi trường': 2,
      'Ban Quản lý dự án VILG': 1,
    });
  });

  it('reads deadlines from "trước …", "trong tháng 6 năm 2021" and "Quý II/2021", with the year of the notice', () => {
    expect(ofUnit('Thanh tra Sở').map((t) => t.deadline)).toEqual([null, null, null, '2021-06-25', null, '2021-07-20', null]);
    expect(ofUnit('Phòng Kế hoạch - Tài nguyên nước')[3]!.deadline).toBe('2021-06-26');
    expect(ofUnit('Chi cục Bảo vệ môi trường')[3]!.deadline).toBe('2021-06-26');
    expect(ofUnit('Ban Quản lý dự án VILG')[0]!.deadline).toBe('2021-06-30');
    expect(ofUnit('Văn phòng Sở')[5]!.deadline).toBe('2021-06-30');
    // A cited meeting's month ("tại phiên họp UBND tỉnh tháng 4/2021)") is not a deadline.
    expect(ofUnit('Phòng Quản lý đất đai')[8]!.deadline).toBeNull();
    expect(tasks.filter((t) => t.deadline !== null)).toHaveLength(6);
    expect(tasks.filter((t) => t.recurrence === 'continuous').map((t) => t.content.slice(0, 20))).toEqual([
      'Quan tâm đẩy mạnh cả', 'Thường xuyên tăng cư', 'Thường xuyên tăng cư',
    ]);
  });

  it('keeps items that cross a page break whole, without the footnote between the halves', () => {
    const first = tasks[0]!;
    expect(first.content).toContain('cần phải bám sát, đảm bảo tiến độ');
    expect(first.content).toMatch(/kỳ họp giao ban\.$/);
    expect(first.content).not.toContain('Bảng giá các loại đất');
    expect(ofUnit('Văn phòng Sở')[4]!.content).toContain('để chỉnh sửa hoàn thành Kế hoạch');
    expect(ofUnit('Thanh tra Sở')[4]!.content).toContain('dự thảo kết luận thanh tra;');
    expect(ofUnit('Phòng Quản lý đất đai')[8]!.content).toContain('1032/TB-UBND ngày 06/5/2021');
  });

  it('lists cited documents by number and notation, and the coordinating unit', () => {
    expect(ofUnit('Phòng Đo đạc và Khoáng sản')[0]!.references).toEqual(['59/QĐ-UBND']);
    expect(ofUnit('Phòng Đo đạc và Khoáng sản')[5]!.references).toEqual(['1237/UBND-CN']);
    expect(ofUnit('Chi cục Bảo vệ môi trường')[3]!.coordinatingUnitNames).toEqual(['Phòng Kế hoạch - Tài nguyên nước']);
  });

  it('does not take the closing sentence or the signature as a task', () => {
    expect(tasks.some((t) => /Căn cứ nội dung kết luận|Lê Lục Hoàn|Nơi nhận/.test(t.content))).toBe(false);
    expect(ofUnit('Ban Quản lý dự án VILG')[0]!.content).toMatch(/^Tổ chức họp trong tháng 6 năm 2021/);
  });
});

describe('tasks from a plan (seed 003)', () => {
  const tasks = extractTasks(plan);
  const items = tasks.filter((t) => t.timeText === 'Thường xuyên và hàng năm' || t.timeText === 'Năm 2022 và hàng năm');
  const duties = tasks.filter((t) => t.timeText?.startsWith('Định kỳ'));

  it('finds the 11 tasks, each with lead and coordinating agencies and time text', () => {
    expect(items).toHaveLength(11);
    expect(tasks.slice(0, 11)).toEqual(items);
    for (const t of items) expect(t.recurrence).toBe('yearly');
    for (const t of items) {
      expect(t.leadUnitNames.length).toBeGreaterThan(0);
      expect(t.coordinatingUnitNames.length).toBeGreaterThan(0);
      expect(t.timeText).toMatch(/hàng năm/);
    }
    expect(items[0]!.timeText).toBe('Thường xuyên và hàng năm');
    expect(items[1]!.leadUnitNames).toEqual(['Sở Nội vụ', 'Sở Tài nguyên và Môi trường', 'UBND các huyện, thành phố']);
    expect(items[4]!.unitName).toBe('Sở Tài chính');
    expect(items[4]!.coordinatingUnitNames).toEqual(['Sở Tài nguyên và Môi trường', 'UBND các huyện, thành phố', 'các sở, ngành liên quan']);
    expect(items[5]!.content).toContain('a) Về lĩnh vực đất đai:');
    expect(items[10]!.content).toMatch(/^Nâng cao hiệu quả thực thi pháp luật/);
  });

  it('reads the unit tasks of "Tổ chức thực hiện": a unit heading with its items or paragraphs', () => {
    const ubnd = tasks.filter((t) => t.unitName === 'UBND các huyện, thành phố' && t.timeText === null || t.content.startsWith('Tăng cường công tác lãnh đạo'));
    expect(ubnd.map((t) => t.content.slice(0, 25))).toEqual([
      'Tăng cường công tác lãnh ', 'Tập trung chỉ đạo giải qu', 'Chủ động rà soát đánh giá', 'Tăng cường công tác kiểm ',
    ]);
    expect(tasks.filter((t) => t.unitName === 'Sở Tài nguyên và Môi trường' && !items.includes(t) && !duties.includes(t))).toHaveLength(5);
  });

  it('adds the recurring reporting duties of "Chế độ báo cáo"', () => {
    expect(duties.map((d) => [d.leadUnitNames, d.timeText, d.recurrence])).toEqual([
      [['Sở Tài nguyên và Môi trường'], 'Định kỳ 6 tháng (trước ngày 25/6), hàng năm (trước ngày 31/12)', 'half-yearly+yearly'],
      [['Các sở, ban, ngành, đoàn thể', 'Ủy ban nhân dân các huyện, thành phố'], 'Định kỳ hàng năm (trước 30/11)', 'yearly'],
    ]);
    expect(parseRecurrence(duties[0]!.timeText)?.rules).toEqual([
      { freq: 'semiannual', day: 25, month: 6 },
      { freq: 'yearly', day: 31, month: 12 },
    ]);
    expect(parseRecurrence(duties[1]!.timeText)?.rules).toEqual([{ freq: 'yearly', day: 30, month: 11 }]);
  });
});

describe('tasks from a letter (seed 004)', () => {
  const tasks = extractTasks(letter);

  it('finds the units that items name, and a task for all units', () => {
    expect(tasks.map((t) => t.unitName)).toEqual([
      null,
      'Phòng Quản lý môi trường',
      'Phòng Quản lý Tài nguyên nước và Khoáng sản',
      'Thanh tra Sở',
    ]);
    expect(tasks[2]!.content).toContain('Theo dõi, đôn đốc việc triển khai thực hiện Quyết định số 1047/QĐ-UBND');
    expect(tasks[3]!.content).toMatch(/trao đổi với thanh tra Sở Tài nguyên và Môi trường tỉnh Bắc Giang trong hoạt động khai thác/);
  });

  it('prefers the agency\'s own unit names, matched without diacritics or case', () => {
    const t = extractTasks('1. Phong quan ly moi truong tang cuong kiem tra.', { knownUnits: ['Phòng Quản lý môi trường'] });
    expect(t[0]!.unitName).toBe('Phong quan ly moi truong');
  });
});

describe('other shapes of items', () => {
  it('accepts "1 -", "1.", "a)" and "-" items and hard line breaks', () => {
    const text = [
      '### Phòng Tổng hợp',
      '1 - Xây dựng báo cáo quý',
      'gửi Sở trước ngày 31/12.',
      '2. Rà soát hồ sơ.',
      '### Đội Kiểm tra',
      'a) Kiểm tra định kỳ.',
      'b) Kiểm tra đột xuất.',
      '- Chi tiết thêm.',
    ].join('\n');
    const tasks = extractTasks(`Hà Nội, ngày 02 tháng 3 năm 2025\n${text}`);
    expect(tasks.map((t) => [t.unitName, t.content, t.deadline])).toEqual([
      ['Phòng Tổng hợp', 'Xây dựng báo cáo quý gửi Sở trước ngày 31/12.', '2025-12-31'],
      ['Phòng Tổng hợp', 'Rà soát hồ sơ.', null],
      ['Đội Kiểm tra', 'Kiểm tra định kỳ.', null],
      ['Đội Kiểm tra', 'Kiểm tra đột xuất.\n- Chi tiết thêm.', null],
    ]);
  });

  it('splits a list of agencies without cutting "UBND các huyện, thành phố"', () => {
    expect(splitAgencies('Sở Tài nguyên và Môi trường; UBND các huyện, thành phố, các sở, ngành liên quan.')).toEqual([
      'Sở Tài nguyên và Môi trường',
      'UBND các huyện, thành phố',
      'các sở, ngành liên quan',
    ]);
  });
});
