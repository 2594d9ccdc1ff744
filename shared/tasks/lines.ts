/**
 * Turns the text of a conclusion, plan or letter into logical lines. Real
 * texts come from Word via copy or conversion: markdown marks, footnotes
 * between two halves of a sentence at a page break, and a hard line break
 * (often with an empty line) after every printed line.
 */

export type LineKind = 'heading' | 'item' | 'label' | 'closing' | 'end' | 'text';
export type ItemMarker = 'number' | 'letter' | 'dash';

export interface Line {
  kind: LineKind;
  text: string;
  /** For items: the kind of marker, so sub-items can be told from items. */
  marker?: ItemMarker;
  /** The line as written, marker included ("a) Về lĩnh vực đất đai:"). */
  raw: string;
  /** For labels: which one. */
  label?: 'lead' | 'coordinating' | 'time';
}

const HEADING_MD = /^#{1,6}\s+/;
const HEADING_ROMAN = /^[IVXL]+\.\s+\S/;
const HEADING_MULTI = /^\d+(?:\.\d+)+\.?\s+\S/;
const ITEM_NUMBER = /^\d{1,3}\s*[-–.)]\s+/;
const ITEM_LETTER = /^[a-zđ]\)\s+/;
const ITEM_DASH = /^[-–+•]\s+/;
const LABELS: [RegExp, NonNullable<Line['label']>][] = [
  [/^(?:[-–]\s*)?(?:Cơ quan|Đơn vị)\s+(?:thực hiện|chủ trì)(?:\s*\/\s*chủ trì)?\s*:\s*/i, 'lead'],
  [/^(?:[-–]\s*)?(?:Cơ quan|Đơn vị)\s+phối hợp\s*:\s*/i, 'coordinating'],
  [/^(?:[-–]\s*)?(?:Thời gian(?: thực hiện| hoàn thành)?|Thời hạn(?: hoàn thành)?|Tiến độ thực hiện)\s*:\s*/i, 'time'],
];
/** Sentences that close the list of tasks: what follows them is not a task. */
const CLOSING = /^(?:Căn cứ (?:nội dung|ý kiến) kết luận|Yêu cầu (?:các|Thủ trưởng|Trưởng)|Đề nghị các .{0,60}nghiêm túc|Trong quá trình (?:triển khai|thực hiện))/i;
const END = /^(?:Nơi nhận|TM\.|KT\.|TL\.|TUQ\.)/;

/** Strip markdown emphasis, footnote marks and odd spaces. */
export function cleanText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/\*{1,3}([^*\n]*)\*{1,3}/g, '$1')
    .replace(/\*+/g, '');
}

function classify(text: string): Line {
  return { ...classifyText(text), raw: text };
}

function classifyText(text: string): Omit<Line, 'raw'> {
  if (HEADING_MD.test(text)) {
    return { kind: 'heading', text: text.replace(HEADING_MD, '').replace(/^(?:\d+(?:\.\d+)*\.?|[IVXL]+\.)\s+/, '').trim() };
  }
  if (END.test(text)) return { kind: 'end', text };
  for (const [re, label] of LABELS) {
    if (re.test(text)) return { kind: 'label', label, text: text.replace(re, '').trim() };
  }
  if (HEADING_ROMAN.test(text)) return { kind: 'heading', text: text.replace(/^[IVXL]+\.\s+/, '') };
  if (HEADING_MULTI.test(text) && text.split(/\s+/).length <= 16 && !/[.;]$/.test(text)) {
    return { kind: 'heading', text: text.replace(/^\d+(?:\.\d+)+\.?\s+/, '') };
  }
  if (ITEM_NUMBER.test(text)) return { kind: 'item', marker: 'number', text: text.replace(ITEM_NUMBER, '') };
  if (ITEM_LETTER.test(text)) return { kind: 'item', marker: 'letter', text: text.replace(ITEM_LETTER, '') };
  if (ITEM_DASH.test(text)) return { kind: 'item', marker: 'dash', text: text.replace(ITEM_DASH, '') };
  if (CLOSING.test(text)) return { kind: 'closing', text };
  return { kind: 'text', text };
}

/** A colon does not end a sentence: "… các huyện, thành phố:" goes on after the line break. */
const ENDS_SENTENCE = /[.;!?]["”)]?$/;
const STARTS_LOWER = /^[\p{Ll}\d(]/u;

/**
 * Logical lines: a physical line that is not a marker, heading or label and
 * either starts in lower case or follows a line that did not end a sentence
 * continues the line before it.
 */
export function logicalLines(raw: string): Line[] {
  const out: Line[] = [];
  for (const physical of raw.replace(/\r\n?/g, '\n').split('\n')) {
    // Footnotes and page rules sit inside a sentence that crosses a page break.
    if (/^\s*<sup>\d+<\/sup>/.test(physical)) continue;
    const text = cleanText(physical).replace(/\s+/g, ' ').trim();
    if (text === '' || /^-{3,}$/.test(text)) continue;
    const line = classify(text);
    const prev = out[out.length - 1];
    const continues =
      line.kind === 'text' && prev !== undefined && prev.kind !== 'heading' && prev.kind !== 'end' &&
      (STARTS_LOWER.test(text) || !ENDS_SENTENCE.test(prev.text));
    if (continues) {
      prev.text = `${prev.text} ${text}`;
      prev.raw = `${prev.raw} ${text}`;
    }
    else out.push(line);
  }
  return out;
}
