/**
 * Demo work files and TTHC dossiers. Each unit plans its files every year
 * (copied from the year before), fills and closes them at year end and hands
 * them to the archive the year after; the one-stop desk receives about 5,000
 * procedure dossiers a year, most solved on time.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { Input } from '../../shared/api/index';
import type { DemoCall } from './batches';
import type { Rng } from './documents';
import { workdays } from './documents';

export const demoProcedures: Input<'tthc.addProcedure'>[] = [
  { code: '1.004227', name: 'Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận lần đầu', field: 'Đất đai', processingDays: 30 },
  { code: '1.004203', name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', field: 'Đất đai', processingDays: 10 },
  { code: '1.001990', name: 'Thu hồi đất, giao đất, cho thuê đất', field: 'Đất đai', processingDays: 20 },
  { code: '1.010727', name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15, fee: 'Theo Nghị quyết của HĐND tỉnh' },
  { code: '1.010733', name: 'Thẩm định báo cáo đánh giá tác động môi trường', field: 'Môi trường', processingDays: 25 },
  { code: '1.004232', name: 'Cấp giấy phép khai thác, sử dụng nước dưới đất', field: 'Tài nguyên nước', processingDays: 25 },
  { code: '1.005403', name: 'Cấp giấy phép khai thác khoáng sản', field: 'Địa chất và khoáng sản', processingDays: 45 },
  { code: '1.001645', name: 'Cung cấp thông tin, dữ liệu đo đạc và bản đồ', field: 'Đo đạc và bản đồ', processingDays: 3 },
];

const applicants = ['Nguyễn Văn An', 'Hoàng Thị Bích', 'Lương Văn Cường', 'Vi Thị Dung', 'Nông Văn Đức', 'Chu Thị Hà', 'Lý Văn Hùng', 'Hà Thị Lan', 'Đinh Văn Minh', 'Triệu Thị Ngọc'];
const companies = ['Công ty TNHH Khoáng sản Đồng Đăng', 'Công ty cổ phần Xi măng Lạng Sơn', 'Hợp tác xã Nông nghiệp Mẫu Sơn', 'Công ty TNHH Xây dựng Kỳ Lừa', 'Công ty cổ phần Cấp nước Lạng Sơn'];
const places = ['thành phố Lạng Sơn', 'huyện Cao Lộc', 'huyện Hữu Lũng', 'huyện Chi Lăng', 'huyện Lộc Bình', 'huyện Văn Lãng'];

export interface DemoTthc {
  input: Omit<Input<'tthc.register'>, 'procedureId'> & { procedure: number };
  /** Offset in working days from the due date of the result (negative: early), or null when still open or withdrawn. */
  resultOffset: number | null;
  withdrawAfterDays: number | null;
}

/** About perYear dossiers received on the year's working days up to today; 40% online. */
export function* tthcYear(rng: Rng, year: number, perYear: number, unitIds: number[], today: string): Generator<DemoTthc> {
  const days = workdays(year).filter((d) => d <= today);
  if (!days.length) return;
  for (let i = 0; i < perYear; i++) {
    const receivedAt = days[Math.floor((i / perYear) * days.length)]!;
    if (receivedAt > today) break;
    const org = rng.next() < 0.25;
    const r = rng.next();
    const online = rng.next() < 0.4;
    yield {
      input: {
        procedure: rng.int(0, demoProcedures.length - 1),
        applicantName: org ? rng.pick(companies) : rng.pick(applicants),
        applicantKind: org ? 'organisation' : 'person',
        applicantAddress: rng.pick(places),
        receivedAt,
        channel: online ? (rng.next() < 0.5 ? 'online3' : 'online4') : rng.next() < 0.9 ? 'direct' : 'post',
        handlingUnitId: rng.pick(unitIds),
      },
      resultOffset: r < 0.9 ? -rng.int(0, 5) : r < 0.97 ? rng.int(1, 15) : null,
      withdrawAfterDays: r >= 0.985 ? rng.int(1, 5) : null,
    };
  }
}

export const iso = (d: Date) => format(d, 'yyyy-MM-dd');
export const plusDays = (day: string, n: number) => iso(addDays(parseISO(day), n));

