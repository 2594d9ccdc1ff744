/**
 * Plan appendices: the task table (STT | Nội dung | Đơn vị chủ trì | Đơn vị
 * phối hợp | Thời gian) as PDF extraction leaves it — rows with "|" between
 * cells, or one cell per line with long cells wrapped over several lines and
 * nothing between them. Group rows (I, II…) and headers repeated after a page
 * break are not tasks.
 */
import type { PhysicalLine } from './lines';
import { startsWithUnit } from './units';

export type Column = 'number' | 'content' | 'lead' | 'coordinating' | 'time' | 'other';

export interface TableRow {
  content: string;
  lead: string;
  coordinating: string;
  time: string;
}

export interface Table {
  rows: TableRow[];
  /** Indexes of the physical lines the table took. */
  used: Set<number>;
}

const COLUMN_TITLES: [RegExp, Column][] = [
  [/^(?:STT|TT|Số\s*TT)$/iu, 'number'],
  [/^(?:Nội dung|Nhiệm vụ|Tên nhiệm vụ|Công việc)/iu, 'content'],
  [/phối hợp/iu, 'coordinating'],
  [/^(?:Đơn vị|Cơ quan|Bộ phận)?\s*(?:chủ trì|thực hiện|thực hiện\s*\/\s*chủ trì)$|^(?:Đơn vị|Cơ quan) (?:chủ trì|thực hiện)/iu, 'lead'],
  [/^(?:Thời gian|Thời hạn|Tiến độ)/iu, 'time'],
];

function columnOf(title: string): Column | null {
  for (const [re, c] of COLUMN_TITLES) if (re.test(title.trim())) return c;
  return null;
}

function isHeader(columns: (Column | null)[]): boolean {
  return columns.includes('content') && (columns.includes('lead') || columns.includes('time'));
}

const TIME_WORDS = /(?:trước|chậm nhất|trong|ngày|tháng|quý|năm|hằng|hàng|mỗi|định kỳ|thường xuyên|đầu|cuối|và|từ|đến|của|lần|một|là|[IVX]+|\d+|[/().,;:\-–\s])/giu;

/** A cell that says only when: "Quý III/2024", "6 tháng đầu năm 2024", "Hằng tháng", "Trước 15/11/2024". */
export function isTimeOnly(text: string): boolean {
  if (!/\p{L}|\//u.test(text) || !/tháng|quý|năm|thường xuyên|\d\/\d/iu.test(text)) return false;
  return text.replace(TIME_WORDS, '') === '';
}

const ENDS_OPEN = /(?:[-–,;]|\svà|\scác)$/u;

/** How unlikely it is that these lines are one cell of this column. */
function cellCost(column: Column, lines: string[], before: string | undefined): number {
  if (lines.length === 0) return column === 'content' || column === 'lead' ? 20 : column === 'other' ? 0 : 1;
  const first = lines[0]!;
  let cost = 0;
  // A cell starts with a capital, not in the middle of a name cut at "-" or ",".
  if (before !== undefined && ENDS_OPEN.test(before)) cost += 3;
  if (!/^[\p{Lu}\d"“(]/u.test(first)) cost += 3;
  if (column === 'time') return cost + (isTimeOnly(lines.join(' ')) ? 0 : 10);
  if (column === 'lead' || column === 'coordinating') {
    if (!startsWithUnit(first)) cost += 3;
    for (let i = 1; i < lines.length; i++) {
      if (startsWithUnit(lines[i]!) && !ENDS_OPEN.test(lines[i - 1]!)) cost += 2;
      if (isTimeOnly(lines[i]!)) cost += 5;
    }
    if (isTimeOnly(lines.join(' '))) cost += 5;
  }
  return cost;
}

/** The cheapest way to cut a row's lines into its cells, in column order. */
function cutRow(lines: string[], columns: Column[]): string[][] {
  let best: { cost: number; cells: string[][] } | null = null;
  const walk = (col: number, from: number, cells: string[][], cost: number) => {
    if (best && cost >= best.cost) return;
    if (col === columns.length) {
      if (from === lines.length) best = { cost, cells: [...cells] };
      return;
    }
    // The last column takes whatever is left.
    for (let to = col === columns.length - 1 ? lines.length : from; to <= lines.length; to++) {
      const cell = lines.slice(from, to);
      walk(col + 1, to, [...cells, cell], cost + cellCost(columns[col]!, cell, cell.length > 0 ? lines[from - 1] : undefined));
    }
  };
  walk(0, 0, [], 0);
  return best ? (best as { cells: string[][] }).cells : columns.map((_, i) => (i === 0 ? lines : []));
}

function rowOf(columns: Column[], cells: string[]): TableRow {
  const get = (c: Column) => cells[columns.indexOf(c)]?.replace(/\s+/g, ' ').trim() ?? '';
  return { content: get('content'), lead: get('lead'), coordinating: get('coordinating'), time: get('time') };
}

function pipeTable(lines: readonly PhysicalLine[], at: number, used: Set<number>): TableRow[] {
  const split = (t: string) => t.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const columns = split(lines[at]!.text).map((t) => columnOf(t) ?? 'other');
  const rows: TableRow[] = [];
  for (let i = at; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t.includes('|')) {
      if (lines[i]!.bareNumber) {
        used.add(i);
        continue;
      }
      break;
    }
    used.add(i);
    const cells = split(t);
    if (isHeader(cells.map(columnOf))) continue;
    // Only numbered rows are tasks: "I | CÔNG TÁC CHỈ ĐẠO | | |" groups them.
    if (columns.includes('number') && !/^\d{1,3}\.?$/.test(cells[columns.indexOf('number')] ?? '')) continue;
    rows.push(rowOf(columns, cells));
  }
  return rows;
}

/** A table whose cells come one per line: "STT", the titles, then "1", its cells, "2"… */
function lineTable(lines: readonly PhysicalLine[], at: number, used: Set<number>): TableRow[] {
  const columns: Column[] = ['number'];
  let i = at + 1;
  for (; i < lines.length && !lines[i]!.bareNumber; i++) {
    const c = columnOf(lines[i]!.text);
    if (c && c !== 'number') columns.push(c);
  }
  const cellColumns = columns.slice(1);
  const rows: TableRow[] = [];
  let expected = 1;
  let current: string[] | null = null;
  const flush = () => {
    if (current && current.length > 0) rows.push(rowOf(cellColumns, cutRow(current, cellColumns).map((c) => c.join(' '))));
    current = null;
  };
  for (let j = at; j < lines.length; j++) {
    const p = lines[j]!;
    if (columnOf(p.text) === 'number') {
      // A header repeated after a page break: skip its titles.
      flush();
      used.add(j);
      while (j + 1 < lines.length && !lines[j + 1]!.bareNumber) used.add(++j);
      continue;
    }
    if (p.bareNumber && Number(p.text) === expected) {
      flush();
      current = [];
      expected++;
      used.add(j);
      continue;
    }
    if (!current) break;
    current.push(p.text);
    used.add(j);
  }
  flush();
  return rows;
}

/** Every task table of the text, and the lines it took. */
export function readTables(lines: readonly PhysicalLine[]): Table {
  const used = new Set<number>();
  const rows: TableRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i)) continue;
    const t = lines[i]!.text;
    if (t.split('|').length >= 3 && isHeader(t.split('|').map(columnOf))) rows.push(...pipeTable(lines, i, used));
    else if (columnOf(t) === 'number') {
      const titles = lines.slice(i + 1, i + 9).map((l) => columnOf(l.text));
      if (isHeader(titles)) rows.push(...lineTable(lines, i, used));
    }
  }
  return { rows, used };
}
