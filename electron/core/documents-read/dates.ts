/** Dates in a document's text: the date line and the deadline it asks for. */
import { isValid, parse } from 'date-fns';
import { toIsoDate } from '../../../shared/dates';

export function isoFromDayMonthYear(day: string, month: string, year: string): string | null {
  const d = parse(`${Number(day)}/${Number(month)}/${year}`, 'd/M/yyyy', new Date(2000, 0, 1));
  return isValid(d) ? toIsoDate(d) : null;
}

/**
 * "… gửi về Sở Tài chính trước ngày 20/9/2024", "chậm nhất ngày 15 tháng 7
 * năm 2024", "trước 30/11" (the document's year): the first date the letter
 * asks an answer or a report by. A meeting date, a cut-off date ("đến ngày
 * 30/9/2024") or a cited document's date is not one, so only these words count.
 */
const DEADLINE = /(?:trước|chậm nhất(?:\s+(?:là|vào))?|không muộn hơn|hạn chót(?:\s+là)?|hạn cuối(?:\s+là)?)\s+(?:ngày\s+)?(\d{1,2})\s*(?:\/|-|\.|\s+tháng\s+)(\d{1,2})(?:\s*(?:\/|-|\.|\s+năm\s+)(\d{4}))?/iu;

export function findDeadline(lines: readonly string[], year: number | null): { date: string; line: number } | null {
  const starts: number[] = [];
  let text = '';
  for (const l of lines) {
    starts.push(text.length);
    text += `${l} `;
  }
  const m = DEADLINE.exec(text.normalize('NFC'));
  if (!m) return null;
  const y = m[3] ?? (year === null ? null : String(year));
  if (!y) return null;
  const date = isoFromDayMonthYear(m[1]!, m[2]!, y);
  if (!date) return null;
  const at = m.index + m[0].indexOf(m[1]!);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= at) line++;
  return { date, line };
}
