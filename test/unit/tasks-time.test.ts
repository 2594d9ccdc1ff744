import { describe, expect, it } from 'vitest';
import { readTime, type TaskTime } from '../../shared/tasks/time';

// The document is dated 2024: a day and month without a year are in 2024.
const YEAR = 2024;
type Row = [string, Partial<TaskTime>];
const check = (mode: 'text' | 'field') => (text: string, expected: Partial<TaskTime>) => {
  const t = readTime(text, YEAR, mode);
  expect({ deadline: t.deadline, recurrence: t.recurrence }).toEqual({ deadline: null, recurrence: null, ...expected });
};

describe('deadlines in a task\'s running text (document of 2024)', () => {
  const rows: Row[] = [
    ['báo cáo UBND tỉnh trước ngày 30/8/2024.', { deadline: '2024-08-30' }],
    ['gửi Sở Tài chính trước ngày 15/10.', { deadline: '2024-10-15' }],
    ['hoàn thành trước ngày 05-9-2023.', { deadline: '2023-09-05' }],
    ['báo cáo kết quả trước 5/9', { deadline: '2024-09-05' }],
    ['trình Giám đốc Sở phê duyệt chậm nhất ngày 30/11.', { deadline: '2024-11-30' }],
    ['báo cáo UBND tỉnh chậm nhất là ngày 10.12.2024', { deadline: '2024-12-10' }],
    ['xong trước ngày 25/4/2024.', { deadline: '2024-04-25' }],
    ['hoàn thành trước ngày 20 tháng 9 năm 2023.', { deadline: '2023-09-20' }],
    ['trình Giám đốc Sở trong tháng 10/2023.', { deadline: '2023-10-31' }],
    ['trình UBND thành phố trong tháng 2/2024.', { deadline: '2024-02-29' }],
    ['Tổ chức họp trong tháng 6 năm 2021 để chỉ đạo triển khai', { deadline: '2021-06-30' }],
    ['hoàn thành trong tháng 9', { deadline: '2024-09-30' }],
    ['trình phê duyệt trong quý IV/2023.', { deadline: '2023-12-31' }],
    ['trình UBND thành phố trong Quý II/2024.', { deadline: '2024-06-30' }],
    ['hoàn thành trong quý I năm 2025', { deadline: '2025-03-31' }],
    ['hoàn thành trong 6 tháng đầu năm 2024', { deadline: '2024-06-30' }],
    ['triển khai xong trong năm 2024.', { deadline: '2024-12-31' }],
    ['Xây dựng Báo cáo Kỷ luật kỷ cương hành chính công vụ Quý II/2021.', { deadline: '2021-06-30' }],
    ['rà soát, báo cáo trước ngày 10/9; hoàn thành toàn bộ trước ngày 30/9.', { deadline: '2024-09-30' }],
  ];
  it.each(rows)('%s', check('text'));
});

describe('dates and periods that are not deadlines', () => {
  const rows: Row[] = [
    ['theo Quyết định số 35/QĐ-SNN ngày 16/01/2023 của Sở', {}],
    ['Ngày 04/10/2023, Sở tổ chức họp giao ban', {}],
    ['đến hết ngày 31/7/2024 toàn tỉnh mới giải ngân được 38,6%', {}],
    ['lập dự toán ngân sách năm 2024; kế hoạch vốn năm 2024', {}],
    ['Báo cáo sơ kết 6 tháng đầu năm 2024', {}],
    ['theo Thông báo số 1032/TB-UBND tại phiên họp UBND tỉnh tháng 4/2021).', {}],
    ['thủ trưởng đơn vị chịu trách nhiệm trước Giám đốc Sở', {}],
    ['Thẩm định dự toán chi thường xuyên năm 2025', {}],
    ['theo dõi, đôn đốc các đơn vị thực hiện nhiệm vụ thường xuyên', {}],
  ];
  it.each(rows)('%s', check('text'));
});

describe('recurrences in running text', () => {
  const rows: Row[] = [
    ['gửi báo cáo tháng về Văn phòng Sở trước ngày 18 hằng tháng để tổng hợp.', { recurrence: 'monthly' }],
    ['báo cáo tại phiên họp thường kỳ hàng tháng', { recurrence: 'monthly' }],
    ['công bố chỉ số giá định kỳ hàng tháng', { recurrence: 'monthly' }],
    ['báo cáo UBND tỉnh định kỳ hằng quý.', { recurrence: 'quarterly' }],
    ['báo cáo kết quả về Thanh tra tỉnh định kỳ 6 tháng.', { recurrence: 'half-yearly' }],
    ['báo cáo hằng năm (trước ngày 15/12)', { recurrence: 'yearly' }],
    ['báo cáo trước ngày 30/9 hàng năm', { recurrence: 'yearly' }],
    ['báo cáo 6 tháng (trước 15/6) và hằng năm (trước 15/12)', { recurrence: 'half-yearly+yearly' }],
    ['Định kỳ 6 tháng (trước ngày 25/6), hàng năm (trước ngày 31/12), tổng hợp', { recurrence: 'half-yearly+yearly' }],
    ['thường xuyên cập nhật số liệu giải ngân', { recurrence: 'continuous' }],
    ['Thường xuyên theo dõi, dự báo sâu bệnh', { recurrence: 'continuous' }],
    // A periodic duty wins over a one-off date in the same task; a one-off date wins over "thường xuyên".
    ['xây dựng kế hoạch trong quý II/2021; định kỳ hàng năm (trước 30/11) báo cáo', { recurrence: 'yearly' }],
    ['thường xuyên kiểm tra; hoàn thành báo cáo trước ngày 15/10/2024', { deadline: '2024-10-15' }],
  ];
  it.each(rows)('%s', check('text'));
});

describe('a time field or column: all of it is time', () => {
  const rows: Row[] = [
    ['Trước ngày 15/5/2024.', { deadline: '2024-05-15' }],
    ['Quý II/2024.', { deadline: '2024-06-30' }],
    ['Quý I/2024', { deadline: '2024-03-31' }],
    ['Trong tháng 10/2024.', { deadline: '2024-10-31' }],
    ['Tháng 8/2024.', { deadline: '2024-08-31' }],
    ['6 tháng đầu năm 2024.', { deadline: '2024-06-30' }],
    ['6 tháng cuối năm', { deadline: '2024-12-31' }],
    ['Năm 2024', { deadline: '2024-12-31' }],
    ['30/9/2024', { deadline: '2024-09-30' }],
    ['Trước 15/11/2024', { deadline: '2024-11-15' }],
    ['Năm 2024 và hằng năm.', { recurrence: 'yearly' }],
    ['Hằng quý (trước ngày 20 của tháng cuối quý).', { recurrence: 'quarterly' }],
    ['Hằng tháng', { recurrence: 'monthly' }],
    ['Thường xuyên.', { recurrence: 'continuous' }],
    ['Thường xuyên và hàng năm.', { recurrence: 'yearly' }],
    ['Định kỳ 6 tháng (trước 10/6) và hằng năm (trước 05/12)', { recurrence: 'half-yearly+yearly' }],
  ];
  it.each(rows)('%s', check('field'));
});

it('keeps the words that set the time, so the saved task repeats as read', () => {
  expect(readTime('gửi Văn phòng Sở trước ngày 18 hằng tháng để tổng hợp.', YEAR).timeText).toBe('trước ngày 18 hằng tháng');
  expect(readTime('Quý II/2024.', YEAR, 'field').timeText).toBe('Quý II/2024');
  expect(readTime('không có thời hạn', YEAR).timeText).toBeNull();
});
