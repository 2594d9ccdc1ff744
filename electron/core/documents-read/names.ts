/**
 * Agency names and positions are printed in capitals; the register keeps them
 * as a clerk writes them ("Sở Tài chính tỉnh Lạng Sơn", "Phó Giám đốc"). The
 * rules are Vietnamese spelling conventions for administrative names, not a
 * list of agencies.
 */
import { foldVietnamese } from '../../../shared/text';

const ACRONYMS = new Set(['ubnd', 'hdnd', 'mttq', 'tw', 'vn', 'gddt', 'bchqs', 'bch']);
/** A word (or two) naming the kind of agency: the word after it starts with a capital (Sở Tài chính, Cục Thuế). */
const KIND_WORDS = ['tong cuc', 'chi cuc', 'trung tam', 'cong ty', 'benh vien', 'kho bac', 'ban', 'bo', 'so', 'cuc', 'vu', 'vien', 'truong', 'dai', 'bao', 'hoi'];
/** Administrative units: the place name after them is capitalised (tỉnh Hà Giang). */
const PLACE_WORDS = ['thanh pho', 'thi xa', 'thi tran', 'tinh', 'huyen', 'quan', 'xa', 'phuong'];

const lower = (s: string) => s.toLocaleLowerCase('vi');
const capital = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);
const isCapitals = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{Lu}/u.test(s);

function startsWithAt(folded: string[], i: number, phrases: readonly string[]): number {
  for (const p of phrases) {
    const parts = p.split(' ');
    if (parts.every((w, k) => folded[i + k] === w)) return parts.length;
  }
  return 0;
}

/** "CỤC THUẾ TỈNH NGHỆ AN" → "Cục Thuế tỉnh Nghệ An"; a name already in mixed case is kept. */
export function agencyCase(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!isCapitals(clean)) return clean;
  const words = clean.split(' ');
  const folded = words.map((w) => foldVietnamese(w).replace(/[^a-z0-9-]/g, ''));
  const out: string[] = [];
  let capNext = true;
  let inPlace = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const f = folded[i]!;
    if (ACRONYMS.has(f)) {
      out.push(word);
      capNext = false;
      continue;
    }
    // "xã hội" is society, not a commune.
    const place = i > 0 && !inPlace && !(f === 'xa' && folded[i + 1] === 'hoi') ? startsWithAt(folded, i, PLACE_WORDS) : 0;
    if (place) {
      out.push(...words.slice(i, i + place).map(lower));
      i += place - 1;
      inPlace = true;
      continue;
    }
    if (f === 'va' || f === '-') {
      out.push(lower(word));
      capNext = true;
      continue;
    }
    out.push(capNext || inPlace ? capital(lower(word)) : lower(word));
    capNext = word.endsWith(',');
    const kind = i === 0 ? startsWithAt(folded, i, KIND_WORDS) : 0;
    if (kind) {
      out.push(...words.slice(i + 1, i + kind).map(lower));
      i += kind - 1;
      capNext = true;
    }
  }
  return out.join(' ').replace(/^Ủy ban nhân dân\b/u, 'UBND').replace(/^Hội đồng nhân dân\b/u, 'HĐND');
}

/** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" → the last line in sentence case, "Phó Giám đốc", "Phó Chánh Văn phòng". */
export function positionCase(line: string): string {
  const clean = line.replace(/\s+/g, ' ').trim();
  if (!isCapitals(clean)) return clean;
  const words = lower(clean).split(' ');
  return words
    .map((w, i) => {
      const before = foldVietnamese(words[i - 1] ?? '');
      return i === 0 || before === 'pho' || before === 'chanh' ? capital(w) : w;
    })
    .join(' ');
}

/** The issuer already names its place ("Công an tỉnh Hà Giang"). */
const NAMES_PLACE = /(?:^|\s)(?:tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn)\s\p{Lu}/u;
const isUbnd = (folded: string) => /^(ubnd|uy ban nhan dan)\b/.test(folded);

/**
 * The issuing agency as registered, from the header's left block: "UBND TỈNH
 * LẠNG SƠN / SỞ TÀI CHÍNH" → "Sở Tài chính tỉnh Lạng Sơn"; under a provincial
 * or district UBND the place is added, under a ministry it is not.
 */
export function senderFromHeader(header: readonly string[]): string | null {
  const lines = header.map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l !== '');
  if (lines.length === 0) return null;
  const first = foldVietnamese(lines[0]!);
  // "ỦY BAN NHÂN DÂN / TỈNH THANH HÓA": one agency on two lines, no parent.
  if (lines.length === 1 || /^(uy ban nhan dan|hoi dong nhan dan)$/.test(first)) return agencyCase(lines.join(' '));
  const parent = agencyCase(lines[0]!);
  const issuer = agencyCase(lines.slice(1).join(' '));
  const issuerFold = foldVietnamese(issuer);
  if (!isUbnd(first) || NAMES_PLACE.test(issuer)) return issuer;
  if (/^van phong\b/.test(issuerFold) && !/\b(ubnd|hdnd)\b/.test(issuerFold)) return `${issuer} ${parent}`;
  return `${issuer} ${parent.replace(/^(UBND|Ủy ban nhân dân)\s+/u, '')}`;
}

/** The key two agency names are compared by: no diacritics, no case, "Ủy ban nhân dân" = "UBND". */
export function agencyKey(name: string): string {
  return foldVietnamese(name)
    .replace(/\buy ban nhan dan\b/g, 'ubnd')
    .replace(/\bhoi dong nhan dan\b/g, 'hdnd')
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
