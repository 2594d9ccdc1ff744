/**
 * Demo tasks: each month a meeting conclusion assigns tasks to the units,
 * a few letters from the province add more, and a handful of recurring
 * reporting duties run all year. Progress and completion follow the dates.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { TaskCreateInput } from '../../shared/api/tasks';
import type { Rng } from './documents';
import { workdays } from './documents';

const verbs = ['Tham mưu xây dựng', 'Khẩn trương hoàn thiện', 'Tiếp tục rà soát', 'Tổng hợp, báo cáo', 'Chủ trì kiểm tra', 'Phối hợp thẩm định', 'Hoàn thành dự thảo', 'Tổ chức triển khai'];
const objects = [
  'kế hoạch sử dụng đất cấp huyện năm {Y}',
  'báo cáo kết quả công tác cải cách hành chính quý',
  'hồ sơ cấp giấy chứng nhận quyền sử dụng đất còn tồn đọng',
  'phương án bảo vệ khoáng sản chưa khai thác',
  'bảng giá đất điều chỉnh giai đoạn {Y}-{Y2}',
  'đề án phân loại, xử lý chất thải rắn sinh hoạt',
  'số liệu thống kê đất đai năm {Y}',
  'kết luận thanh tra việc khai thác khoáng sản trái phép',
  'quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050',
  'hồ sơ đóng cửa mỏ đối với các mỏ đủ điều kiện',
  'dự toán ngân sách sự nghiệp môi trường năm {Y2}',
  'cơ sở dữ liệu đất đai của các huyện',
];
const targets: [string, number][] = [['giấy chứng nhận', 170], ['hồ sơ', 60], ['cuộc kiểm tra', 12], ['xã', 20]];
const recurringDuties = [
  ['Báo cáo kết quả thực hiện Kế hoạch cải cách hành chính', 'hàng quý, trước ngày 20'],
  ['Báo cáo công tác thanh tra, giải quyết khiếu nại, tố cáo', 'hàng tháng ngày 15'],
  ['Báo cáo tình hình thực hiện nhiệm vụ 6 tháng và năm', 'định kỳ 6 tháng trước 15/6 và hàng năm trước 15/12'],
  ['Báo cáo thống kê đất đai', 'hàng năm trước 30/11'],
] as const;

export interface DemoTask {
  input: TaskCreateInput;
  /** What happens to its (first) occurrence by today. */
  progress: { date: string; result: string; quantity: number | null; percent: number }[];
  completedAt: string | null;
}

function iso(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

/**
 * About perYear tasks assigned in the year, none after today. The recurring
 * duties start in the first year and run on (one occurrence per period).
 */
export function* tasksYear(rng: Rng, year: number, perYear: number, unitIds: number[], today: string, firstYear: boolean): Generator<DemoTask> {
  const days = workdays(year).filter((d) => d <= today);
  if (days.length === 0) return;
  for (const [content, timeText] of firstYear ? recurringDuties : []) {
    yield { input: { content, leadUnitId: rng.pick(unitIds), startDate: `${year}-01-01`, timeText, sourceText: `Kế hoạch số ${rng.int(1, 90)}/KH-UBND ngày 05/01/${year} của UBND tỉnh` }, progress: [], completedAt: null };
  }
  for (let i = 0; i < perYear; i++) {
    const assigned = days[Math.floor((i / perYear) * days.length)]!;
    const month = Number(assigned.slice(5, 7));
    const due = iso(addDays(parseISO(assigned), rng.int(7, 75)));
    const meeting = rng.next() < 0.75;
    const target = rng.next() < 0.1 ? rng.pick(targets) : null;
    const object = rng.pick(objects).replace('{Y}', String(year)).replace('{Y2}', String(year + 1));
    const input: TaskCreateInput = {
      content: `${rng.pick(verbs)} ${object}.`,
      sourceText: meeting ? `Thông báo kết luận giao ban tháng ${month}/${year}` : `Công văn ${rng.int(100, 4999)}/UBND-KT ngày ${assigned.slice(8, 10)}/${month}/${year}`,
      assignedBy: meeting ? 'Giám đốc Sở' : 'Chủ tịch UBND tỉnh',
      leadUnitId: rng.next() < 0.06 ? null : rng.pick(unitIds),
      coordinatingUnitIds: rng.next() < 0.3 ? [rng.pick(unitIds)] : [],
      startDate: assigned,
      deadline: due,
      focus: rng.next() < 0.15,
      inSuperiorProgramme: rng.next() < 0.1,
      ...(target ? { targetQuantity: target[1], targetUnit: target[0] } : {}),
    };
    const progress: DemoTask['progress'] = [];
    let completedAt: string | null = null;
    const r = rng.next();
    const mid = iso(addDays(parseISO(assigned), rng.int(3, 30)));
    if (mid <= today) progress.push({ date: mid, result: 'Đang triển khai, đã hoàn thành một phần khối lượng.', quantity: target ? Math.round(target[1] * 0.5) : null, percent: 50 });
    const finish = r < 0.72 ? iso(addDays(parseISO(due), -rng.int(0, 6))) : r < 0.88 ? iso(addDays(parseISO(due), rng.int(1, 20))) : null;
    if (finish && finish <= today && finish >= assigned) completedAt = finish;
    yield { input, progress: progress.filter((p) => !completedAt || p.date <= completedAt), completedAt };
  }
}
