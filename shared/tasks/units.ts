/**
 * Unit names as administrative texts write them: what a name starts with,
 * where it ends in a sentence ("Sở Tài chính chủ trì, …"), and how a list of
 * them splits without cutting "UBND các huyện, thị xã, thành phố" or
 * "Phòng Tổ chức, biên chế và tổ chức phi chính phủ".
 */
import { foldVietnamese } from '../text';

/** Words a unit's name starts with, whatever follows ("Công an tỉnh", "UBND các xã"). */
const FREE = [
  'Văn phòng', 'UBND', 'HĐND', 'Ủy ban', 'Uỷ ban', 'Hội đồng', 'Hạt', 'Trạm', 'Quỹ', 'Chi nhánh', 'Công an', 'Kho bạc',
  'Công ty', 'Tổng công ty', 'Liên đoàn', 'Liên minh', 'Tỉnh đoàn', 'Thành đoàn', 'Huyện đoàn', 'Mặt trận', 'Ngân hàng',
  'Bảo hiểm xã hội', 'Công chức', 'Hợp tác xã', 'Điện lực', 'Tỉnh ủy', 'Huyện ủy', 'Thành ủy', 'Đảng ủy', 'Chi bộ',
  'Bộ phận', 'Bộ Chỉ huy', 'Ban nhân dân', 'Ban quản lý', 'Ban chỉ đạo', 'Ban chỉ huy',
];
/**
 * Words that start a name only before a capitalised word: "Sở Xây dựng", "Ban Quản lý …",
 * "Báo Quảng Nam" are units; "Ban hành", "Tổ chức", "Báo cáo", "Bộ tiêu chí" are not.
 */
const CAPITAL = [
  'Thanh tra', 'Phòng', 'Chi cục', 'Tổng cục', 'Cục', 'Trung tâm', 'Ban', 'Đội', 'Sở', 'Bộ', 'Tổ', 'Đoàn', 'Báo', 'Đài',
  'Viện', 'Trường', 'Bệnh viện', 'Hội', 'Cán bộ', 'Nhà xuất bản', 'Vụ(?!\\s+(?:Đông|Xuân|Mùa|Hè|Thu))',
];
/** Plural nouns after "Các"/"các" that make a collective unit ("Các chủ đầu tư", "các sở, ngành"). */
const COLLECTIVE = [
  'phòng', 'ban', 'ngành', 'sở', 'đơn vị', 'chủ đầu tư', 'cơ quan', 'đoàn thể', 'xã', 'huyện', 'chi cục', 'trung tâm',
  'tổ chức', 'doanh nghiệp', 'hội', 'địa phương', 'bộ', 'cục', 'trường', 'chủ hồ', 'nhà thầu', 'thành viên', 'ấp', 'thôn',
  'tổ', 'đội', 'hợp tác xã', 'công ty', 'ngân hàng', 'đài', 'báo', 'lực lượng', 'thành phố', 'quận', 'phường',
];
const alt = (xs: string[]) => xs.map((x) => x.replace(/ /g, '\\s+')).join('|');
const PREFIX = `(?:(?:${alt(FREE)})(?=[\\s,;:.)]|$)|(?:${alt(CAPITAL)})(?=\\s+\\p{Lu}|[,;:.)]|$))`;
const COLLECTIVE_RE = `[Cc]ác\\s+(?:${alt(COLLECTIVE)})(?=[\\s,;:.)]|$)`;
const UNIT_START = new RegExp(`^(?:${PREFIX}|${COLLECTIVE_RE})`, 'u');
/** "Các cấp, các ngành …": addressed to everyone, no unit named. */
const EVERYONE = /^(?:các cấp,?\s+các ngành|toàn thể|tất cả|mọi)\b/iu;

/**
 * Words that end a unit's name when a sentence goes on with what the unit
 * does. Matched in lower case only: a name writes its words capitalised
 * ("Sở Xây dựng"), the verb after it does not ("… xây dựng kế hoạch").
 */
const VERBS = [
  'chủ trì', 'phối hợp', 'tăng cường', 'tiếp tục', 'khẩn trương', 'thực hiện', 'tham mưu', 'có trách nhiệm',
  'chịu trách nhiệm', 'chủ động', 'xây dựng', 'rà soát', 'theo dõi', 'nghiên cứu', 'đôn đốc', 'hướng dẫn', 'tổ chức',
  'triển khai', 'hoàn thành', 'hoàn thiện', 'báo cáo', 'tổng hợp', 'kiểm tra', 'đề xuất', 'bám sát', 'thường xuyên',
  'tập trung', 'chỉ đạo', 'kiểm soát', 'công bố', 'lập', 'cập nhật', 'chuẩn bị', 'thành lập', 'xử lý', 'vận động',
  'tuyên truyền', 'phổ biến', 'đẩy mạnh', 'đẩy nhanh', 'nâng cao', 'bố trí', 'cung cấp', 'thẩm định', 'thẩm tra',
  'phê duyệt', 'trình', 'gửi', 'ban hành', 'sẵn sàng', 'duy trì', 'quán triệt', 'căn cứ', 'cần', 'phải', 'được',
  'sớm', 'kịp thời', 'nghiêm túc', 'khắc phục', 'giám sát', 'điều chỉnh', 'bảo đảm', 'đảm bảo', 'tiếp nhận',
  'giải quyết', 'hỗ trợ', 'phân công', 'kiện toàn', 'tích cực', 'quan tâm', 'ưu tiên', 'mua sắm', 'di dời', 'tiến hành',
  'khảo sát', 'thống kê', 'đánh giá', 'chấn chỉnh', 'tập huấn', 'ứng dụng', 'số hóa', 'phát huy', 'tham gia', 'rà',
  'thông tin', 'vận hành', 'công khai', 'nắm', 'đề nghị', 'yêu cầu', 'có', 'không', 'là', 'sẽ',
  'thu hồi', 'cử', 'giao', 'liên hệ', 'lựa chọn', 'huy động', 'bàn giao',
];
const VERB_AFTER_NAME = new RegExp(`(?<!\\s(?:các|những))\\s(?:${alt(VERBS)})(?=[\\s,;:.]|$)`, 'u');

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function startsWithUnit(text: string, known: readonly string[] = []): boolean {
  return UNIT_START.test(text) || knownAt(text, known) > 0;
}

