/**
 * Proposes tasks from the text of a meeting conclusion, plan, directive,
 * letter or decision, by reading its structure rather than one layout:
 * headings and items at any level, unit headings with items under them,
 * "Unit: task" items, plan tasks with "Đơn vị chủ trì / phối hợp / Thời gian"
 * lines, tasks inside sentences ("Giao Sở A chủ trì, phối hợp với Sở B …"),
 * general tasks for everyone, and appendix tables. The user reviews the
 * proposal before anything is saved.
 */
import { isClosing, logicalLines, physicalLines, type Line, type Marker } from './lines';
import { citedReferences, documentYear } from './phrases';
import type { RecurrenceKind } from './recurrence';
import { readTables, type TableRow } from './table';
import { readTime, type TaskTime } from './time';
import { coordinatingIn, sameUnit, splitUnits, subjectOf, unitHeading } from './units';

export interface ProposedTask {
  /** The first lead unit as the text names it; null for a task addressed to all units. */
  unitName: string | null;
  /** Every lead unit, in written order. */
  leadUnitNames: string[];
  content: string;
  deadline: string | null;
  coordinatingUnitNames: string[];
  /** The words that set the time: "Quý II/2024", "Năm 2024 và hằng năm", "trước ngày 18 hằng tháng". */
  timeText: string | null;
  recurrence: RecurrenceKind | null;
  /** Cited documents' numbers and notations: "59/QĐ-UBND". */
  references: string[];
}

export interface ExtractOptions {
  /** The agency's unit names, matched without diacritics or case. */
  knownUnits?: readonly string[];
}

interface Node {
  line: Line;
  children: Node[];
  labels: Partial<Record<'lead' | 'coordinating' | 'time', string>>;
}

/** Sections that say why, not who does what. */
const NOT_TASKS = /^(?:mục đích|yêu cầu|mục tiêu|chỉ tiêu|đánh giá|kết quả|tình hình|quan điểm|căn cứ|sự cần thiết|bối cảnh|thực trạng|phạm vi|đối tượng|giải thích)/iu;
const GENERAL = /nhiệm vụ(?:, giải pháp)? chung|giải pháp chung/iu;
const NUMBERED: readonly Marker[] = ['num1', 'num2', 'num3', 'num4', 'numdash', 'paren'];

/** "1." and "1-" number the same level; a markdown heading is a level of its own. */
function level(line: Line): string {
  const m = line.marker === 'numdash' ? 'num1' : line.marker;
  return line.kind === 'heading' ? `h-${m}` : `${m}`;
}

function buildTree(lines: Line[]): Node {
  const root: Node = { line: { kind: 'heading', text: '', raw: '' }, children: [], labels: {} };
  const stack: Node[] = [root];
  let planMarker: Marker | undefined;
  for (const line of lines) {
    const node: Node = { line, children: [], labels: {} };
    if (line.kind === 'label') {
      const items = stack.filter((n) => n.line.kind === 'item');
      const target =
        items.find((n) => n.line.marker === planMarker) ?? [...items].reverse().find((n) => NUMBERED.includes(n.line.marker!)) ?? items[0] ?? stack[stack.length - 1]!;
      planMarker ??= target.line.marker;
      stack.length = stack.indexOf(target) + 1;
      const key = line.label!;
      target.labels[key] = target.labels[key] ? `${target.labels[key]} ${line.text}` : line.text;
      continue;
    }
    if (!line.marker && (line.kind === 'text' || line.kind === 'closing')) {
      stack[stack.length - 1]!.children.push(node);
      // After a closing sentence, what follows does not belong to the last task.
      if (line.kind === 'closing') while (stack.length > 1 && stack[stack.length - 1]!.line.kind !== 'heading') stack.pop();
      continue;
    }
    const m = line.marker;
    const same = m ? stack.findIndex((n) => level(n.line) === level(line)) : -1;
    if (same > 0) stack.length = same;
    else if (!m || m === 'roman') stack.length = 1;
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  }
  return root;
}

interface Context {
  /** Leads given by a unit heading or a general section; undefined: each item names its own. */
  leads?: string[];
  known: readonly string[];
  year: number | null;
  out: ProposedTask[];
}

function rawOf(node: Node): string[] {
  return [node.line.raw, ...node.children.flatMap(rawOf)];
}

function hasItems(node: Node): boolean {
  return node.children.some((c) => c.line.kind === 'item' || c.line.kind === 'heading');
}

function headingLike(node: Node, known: readonly string[]): boolean {
  const { kind, text, marker } = node.line;
  if (kind === 'heading') return true;
  if (marker === 'article' || kind !== 'item') return false;
  // "4. Trách nhiệm của UBND các huyện, thành phố:" followed by its paragraphs.
  if (node.children.length === 0) return false;
  // "1. Nhiệm vụ chung", "4. Trách nhiệm của UBND các huyện, thành phố:" followed by paragraphs or items.
  if ((/:$/.test(text) && unitHeading(text, known) !== null) || (text.split(/\s+/).length <= 10 && !/[.;,]$/.test(text))) return true;
  return hasItems(node) && (/:$/.test(text) || unitHeading(text, known) !== null);
}

function task(content: string, leads: string[], time: TaskTime, coordinating: string[]): ProposedTask {
  const coord = coordinating.filter((c) => !leads.some((l) => sameUnit(l, c)));
  return {
    unitName: leads[0] ?? null,
    leadUnitNames: leads,
    content,
    deadline: time.deadline,
    coordinatingUnitNames: coord,
    timeText: time.timeText,
    recurrence: time.recurrence,
    references: citedReferences(content),
  };
}

