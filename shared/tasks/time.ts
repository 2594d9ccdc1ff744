/**
 * Time as an office writes it: the deadline of a task ("trước ngày 15/5/2024",
 * "chậm nhất ngày 30/11", "trong tháng 9/2023", "Quý II/2024", "6 tháng đầu
 * năm 2024", "năm 2024"), or the period it repeats on ("trước ngày 18 hằng
 * tháng", "hằng quý", "định kỳ 6 tháng (trước 10/6) và hằng năm (trước
 * 10/12)", "thường xuyên"). Dates a task only cites (the meeting's, a
 * document's) are not deadlines: a date counts when a word of time limit
 * leads it, or when the whole text is the task's time field or column.
 */
import { format, lastDayOfMonth } from 'date-fns';
import { isIsoDate } from '../dates';
import { parseRecurrence, recurrenceKind, type RecurrenceKind } from './recurrence';

export interface TaskTime {
  deadline: string | null;
  recurrence: RecurrenceKind | null;
  /** The words that set the time, kept on the task: "Quý II/2024", "trước ngày 18 hằng tháng". */
  timeText: string | null;
}

/** "text": running text of a task; "field": a time label or column, all of it time. */
export type TimeMode = 'text' | 'field';

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

function monthEnd(y: number, m: number): string | null {
  if (m < 1 || m > 12) return null;
  return format(lastDayOfMonth(new Date(y, m - 1, 1)), 'yyyy-MM-dd');
}

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])|(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`;
const LIMIT = String.raw`(?:trước|chậm nhất(?:\s+là)?(?:\s+vào)?|hạn chót(?:\s+là)?|không quá|không muộn hơn|hạn)`;
const LIMIT_DATE = new RegExp(String.raw`(?<!\p{L})${LIMIT}\s+(?:ngày\s+)?(?:${DATE})`, 'giu');
const FIELD_DATE = new RegExp(String.raw`(?:^|\s)(?:ngày\s+)?(?:${DATE})`, 'giu');
const MONTH = String.raw`tháng\s+(\d{1,2})(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?`;
const QUARTER = String.raw`quý\s+(IV|III|II|I)(?:\s*[/-]\s*(\d{4})|\s+năm\s+(\d{4}))?`;
const HALF = String.raw`(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?`;
const YEAR = String.raw`năm\s+(\d{4})`;
const PERIOD = `${HALF}|${MONTH}|${QUARTER}|${YEAR}`;
/** In running text a period is a deadline only after "trong"/"hoàn thành …": "báo cáo 6 tháng đầu năm" names the report. */
const IN_PERIOD = new RegExp(String.raw`(?<!\p{L})(?:trong|trong suốt|ngay trong|vào|hoàn thành|xong)\s+(?:${PERIOD})(?![\d/])`, 'giu');
const FIELD_PERIOD = new RegExp(String.raw`(?:^|\s)(?:${PERIOD})(?![\d/])`, 'giu');
/** "… công vụ Quý II/2021." — a period written as a date at the very end of a task is its time frame. */
const TRAILING = new RegExp(String.raw`(?:quý\s+(IV|III|II|I)|tháng\s+(\d{1,2}))\s*/\s*(\d{4})\s*[.;]?\s*$`, 'iu');

interface Found {
  at: number;
  date: string;
  text: string;
}

function dateOf(m: RegExpMatchArray, base: number, year: number | null): string | null {
  const d = Number(m[base] ?? m[base + 3]);
  const mo = Number(m[base + 1] ?? m[base + 4]);
  const yText = m[base + 2] ?? m[base + 5];
  const y = yText ? Number(yText) : year;
  return y === null || !d || !mo ? null : iso(y, mo, d);
}

/** The group layout of PERIOD: half (2), month (3), quarter (3), year (1). */
function periodOf(m: RegExpMatchArray, base: number, year: number | null): string | null {
  const g = (i: number) => m[base + i];
  const y = (...i: number[]) => {
    const t = i.map(g).find((v) => v !== undefined);
    return t ? Number(t) : year;
  };
  if (g(0)) {
    const yr = y(1);
    return yr === null ? null : g(0)!.toLowerCase() === 'đầu' ? iso(yr, 6, 30) : iso(yr, 12, 31);
  }
  if (g(2)) {
    const yr = y(3, 4);
    return yr === null ? null : monthEnd(yr, Number(g(2)));
  }
  if (g(5)) {
    const yr = y(6, 7);
    const q = ROMAN[g(5)!.toUpperCase()];
    return yr === null || !q ? null : monthEnd(yr, q * 3);
  }
  if (g(8)) return iso(Number(g(8)), 12, 31);
  return null;
}

function deadlines(text: string, year: number | null, mode: TimeMode): Found[] {
  const out: Found[] = [];
  const push = (m: RegExpMatchArray, date: string | null) => {
    if (date) out.push({ at: m.index ?? 0, date, text: m[0].trim() });
  };
  for (const m of text.matchAll(LIMIT_DATE)) push(m, dateOf(m, 1, year));
  for (const m of text.matchAll(IN_PERIOD)) push(m, periodOf(m, 1, year));
  if (mode === 'field') {
    for (const m of text.matchAll(FIELD_DATE)) push(m, dateOf(m, 1, year));
    for (const m of text.matchAll(FIELD_PERIOD)) push(m, periodOf(m, 1, year));
  } else {
    const t = TRAILING.exec(text);
    if (t) {
      const y = Number(t[3]);
      const q = t[1] ? ROMAN[t[1].toUpperCase()] : undefined;
      const date = q ? monthEnd(y, q * 3) : monthEnd(y, Number(t[2]));
      if (date) out.push({ at: t.index, date, text: t[0].replace(/[\s.;]+$/, '') });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** "chi thường xuyên", "nhiệm vụ thường xuyên" name a kind of spending or work, not a time. */
const NOT_CONTINUOUS = /(?:chi|kinh phí|nhiệm vụ|công việc|vốn|ngân sách|hoạt động)\s+thường xuyên/giu;
const PERIODIC = [
  /(?:định kỳ\s+)?(?:6|sáu)\s+tháng(?!\s+(?:đầu|cuối|qua|tới|năm))(?:\s*\([^)]*\))?\s*(?:,|và)\s*(?:hằng|hàng|mỗi)\s+năm(?:\s*\([^)]*\))?/iu,
  /(?:định kỳ\s+(?:6|sáu)\s+tháng|(?:hằng|hàng|mỗi)\s+(?:6|sáu)\s+tháng|(?:6|sáu)\s+tháng\s+(?:một|1)\s+lần)(?:\s*\([^)]*\))?/iu,
  /(?:định kỳ\s+)?(?:(?:trước|chậm nhất)\s+(?:ngày\s+)?\d{1,2}(?:\/\d{1,2})?\s+)?(?:hằng|hàng|mỗi)\s+(?:tháng|quý|năm)(?:\s*\([^)]*\))?|định kỳ\s+(?:theo\s+)?(?:tháng|quý)/iu,
];

function periodicPhrase(text: string): string | null {
  for (const re of PERIODIC) {
    const m = re.exec(text);
    if (m) return m[0].trim();
  }
  return null;
}

/** The deadline or recurrence a task's text or time field sets, with the document's year for dates that leave it out. */
export function readTime(raw: string, year: number | null, mode: TimeMode = 'text'): TaskTime {
  const text = raw.replace(/\s+/g, ' ').trim();
  const periodic = periodicPhrase(text);
  if (periodic) {
    const timeText = mode === 'field' ? text.replace(/[.;]$/, '') : periodic;
    const kind = recurrenceKind(parseRecurrence(timeText));
    if (kind) return { deadline: null, recurrence: kind, timeText };
  }
  const found = deadlines(text, year, mode);
  const last = found[found.length - 1];
  if (last) return { deadline: last.date, recurrence: null, timeText: mode === 'field' ? text.replace(/[.;]$/, '') : last.text };
  if (/thường xuyên/iu.test(text.replace(NOT_CONTINUOUS, ''))) return { deadline: null, recurrence: 'continuous', timeText: 'Thường xuyên' };
  return { deadline: null, recurrence: null, timeText: mode === 'field' && text ? text.replace(/[.;]$/, '') : null };
}