/** Sub-headings of each unit's part of the yearly list, and the files under them. */
export const fileTemplates: [subheading: string, files: [title: string, retention: 'permanent' | number][]][] = [
  ['Tổng hợp', [['Kế hoạch, báo cáo công tác năm {Y}', 'permanent'], ['Hồ sơ hội nghị tổng kết công tác năm {Y}', 10], ['Văn bản chỉ đạo, hướng dẫn của cấp trên năm {Y}', 10]]],
  ['Chuyên môn, nghiệp vụ', [['Hồ sơ thẩm định, trình phê duyệt năm {Y}', 20], ['Hồ sơ kiểm tra, giám sát năm {Y}', 10], ['Báo cáo thống kê chuyên ngành năm {Y}', 'permanent'], ['Công văn trao đổi về chuyên môn năm {Y}', 5]]],
];

type Call = DemoCall;

/** Each unit's files of the year: planned, filled with a few documents, closed at year end, handed over the next June. */
export async function workFilesYear(call: Call, rng: Rng, year: number, units: { id: number; name: string; abbreviation: string }[], today: string): Promise<number> {
  if (`${year}-01-01` > today) return 0;
  let n = 0;
  const handover = `${year + 1}-06-${String(rng.int(10, 25)).padStart(2, '0')}`;
  for (const u of units) {
    const top = (await call('dossiers.addHeading', { year, title: u.name.toLocaleUpperCase('vi') })) as { id: number };
    const closedIds: number[] = [];
    let k = 0;
    for (const [sub, files] of fileTemplates) {
      const h = (await call('dossiers.addHeading', { year, parentId: top.id, title: sub })) as { id: number };
      for (const [title, retention] of files) {
        const f = (await call('dossiers.create', { year, headingId: h.id, code: `${String(++k).padStart(2, '0')}.${u.abbreviation}`, title: title.replace('{Y}', String(year)), retention, keeperUnitId: u.id })) as { id: number };
        n++;
        const docs = Array.from({ length: rng.int(2, 5) }, (_, i) => ({
          kind: 'other' as const,
          notation: `${rng.int(1, 900)}/${rng.pick(['BC', 'KH', 'TB', 'QĐ'])}-STNMT`,
          date: `${year}-${String(Math.min(12, 1 + i * 3 + rng.int(0, 2))).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          title: `${title.replace('{Y}', String(year))} (văn bản ${i + 1})`,
          sheets: rng.int(1, 12),
        })).filter((d) => d.date <= today);
        if (!docs.length) continue;
        await call('dossiers.addDocuments', { id: f.id, documents: docs });
        // Work ends late in the year, after the file's last document.
        const lastDoc = docs.map((d) => d.date).sort()[docs.length - 1]!;
        const planned = `${year}-11-${String(rng.int(15, 30)).padStart(2, '0')}`;
        const ended = lastDoc > planned ? lastDoc : planned;
        if (year < Number(today.slice(0, 4))) {
          await call('dossiers.close', { id: f.id, workEndedAt: ended, extraSheets: 2 });
          closedIds.push(f.id);
        }
      }
    }
    // Older years are all in the archive; some units are still late with last year's files.
    const late = year + 1 === Number(today.slice(0, 4)) && rng.next() < 0.4;
    if (closedIds.length && handover <= today && !late) {
      await call('dossiers.handOver', { ids: closedIds, date: handover, giverUnitId: u.id, giverPerson: 'Văn thư đơn vị', receiver: 'Lưu trữ cơ quan' });
    }
  }
  return n;
}

/** The one-stop desk's dossiers of a year, with their results and withdrawals. */
export async function tthcDossiersYear(call: Call, rng: Rng, year: number, perYear: number, procedureIds: number[], unitIds: number[], today: string): Promise<number> {
  let n = 0;
  for (const d of tthcYear(rng, year, perYear, unitIds, today)) {
    const { procedure, ...rest } = d.input;
    const reg = (await call('tthc.register', { ...rest, procedureId: procedureIds[procedure] })) as { id: number; dueDate: string };
    n++;
    if (d.withdrawAfterDays !== null) {
      const date = plusDays(d.input.receivedAt, d.withdrawAfterDays);
      if (date <= today) await call('tthc.withdraw', { id: reg.id, date, reason: 'Tổ chức, cá nhân xin rút hồ sơ' });
    } else if (d.resultOffset !== null) {
      const date = plusDays(reg.dueDate, d.resultOffset);
      if (date <= today) await call('tthc.complete', { id: reg.id, resultDate: date < d.input.receivedAt ? d.input.receivedAt : date });
    }
  }
  return n;
}
