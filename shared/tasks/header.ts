/**
 * The header of an administrative document (Decree 30/2020 layout): the
 * issuing body under its parent ("UBND TỈNH THÁI NGUYÊN / SỞ NÔNG NGHIỆP …"),
 * "Số: 412/TB-SNN", the place and date line, the type ("THÔNG BÁO") and the
 * subject under it, or "V/v …" for a letter. PDF extraction often merges the
 * two header columns on one line; the right column's words are taken out.
 */
import { isIsoDate } from '../dates';

export interface DocumentSource {
  issuer: string | null;
  documentType: string | null;
  notation: string | null;
  documentDate: string | null;
  subject: string | null;
}

const RIGHT_COLUMN = [/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/iu, /CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM/iu, /Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/iu];
const DATE_LINE = /(?:^|[\p{L}\s.]+,\s*)ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
const BODY_WORDS = /^(?:UBND|ỦY BAN|UỶ BAN|SỞ|VĂN PHÒNG|BỘ|BAN|CHI CỤC|TỔNG CỤC|CỤC|TRUNG TÂM|PHÒNG|THANH TRA|HỘI ĐỒNG|ĐẢNG ỦY|TỈNH ỦY|HUYỆN ỦY|KHO BẠC|CÔNG AN|BẢO HIỂM|ĐÀI|BÁO|TRƯỜNG|BỆNH VIỆN|VIỆN|HỘI|LIÊN ĐOÀN)(?:\s|$)/u;
const LOCALITY = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$/u;
const TYPES = [
  'THÔNG BÁO', 'KẾ HOẠCH', 'QUYẾT ĐỊNH', 'CHỈ THỊ', 'BÁO CÁO', 'CÔNG ĐIỆN', 'CHƯƠNG TRÌNH', 'NGHỊ QUYẾT', 'HƯỚNG DẪN',
  'TỜ TRÌNH', 'BIÊN BẢN', 'PHƯƠNG ÁN', 'ĐỀ ÁN', 'GIẤY MỜI', 'QUY CHẾ', 'QUY ĐỊNH', 'CÔNG VĂN',
];
const TYPE_CODES: Record<string, string> = {
  TB: 'Thông báo', KH: 'Kế hoạch', QĐ: 'Quyết định', CT: 'Chỉ thị', BC: 'Báo cáo', CĐ: 'Công điện', CTr: 'Chương trình',
  NQ: 'Nghị quyết', HD: 'Hướng dẫn', TTr: 'Tờ trình', BB: 'Biên bản', PA: 'Phương án', ĐA: 'Đề án', GM: 'Giấy mời',
};
const STOP = /^(?:Căn cứ|Thực hiện|Kính gửi|Ngày\s+\d|Theo|Sau khi|Trên cơ sở|Năm\s+\d{4},|I\.|1\.)/u;

function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

function titleCase(s: string): string {
  return s.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toLocaleUpperCase('vi'));
}

function withoutRightColumn(line: string): string {
  let t = line;
  for (const re of RIGHT_COLUMN) t = t.replace(re, ' ');
  return t.replace(/_{3,}/g, ' ').replace(/\s+/g, ' ').trim();
}

