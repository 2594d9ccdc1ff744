/**
 * Ten years of a department's registers for the demo and the benchmark:
 * realistic senders, notations and subjects, generated from a fixed seed so
 * that every run makes the same data.
 */
import type { IncomingRegisterInput } from '../../shared/api/incoming';
import type { OutgoingCreateDraftInput } from '../../shared/api/outgoing';
import { toIsoDate } from '../../shared/dates';

/** Small deterministic PRNG (mulberry32): the same seed gives the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

const senders: [name: string, abbr: string][] = [
  ['UBND tỉnh Lạng Sơn', 'UBND'],
  ['Văn phòng UBND tỉnh Lạng Sơn', 'VP'],
  ['Tỉnh ủy Lạng Sơn', 'TU'],
  ['Bộ Tài nguyên và Môi trường', 'BTNMT'],
  ['Sở Nội vụ', 'SNV'],
  ['Sở Tài chính', 'STC'],
  ['Sở Kế hoạch và Đầu tư', 'SKHĐT'],
  ['Sở Xây dựng', 'SXD'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'SNN'],
  ['Sở Tư pháp', 'STP'],
  ['Công an tỉnh Lạng Sơn', 'CAT'],
  ['Cục Thuế tỉnh Lạng Sơn', 'CT'],
  ['UBND thành phố Lạng Sơn', 'UBND'],
  ['UBND huyện Cao Lộc', 'UBND'],
  ['UBND huyện Hữu Lũng', 'UBND'],
  ['UBND huyện Chi Lăng', 'UBND'],
  ['UBND huyện Lộc Bình', 'UBND'],
  ['UBND huyện Văn Lãng', 'UBND'],
  ['UBND huyện Đình Lập', 'UBND'],
  ['UBND huyện Bắc Sơn', 'UBND'],
];

const typesIn = ['CV', 'CV', 'CV', 'CV', 'QĐ', 'KH', 'BC', 'TB', 'GM', 'TTr', 'HD', 'CTr'] as const;
const typesOut = ['CV', 'CV', 'CV', 'BC', 'BC', 'KH', 'QĐ', 'TTr', 'TB', 'GM'] as const;

const topics = [
  'công tác quản lý đất đai',
  'cấp giấy chứng nhận quyền sử dụng đất',
  'bảo vệ môi trường tại các khu công nghiệp',
  'quản lý tài nguyên nước',
  'hoạt động khai thác khoáng sản',
  'thu hồi đất, bồi thường, hỗ trợ, tái định cư',
  'kế hoạch sử dụng đất năm {Y}',
  'kiểm kê đất đai, lập bản đồ hiện trạng sử dụng đất',
  'công tác cải cách hành chính',
  'giải quyết đơn thư khiếu nại, tố cáo',
  'phòng, chống thiên tai và ứng phó biến đổi khí hậu',
  'chuyển đổi số trong lĩnh vực tài nguyên và môi trường',
  'đo đạc, chỉnh lý biến động bản đồ địa chính',
  'quan trắc môi trường định kỳ',
  'xử lý chất thải rắn sinh hoạt',
  'thanh tra, kiểm tra việc chấp hành pháp luật về đất đai',
  'dự toán ngân sách năm {Y}',
  'công tác thi đua, khen thưởng',
  'phòng cháy, chữa cháy rừng',
  'cơ sở dữ liệu đất đai',
];

const openings: Record<string, readonly string[]> = {
  CV: ['V/v triển khai', 'V/v báo cáo', 'V/v đề nghị phối hợp', 'V/v tham gia ý kiến về', 'V/v đôn đốc thực hiện', 'V/v rà soát'],
  QĐ: ['Quyết định phê duyệt', 'Quyết định ban hành kế hoạch về', 'Quyết định thành lập Tổ công tác về'],
  KH: ['Kế hoạch thực hiện', 'Kế hoạch kiểm tra', 'Kế hoạch triển khai'],
  BC: ['Báo cáo kết quả', 'Báo cáo tình hình', 'Báo cáo tổng kết'],
  TB: ['Thông báo kết luận về', 'Thông báo lịch làm việc về'],
  GM: ['Giấy mời họp về', 'Giấy mời dự hội nghị về'],
  TTr: ['Tờ trình đề nghị phê duyệt', 'Tờ trình về'],
  HD: ['Hướng dẫn thực hiện', 'Hướng dẫn nghiệp vụ về'],
  CTr: ['Chương trình công tác về', 'Chương trình hành động về'],
};

function subject(rng: Rng, type: string, year: number): string {
  const opening = rng.pick(openings[type] ?? openings.CV!);
  const topic = rng.pick(topics).replace('{Y}', String(year));
  const tail = rng.chance(0.3) ? ` trên địa bàn tỉnh Lạng Sơn` : rng.chance(0.3) ? ` quý ${rng.int(1, 4)} năm ${year}` : '';
  return `${opening} ${topic}${tail}`;
}

/** Working days of a year (Monday to Friday), in order. */
export function workdays(year: number): string[] {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) out.push(toIsoDate(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));
  }
  return out;
}

