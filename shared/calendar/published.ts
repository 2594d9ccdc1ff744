import type { DayAdjustment } from './holidays';

/**
 * What the government decided beyond the Labour Code's rule for public servants,
 * 2021–2025 (Tết starting a day early and the compensation day given back; a
 * Monday or Friday swapped for a Saturday). Seeded into the database as editable
 * adjustments; 2022 and 2026 needed none.
 */
export const publishedAdjustments: readonly DayAdjustment[] = [
  { date: '2021-02-10', kind: 'off', note: 'Nghỉ Tết Tân Sửu (từ 10/02 đến 16/02/2021)' },
  { date: '2021-02-17', kind: 'work', note: 'Đi làm sau Tết Tân Sửu' },
  { date: '2023-01-20', kind: 'off', note: 'Nghỉ Tết Quý Mão (từ 20/01 đến 26/01/2023)' },
  { date: '2023-01-27', kind: 'work', note: 'Đi làm sau Tết Quý Mão' },
  { date: '2024-02-08', kind: 'off', note: 'Nghỉ Tết Giáp Thìn (từ 08/02 đến 14/02/2024)' },
  { date: '2024-02-15', kind: 'work', note: 'Đi làm sau Tết Giáp Thìn' },
  { date: '2024-04-29', kind: 'off', note: 'Hoán đổi ngày làm việc: nghỉ thứ Hai 29/4/2024' },
  { date: '2024-05-04', kind: 'work', note: 'Làm bù thứ Bảy 04/5/2024' },
  { date: '2025-01-27', kind: 'off', note: 'Nghỉ Tết Ất Tỵ (từ 25/01 đến 02/02/2025)' },
  { date: '2025-02-03', kind: 'work', note: 'Đi làm sau Tết Ất Tỵ' },
  { date: '2025-05-02', kind: 'off', note: 'Hoán đổi ngày làm việc: nghỉ thứ Sáu 02/5/2025' },
  { date: '2025-04-26', kind: 'work', note: 'Làm bù thứ Bảy 26/4/2025' },
];