function fromText(content: string, leads: string[], ctx: Context): ProposedTask {
  return task(content, leads, readTime(content, ctx.year), coordinatingIn(content.replace(/\n/g, ' '), ctx.known));
}

/** A plan task with its "Đơn vị chủ trì / phối hợp / Thời gian" lines. */
function planTask(node: Node, ctx: Context): ProposedTask {
  const content = [node.line.text, ...node.children.flatMap(rawOf)].join('\n');
  const { lead, coordinating, time } = node.labels;
  const leads = lead ? splitUnits(lead) : ctx.leads ?? [];
  const t = time ? readTime(time, ctx.year, 'field') : readTime(content, ctx.year);
  return task(content, leads, t, coordinating ? splitUnits(coordinating) : coordinatingIn(content, ctx.known));
}

const LEAD_IN = /(?:như sau|sau đây|sau)\s*:$/u;
const SENTENCE_END = /(?<=[.!?]["”)]?)\s+(?=[\p{Lu}"“])/u;

/**
 * An item in running text: each sentence that hands work to a new unit
 * starts a task; sentences that name no new unit belong to the one before.
 */
function itemTasks(node: Node, ctx: Context): void {
  const { text, marker } = node.line;
  const inline = /^([^:]{2,160}?):\s+(\S.*)$/su.exec(text);
  const inlineUnit = inline ? unitHeading(inline[1]!, ctx.known) : null;
  const own = inlineUnit ? inline![2]! : text;
  const paras = node.children.filter((c) => c.line.kind === 'text').map((c) => c.line.text);
  const subItems = node.children.filter((c) => c.line.kind !== 'text' && c.line.kind !== 'closing').flatMap(rawOf);
  if (ctx.leads !== undefined || inlineUnit) {
    const leads = ctx.leads ?? splitUnits(inlineUnit!);
    ctx.out.push(fromText([own, ...paras, ...subItems].join('\n'), leads, ctx));
    return;
  }
  const groups: { leads: string[]; parts: string[]; named: boolean }[] = [];
  for (const para of [own, ...paras]) {
    for (const sentence of para.split(SENTENCE_END)) {
      const subject = subjectOf(sentence, ctx.known);
      const last = groups[groups.length - 1];
      if (last && (!subject || (subject.leads.length === 0 && last.named))) last.parts.push(sentence);
      else groups.push({ leads: subject?.leads ?? [], parts: [sentence], named: subject !== null });
    }
  }
  // An article of a decision is a task only when it gives a unit work; "… như sau:" leads in to a list.
  const kept = groups.filter((g) => (marker !== 'article' || g.leads.length > 0) && !LEAD_IN.test(g.parts.join(' ')));
  kept.forEach((g, i) => {
    const extra = i === kept.length - 1 ? subItems : [];
    ctx.out.push(fromText([g.parts.join(' '), ...extra].join('\n'), g.leads, ctx));
  });
}

function visit(node: Node, ctx: Context): void {
  const { kind, text } = node.line;
  if (kind === 'closing') return;
  if (node.labels.lead || node.labels.time || node.labels.coordinating) {
    ctx.out.push(planTask(node, ctx));
    return;
  }
  if (kind === 'text') {
    // A paragraph under a unit or "Nhiệm vụ chung" heading is a task; elsewhere it is a lead-in or background.
    if (ctx.leads && !LEAD_IN.test(text)) ctx.out.push(fromText(text, ctx.leads, ctx));
    return;
  }
  if (headingLike(node, ctx.known)) {
    if (NOT_TASKS.test(text)) return;
    const inline = /^([^:]{2,160}?):\s*$/u.exec(text)?.[1] ?? text;
    const unit = unitHeading(inline, ctx.known);
    const inner: Context = unit ? { ...ctx, leads: splitUnits(unit) } : GENERAL.test(text) ? { ...ctx, leads: [] } : ctx;
    for (const c of node.children) visit(c, inner);
    return;
  }
  itemTasks(node, ctx);
}

function tableTask(row: TableRow, ctx: Context): ProposedTask {
  return task(row.content, splitUnits(row.lead), readTime(row.time, ctx.year, 'field'), splitUnits(row.coordinating));
}

/** Unit names the document itself writes as headings, labels and table cells: they guide where a name ends in a sentence. */
function namesIn(lines: Line[], rows: TableRow[], known: readonly string[]): string[] {
  const names = new Set(known);
  for (const l of lines) {
    if (l.kind === 'label' && l.label !== 'time') splitUnits(l.text).forEach((n) => names.add(n));
    const heading = l.kind === 'heading' || l.kind === 'item' ? unitHeading(l.text.replace(/:.*$/su, ''), []) : null;
    if (heading) splitUnits(heading).forEach((n) => names.add(n));
  }
  for (const r of rows) [...splitUnits(r.lead), ...splitUnits(r.coordinating)].forEach((n) => names.add(n));
  return [...names].filter((n) => n.split(/\s+/).length >= 2);
}

export function extractTasks(text: string, options: ExtractOptions = {}): ProposedTask[] {
  const year = documentYear(text);
  const physical = physicalLines(text);
  const tables = readTables(physical);
  const lines = logicalLines(physical.filter((_, i) => !tables.used.has(i)));
  const ctx: Context = { known: namesIn(lines, tables.rows, options.knownUnits ?? []), year, out: [] };
  for (const c of buildTree(lines).children) visit(c, ctx);
  ctx.out.push(...tables.rows.map((r) => tableTask(r, ctx)));
  return ctx.out.filter((t) => t.content.trim().length > 0 && !isClosing(t.content));
}

/** Kept for callers that split an agency list: the units of "Sở A; Sở B, UBND các huyện, thành phố". */
export const splitAgencies = splitUnits;