/** Length of the longest known unit name the text starts with (diacritics and case ignored), or 0. */
function knownAt(text: string, known: readonly string[]): number {
  const f = foldVietnamese(text);
  let best = 0;
  for (const k of known) {
    const fk = foldVietnamese(k);
    if (fk.length > best && f.startsWith(fk) && !/[\p{L}\d]/u.test(f.charAt(fk.length))) best = fk.length;
  }
  return best;
}

/** A heading or cell that is only a unit's name ("a) Văn phòng Sở:", "2.1. Phòng Tài chính - Kế hoạch"). */
export function unitHeading(text: string, known: readonly string[]): string | null {
  const t = text.replace(/^(?:Trách nhiệm của|Đối với|Giao)\s+/u, '').replace(/[:.]\s*$/, '').trim();
  if (t.split(/\s+/).length > 16 || /[.;!?]/.test(t)) return null;
  if (!startsWithUnit(t, known)) return null;
  // "Phòng Tài chính - Kế hoạch chủ trì …" is an item, not a heading.
  const verb = VERB_AFTER_NAME.exec(t);
  return verb && verb.index >= knownAt(t, known) ? null : t;
}

/**
 * "Sở Tài chính, Sở Kế hoạch và Đầu tư; UBND các huyện, thành phố và các chủ hồ" → four units.
 * A comma or "và" starts a new unit only where a unit's first word follows; "và" between
 * two abbreviations ("Văn phòng HĐND và UBND thành phố") joins one office of both.
 */
const SPLITTER = new RegExp(`(,\\s+|\\s+và\\s+)(?=${PREFIX}|${COLLECTIVE_RE}|các\\s)`, 'gu');

export function splitUnits(text: string): string[] {
  const clean = text.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').replace(/[.;,:\s]+$/, '').trim();
  const out: string[] = [];
  for (const part of clean.split(/\s*;\s*/)) {
    const pieces: string[] = [];
    let last = 0;
    for (const m of part.matchAll(SPLITTER)) {
      const before = part.slice(last, m.index);
      if (m[1]!.trim() === 'và' && /\p{Lu}{2,}$/u.test(before)) continue;
      pieces.push(before);
      last = m.index + m[0].length;
    }
    pieces.push(part.slice(last));
    out.push(...pieces.map((p) => p.trim()).filter((p) => p.length > 0));
  }
  return out.map(capitaliseIfCollective);
}

/** "phòng Kế hoạch - Tài nguyên nước" in running text is "Phòng Kế hoạch - Tài nguyên nước"; "các sở, ngành" stays as written. */
function capitaliseIfCollective(name: string): string {
  return /^các\s/u.test(name) ? name : capitalise(name);
}

export interface Subject {
  /** The units the sentence gives the work to; empty for everyone. */
  leads: string[];
}

/** The unit a sentence hands its work to: "Giao X chủ trì …", "Đề nghị X …", "Yêu cầu X …", "X tăng cường …". */
export function subjectOf(sentence: string, known: readonly string[]): Subject | null {
  const rest = sentence.replace(/^(?:Giao cho|Giao|Đề nghị|Yêu cầu)\s+/u, '');
  if (EVERYONE.test(rest)) return { leads: [] };
  if (!startsWithUnit(rest, known)) return null;
  const name = nameAtStart(rest, known);
  return name ? { leads: splitUnits(name) } : null;
}

/** The unit names a text starts with, up to the verb, colon or parenthesis that follows them. */
function nameAtStart(text: string, known: readonly string[]): string | null {
  const from = knownAt(text, known);
  const tail = text.slice(from);
  const stops = [VERB_AFTER_NAME.exec(tail)?.index, tail.search(/[(:;]|\s(?:để|nhằm)\s/u)].filter((i): i is number => i !== undefined && i >= 0);
  const end = stops.length > 0 ? from + Math.min(...stops) : from > 0 ? from : -1;
  if (end <= 0) return null;
  const name = text.slice(0, end).replace(/[,\s]+$/, '').trim();
  return name.split(/\s+/).length <= 25 ? name : null;
}

const COORDINATING = /phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+/gu;

/** Units after "phối hợp (với)": "… phối hợp với Sở Tài chính, Đài Khí tượng Thủy văn tỉnh rà soát …". */
export function coordinatingIn(text: string, known: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(COORDINATING)) {
    const rest = text.slice(m.index + m[0].length);
    const start = rest.replace(/^phòng\s/u, 'Phòng ');
    if (!startsWithUnit(start, known) && !/^các\s/u.test(start)) continue;
    const stop = [VERB_AFTER_NAME.exec(start)?.index, start.search(/[(:;.]|\s(?:để|nhằm|trong|về|tại|theo|trên)\s/u)]
      .filter((i): i is number => i !== undefined && i >= 0);
    const end = stops(stop, start.length);
    out.push(...splitUnits(start.slice(0, end)));
  }
  return [...new Set(out)];
}

function stops(found: number[], fallback: number): number {
  return found.length > 0 ? Math.min(...found) : fallback;
}

export function sameUnit(a: string, b: string): boolean {
  return foldVietnamese(a).replace(/\s+/g, ' ') === foldVietnamese(b).replace(/\s+/g, ' ');
}