function minusDays(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return toIsoDate(new Date(y, m - 1, d - n));
}

/** One year's incoming documents, about `perDay` per working day, in arrival order. */
export function* incomingYear(rng: Rng, year: number, perDay: number, leadUnitIds: number[]): Generator<IncomingRegisterInput> {
  const counters = new Map<string, number>();
  for (const day of workdays(year)) {
    const n = Math.max(0, Math.round(perDay * (0.6 + rng.next() * 0.8)));
    for (let i = 0; i < n; i++) {
      const [senderName, abbr] = rng.pick(senders);
      const type = rng.pick(typesIn);
      const key = `${senderName}|${type}`;
      const num = (counters.get(key) ?? rng.int(1, 40)) + rng.int(1, 25);
      counters.set(key, num);
      const notation = type === 'CV' ? `${num}/${abbr}-${rng.pick(['VP', 'KT', 'NC', 'TH', 'QLĐĐ'])}` : `${num}/${type}-${abbr}`;
      const assigned = rng.chance(0.7);
      yield {
        arrivalDate: day,
        senderName,
        notation,
        documentDate: minusDays(day, rng.int(0, 6)),
        subject: subject(rng, type, year),
        urgency: rng.chance(0.05) ? 'khan' : null,
        receivedVia: rng.pick(['electronic', 'electronic', 'electronic', 'post', 'hand'] as const),
        pages: rng.int(1, 12),
        ...(assigned && leadUnitIds.length
          ? { leadUnitId: rng.pick(leadUnitIds), deadline: rng.chance(0.6) ? minusDays(day, -rng.int(5, 30)) : null }
          : {}),
        confirmDuplicate: true,
      };
    }
  }
}

/** One year's outgoing drafts with their issue dates. */
export function* outgoingYear(rng: Rng, year: number, perDay: number, draftingUnitIds: number[]): Generator<{ draft: OutgoingCreateDraftInput; issueDate: string }> {
  for (const day of workdays(year)) {
    const n = Math.max(0, Math.round(perDay * (0.5 + rng.next())));
    for (let i = 0; i < n; i++) {
      const type = rng.pick(typesOut);
      yield {
        draft: {
          documentType: type,
          subject: subject(rng, type, year),
          draftingUnitId: rng.pick(draftingUnitIds),
          drafterInitials: rng.pick(['PAD', 'NTH', 'LVT', 'HTM', 'ĐQK', 'BTL']),
          signerName: rng.pick(['Nguyễn Văn An', 'Hoàng Thị Bình', 'Lương Đức Chính']),
          signerPosition: rng.pick(['Giám đốc', 'Phó Giám đốc']),
          recipients: [{ name: rng.pick(senders)[0] }],
          copies: rng.int(2, 8),
        },
        issueDate: day,
      };
    }
  }
}