/** "TỈNH HÀ TĨNH" → "tỉnh Hà Tĩnh". */
function locality(raw: string): string | null {
  const m = LOCALITY.exec(raw);
  return m ? `${m[1]!.toLocaleLowerCase('vi')} ${titleCase(m[2]!)}` : null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A body's name as the text itself writes it in lower case ("Sở Nông nghiệp và Phát triển nông thôn"), else a guess. */
function nameOf(raw: string, text: string): string {
  const full = raw.replace(/^UBND\b/u, 'ỦY BAN NHÂN DÂN').replace(/^UỶ/u, 'ỦY');
  const ubnd = /^ỦY BAN NHÂN DÂN\s+(.+)$/u.exec(full);
  if (ubnd) return `Ủy ban nhân dân ${locality(ubnd[1]!) ?? titleCase(ubnd[1]!)}`;
  const written = new RegExp(`(?<![\\p{L}])${full.split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}])`, 'giu');
  for (const m of text.matchAll(written)) if (m[0] !== m[0].toLocaleUpperCase('vi')) return m[0].replace(/\s+/g, ' ');
  // Capitalise the first word of the name and the first word after "và" or a comma.
  return sentenceCase(full).replace(/(\s(?:và|,)\s|^\p{L}+\s)(\p{L})/gu, (_, a: string, c: string) => a + c.toLocaleUpperCase('vi'));
}

function issuerOf(headerLines: string[], text: string): string | null {
  const segments: string[] = [];
  for (const line of headerLines) {
    if (!/\p{Lu}/u.test(line) || line !== line.toLocaleUpperCase('vi')) continue;
    if (BODY_WORDS.test(line) || segments.length === 0) segments.push(line);
    else segments[segments.length - 1] += ` ${line}`;
  }
  const own = segments[segments.length - 1];
  if (!own) return null;
  const parent = segments.length > 1 ? segments[segments.length - 2]! : null;
  const name = nameOf(own, text);
  if (/^Ủy ban nhân dân /u.test(name) || !parent || /\s(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s/iu.test(` ${name} `)) return name;
  const parentName = nameOf(parent, text);
  if (/^VĂN PHÒNG$/u.test(own)) return `Văn phòng ${parentName}`;
  const place = /^Ủy ban nhân dân (.+)$/u.exec(parentName)?.[1];
  return place ? `${name} ${place}` : name;
}

/** Issuer, type, number and notation, date and subject from the document's header; null where the text does not say. */
export function readSource(text: string): DocumentSource {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[*#]+/g, '').trim()).filter((l) => l !== '').slice(0, 60);
  const numberAt = lines.findIndex((l) => /^Số\s*:/u.test(l));
  const notation = numberAt >= 0 ? /^Số\s*:\s*(\S*\/\S+)/u.exec(lines[numberAt]!)?.[1] ?? null : null;
  let documentDate: string | null = null;
  let dateAt = -1;
  for (const [i, l] of lines.entries()) {
    const m = DATE_LINE.exec(l);
    if (!m) continue;
    const d = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
    if (isIsoDate(d)) [documentDate, dateAt] = [d, i];
    break;
  }
  const headerLines = (numberAt >= 0 ? lines.slice(0, numberAt) : []).map(withoutRightColumn).filter((l) => l !== '');
  const issuer = issuerOf(headerLines, text);

  let documentType: string | null = null;
  let subject: string | null = null;
  const from = Math.max(numberAt, dateAt) + 1;
  const typeAt = lines.findIndex((l, i) => i >= from - 1 && TYPES.includes(withoutRightColumn(l).replace(/:$/, '')));
  const vv = lines.findIndex((l) => /^V\/v\s/u.test(l));
  const subjectFrom = (at: number) => {
    const out: string[] = [];
    for (let i = at; i < lines.length && out.length < 4; i++) {
      const l = withoutRightColumn(lines[i]!);
      if (l === '' || STOP.test(l) || DATE_LINE.test(l) || /^Số\s*:/u.test(l) || (i > at && l === l.toLocaleUpperCase('vi'))) break;
      out.push(l);
    }
    return out.length > 0 ? out.join(' ') : null;
  };
  if (typeAt >= 0) {
    documentType = sentenceCase(withoutRightColumn(lines[typeAt]!).replace(/:$/, ''));
    subject = subjectFrom(typeAt + 1);
  } else if (vv >= 0) {
    documentType = 'Công văn';
    subject = subjectFrom(vv)?.replace(/^V\/v\s+/u, '') ?? null;
  }
  if (!documentType && notation) {
    const code = /^[^/]*\/(?:\d{4}\/)?([^-/]+)-/u.exec(notation)?.[1];
    documentType = code ? TYPE_CODES[code] ?? null : 'Công văn';
  }
  return { issuer, documentType, notation, documentDate, subject };
}

/** "Thông báo số 412/TB-SNN ngày 06/10/2023 của Sở …": the source a saved task cites. */
export function describeSource(s: DocumentSource): string {
  const date = s.documentDate ? s.documentDate.split('-').reverse().join('/') : null;
  return [s.documentType ?? 'Văn bản', s.notation ? `số ${s.notation}` : null, date ? `ngày ${date}` : null, s.issuer ? `của ${s.issuer}` : null]
    .filter((p): p is string => p !== null)
    .join(' ');
}
