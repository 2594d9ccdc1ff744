/**
 * Turns the text of a conclusion, plan or letter into logical lines. Texts
 * come from Word or from PDF extraction: markdown marks, hard line breaks
 * mid-sentence (often with an empty line after every printed line), page
 * numbers ("2", "- 2 -", "Trang 2/5") and footnotes between the two halves of
 * a sentence, recipients ("Kính gửi", "Nơi nhận") and the signature block.
 */

export type Marker =
  | 'roman' | 'num1' | 'num2' | 'num3' | 'num4' | 'numdash' | 'paren' | 'letter' | 'dash' | 'plus' | 'bullet' | 'article';
export type LineKind = 'heading' | 'item' | 'label' | 'closing' | 'text';

export interface Line {
  kind: LineKind;
  /** The text without its marker. */
  text: string;
  /** The line as written, marker included ("a) Về lĩnh vực đất đai:"). */
  raw: string;
  marker?: Marker;
  label?: 'lead' | 'coordinating' | 'time';
}

/** A cleaned physical line; bare numbers are kept, since a table's row numbers look like page numbers. */
export interface PhysicalLine {
  text: string;
  bareNumber: boolean;
}

const LABELS: [RegExp, NonNullable<Line['label']>][] = [
  [/^(?:[-–+•]\s*)?(?:Cơ quan|Đơn vị)\s+(?:thực hiện|chủ trì)(?:\s*\/\s*chủ trì)?\s*:\s*/iu, 'lead'],
  [/^(?:[-–+•]\s*)?(?:Cơ quan|Đơn vị)\s+phối hợp(?: thực hiện)?\s*:\s*/iu, 'coordinating'],
  [/^(?:[-–+•]\s*)?(?:Thời gian(?: thực hiện| hoàn thành)?|Thời hạn(?: hoàn thành)?|Tiến độ(?: thực hiện| hoàn thành)?)\s*:\s*/iu, 'time'],
];
const MARKERS: [RegExp, Marker][] = [
  [/^Điều\s+\d+\s*[.:]\s*/u, 'article'],
  [/^[IVXL]+\s*[.)]\s+/u, 'roman'],
  [/^\d{1,2}(?:\.\d{1,2}){3}\.?\s+/u, 'num4'],
  [/^\d{1,2}(?:\.\d{1,2}){2}\.?\s+/u, 'num3'],
  [/^\d{1,2}\.\d{1,2}\.?\s+/u, 'num2'],
  [/^\d{1,3}\.\s+/u, 'num1'],
  [/^\d{1,3}\s*[-–]\s+/u, 'numdash'],
  [/^\(?\d{1,3}\)\s+/u, 'paren'],
  [/^[a-zđ]\)\s+/u, 'letter'],
  [/^[a-zđ]\.\s+(?=\p{Lu})/u, 'letter'],
  [/^[-–—](?:\s+|(?=\p{Lu}))/u, 'dash'],
  [/^\+\s*/u, 'plus'],
  [/^[•·*]\s+/u, 'bullet'],
];
/** Sentences that close the list of tasks, said to everyone: not tasks, and what follows them is not part of a task. */
const CLOSING = [
  /(?:nếu|khi|trường hợp)\s+có\s+khó khăn,?\s+vướng mắc|trong quá trình (?:triển khai\s+)?thực hiện(?:,|\s+nếu|\s+có)/iu,
  /căn cứ (?:chức năng,?\s+)?nhiệm vụ được (?:giao|phân công).{0,120}(?:triển khai|tổ chức)\s+thực hiện/iu,
  /^(?:Yêu cầu|Đề nghị|Căn cứ).{0,200}nghiêm túc\s+(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện/iu,
  /thông báo (?:để|cho) .{0,80}biết/iu,
  /chịu trách nhiệm thi hành|có hiệu lực (?:thi hành\s+)?(?:kể\s+)?từ/iu,
  /^(?:Sau|Quá|Hết)\s+(?:thời hạn|thời gian)\s/iu,
  /^(?:Căn cứ (?:nội dung|ý kiến) kết luận|Trên đây là)/iu,
];
/** The end of the body: what follows is the recipients and the signature, until an appendix. */
const END = /^(?:Nơi nhận|TM\.|KT\.|TL\.|TUQ\.)/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?:\s|$)/u;
const PAGE = /^(?:[-–]\s*\d{1,3}\s*[-–]|Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?|Page\s+\d+(?:\s*\/\s*\d+)?|\d{1,3}\s*\/\s*\d{1,3})$/iu;
const SUPERSCRIPT = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu;
const FOOTNOTE_START = /^(?:<sup>\d+<\/sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/u;

/** Strip markdown emphasis, footnote marks and odd spaces. */
export function cleanText(raw: string): string {
  return raw
    .replace(/\u00a0/g, ' ')
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/^\s*\*\s+(?=\S)/, '• ')
    .replace(/\*{1,3}([^*\n]*)\*{1,3}/g, '$1')
    .replace(/\*+/g, '')
    .replace(/(?<=\S)[¹²³⁴⁵⁶⁷⁸⁹⁰]+/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Physical lines without blanks, footnotes (a rule, then lines opening with a
 * footnote mark, up to the next empty line), page numbers and rules.
 */
export function physicalLines(raw: string): PhysicalLine[] {
  const src = raw.replace(/\r\n?/g, '\n').split('\n');
  const out: PhysicalLine[] = [];
  let inFootnote = false;
  for (let i = 0; i < src.length; i++) {
    const original = src[i]!.trim();
    if (original === '') {
      inFootnote = false;
      continue;
    }
    if (inFootnote) continue;
    if (FOOTNOTE_START.test(original)) {
      inFootnote = true;
      continue;
    }
    const text = cleanText(original);
    if (text === '' || /^[_\-=–—.]{3,}$/.test(text) || PAGE.test(text)) continue;
    out.push({ text: text.replace(SUPERSCRIPT, ''), bareNumber: /^\d{1,3}$/.test(text) });
  }
  return out;
}

function classify(text: string): Line {
  const md = /^#{1,6}\s+/.exec(text);
  const body = md ? text.slice(md[0].length) : text;
  for (const [re, label] of LABELS) {
    if (re.test(body)) return { kind: 'label', label, text: body.replace(re, '').trim(), raw: text };
  }
  for (const [re, marker] of MARKERS) {
    const m = re.exec(body);
    if (!m) continue;
    const kind = md || marker === 'roman' ? 'heading' : 'item';
    return { kind, marker, text: body.slice(m[0].length).trim(), raw: body };
  }
  if (md || isCapitals(body)) return { kind: 'heading', text: body, raw: body };
  return { kind: 'text', text: body, raw: body };
}

/** "QUYẾT ĐỊNH:", "NHIỆM VỤ TRỌNG TÂM": a line in capitals is a heading. */
export function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toLocaleUpperCase('vi') && /\s/.test(text.trim());
}

export function isClosing(text: string): boolean {
  return CLOSING.some((re) => re.test(text));
}

const ENDS_SENTENCE = /[.;!?]["”)]?$/;
const STARTS_LOWER = /^[\p{Ll}\d(]/u;

/** A short numbered line with no punctuation ("2.1. Phòng Tài chính - Kế hoạch", "1. Nhiệm vụ chung") stands alone. */
function standsAlone(line: Line): boolean {
  return line.kind === 'item' && line.text.split(/\s+/).length <= 12 && !/[.;,]$/.test(line.text);
}

const DATE_LINE = /,\s*ngày\s+[\d.…\s]*tháng\s+[\d.…\s]*năm\s+\d{4}/u;

/** Where the body starts: after the header's "Số:" and place-and-date lines. */
function bodyStart(lines: readonly PhysicalLine[]): number {
  let start = 0;
  for (const [i, p] of lines.slice(0, 30).entries()) if (/^Số\s*:/u.test(p.text) || DATE_LINE.test(p.text)) start = i + 1;
  return start;
}

/**
 * Logical lines of the body: a physical line that is not a marker, heading or
 * label continues the line before when it starts in lower case or the line
 * before did not end its sentence. Recipients, the signature block and
 * everything up to an appendix are left out.
 */
export function logicalLines(lines: readonly PhysicalLine[]): Line[] {
  const out: Line[] = [];
  let skipping: 'recipients' | 'end' | null = null;
  for (const p of lines.slice(bodyStart(lines))) {
    if (p.bareNumber) continue;
    const text = p.text;
    if (skipping === 'end') {
      if (APPENDIX.test(text)) skipping = null;
      continue;
    }
    if (END.test(text)) {
      skipping = 'end';
      continue;
    }
    if (/^Kính gửi\s*:?/iu.test(text)) {
      skipping = 'recipients';
      continue;
    }
    if (skipping === 'recipients') {
      if (/^[-–+•]/.test(text) || (out.length > 0 && STARTS_LOWER.test(text))) continue;
      skipping = null;
    }
    const line = classify(text);
    const prev = out[out.length - 1];
    const continues =
      line.kind === 'text' && prev !== undefined && prev.kind !== 'heading' &&
      (STARTS_LOWER.test(text) || (!ENDS_SENTENCE.test(prev.text) && !(standsAlone(prev) && /^\p{Lu}/u.test(text))));
    if (continues) {
      prev.text = `${prev.text} ${text}`;
      prev.raw = `${prev.raw} ${text}`;
    } else out.push(line);
  }
  for (const l of out) if ((l.kind === 'text' || l.kind === 'item') && isClosing(l.text)) l.kind = 'closing';
  return out;
}
