/**
 * Proposes tasks from the text of a meeting conclusion (tasks under unit
 * headings), a plan (items followed by "Cơ quan thực hiện / phối hợp / Thời
 * gian thực hiện") or a letter (numbered items that name their unit). The
 * user reviews the proposal before anything is saved.
 */
import { foldVietnamese } from '../text';
import { logicalLines, type Line } from './lines';
import { citedReferences, deadlineIn, documentYear, periodicPhrase } from './phrases';

export interface ProposedTask {
  /** The lead unit as the text names it; null for a task addressed to all units. */
  unitName: string | null;
  content: string;
  deadline: string | null;
  coordinatingUnitNames: string[];
  /** "Năm 2022 và hàng năm", "Định kỳ hàng năm (trước 30/11)"… */
  timeText: string | null;
  /** Cited documents and their dates: "59/QĐ-UBND", "11/01/2021". */
  references: string[];
  /** Every lead agency a plan names; unitName is the first. */
  leadUnitNames: string[];
}

const UNIT_PREFIX =
  '(?:Văn phòng|Thanh tra|Phòng|Chi cục|Trung tâm|Ban|Đội|Cục|Vụ|Sở|UBND|Ủy ban|Uỷ ban|Hạt|Trạm|Bộ phận|Tổ công tác|Đoàn|Quỹ|Chi nhánh)';
const UNIT_START = new RegExp(`^${UNIT_PREFIX}\\s`, 'i');
const VERBS =
  'chủ trì|tăng cường|phối hợp|tiếp tục|khẩn trương|thực hiện|tham mưu|có trách nhiệm|chịu trách nhiệm|chủ động|xây dựng|rà soát|theo dõi|nghiên cứu|đôn đốc|hướng dẫn|tổ chức|triển khai|hoàn thành|báo cáo|tổng hợp|kiểm tra|đề xuất|bám sát';
const LEADING_UNIT = new RegExp(`^(${UNIT_PREFIX}\\s.{1,90}?)\\s+(?:${VERBS})(?=\\s|,|$)`);
const COORDINATING = new RegExp(
  `phối hợp(?:\\s+với)?\\s+(${UNIT_PREFIX}\\s[^,;.()]*?)(?=\\s+(?:${VERBS}|để|trong|về)\\b|[,;.()]|$)`,
  'gi',
);

function looksLikeUnit(text: string, known: readonly string[]): boolean {
  const f = foldVietnamese(text);
  if (known.some((k) => foldVietnamese(k) === f)) return true;
  return UNIT_START.test(text) && text.split(/\s+/).length <= 12 && !/[.;:]$/.test(text);
}

/** The unit an item starts with: "Phòng Quản lý môi trường chủ trì, …". */
function leadingUnit(content: string, known: readonly string[]): string | null {
  const f = foldVietnamese(content);
  const byKnown = [...known].sort((a, b) => b.length - a.length).find((k) => f.startsWith(`${foldVietnamese(k)} `));
  if (byKnown) return content.slice(0, byKnown.length).trim();
  return LEADING_UNIT.exec(content)?.[1]?.trim() ?? null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function coordinatingIn(content: string): string[] {
  const names = [...content.matchAll(COORDINATING)].map((m) => capitalise(m[1]!.trim()));
  return [...new Set(names)];
}

/** "Sở Nội vụ, Sở Tài nguyên và Môi trường, UBND các huyện, thành phố." → three agencies. */
export function splitAgencies(text: string): string[] {
  const pieces = text.replace(/[.;]\s*$/, '').split(/\s*;\s*/).flatMap((part) => {
    const out: string[] = [];
    for (const piece of part.split(/\s*,\s*/)) {
      const startsNew = /^\p{Lu}/u.test(piece) || /^các\s/i.test(piece);
      if (out.length > 0 && !startsNew) out[out.length - 1] += `, ${piece}`;
      else out.push(piece);
    }
    return out;
  });
  return pieces.map((p) => p.trim()).filter((p) => p.length > 0);
}

interface Draft {
  unitName: string | null;
  parts: { marker: Line['marker'] | 'text'; text: string; raw: string }[];
  lead: string | null;
  coordinating: string | null;
  time: string | null;
}

function draftText(d: Draft): string {
  return d.parts.map((p, i) => (i === 0 ? p.text : p.raw)).join('\n');
}

function propose(d: Draft, year: number | null): ProposedTask {
  const content = draftText(d);
  const leads = d.lead ? splitAgencies(d.lead) : [];
  const unitName = leads[0] ?? d.unitName;
  const timeText = d.time?.replace(/\.\s*$/, '') ?? periodicPhrase(content);
  const coordinating = d.coordinating ? splitAgencies(d.coordinating) : coordinatingIn(content);
  return {
    unitName,
    content,
    deadline: deadlineIn(d.time ?? content, year),
    coordinatingUnitNames: coordinating.filter((c) => foldVietnamese(c) !== foldVietnamese(unitName ?? '')),
    timeText,
    references: citedReferences(content),
    leadUnitNames: leads.length > 0 ? leads : unitName ? [unitName] : [],
  };
}

/** The reporting duties of "Chế độ báo cáo": one recurring task per bullet that names a period. */
function reportingDuties(d: Draft, known: readonly string[]): ProposedTask[] {
  const out: ProposedTask[] = [];
  for (const part of d.parts.slice(1)) {
    const phrase = periodicPhrase(part.text);
    if (!phrase) continue;
    const unit = /^Giao\s+(.+?)\s+chủ trì/.exec(part.text)?.[1] ?? /^([^:]{3,120}):\s/.exec(part.text)?.[1] ?? leadingUnit(part.text, known);
    const sentence = part.text.split(/(?<=\.)\s+(?=\p{Lu})/u).find((s) => s.includes(phrase)) ?? part.text;
    out.push({
      unitName: unit ?? null,
      content: sentence.trim(),
      deadline: null,
      coordinatingUnitNames: [],
      timeText: phrase,
      references: citedReferences(part.text),
      leadUnitNames: unit ? [unit] : [],
    });
  }
  return out;
}

export interface ExtractOptions {
  /** The agency's unit names, matched without diacritics or case. */
  knownUnits?: readonly string[];
}

export function extractTasks(text: string, options: ExtractOptions = {}): ProposedTask[] {
  const known = options.knownUnits ?? [];
  const year = documentYear(text);
  const lines = logicalLines(text);
  const planMode = lines.some((l) => l.kind === 'label' && l.label === 'lead');
  const tasks: ProposedTask[] = [];
  /** undefined: no heading says whose tasks these are. */
  let sectionUnit: string | null | undefined;
  let sectionMarker: Line['marker'] | undefined;
  let sectionItems = 0;
  // An object, so closures and the loop see one value (TS cannot track a let through closures).
  const open: { draft: Draft | null } = { draft: null };

  const finish = () => {
    const d = open.draft;
    if (!d) return;
    open.draft = null;
    if (/^chế độ báo cáo/i.test(d.parts[0]?.text ?? '')) tasks.push(...reportingDuties(d, known));
    else if (!planMode || d.lead) tasks.push(propose(d, year));
  };
  const start = (line: Line, marker: Draft['parts'][number]['marker']) => {
    const text = line.text;
    finish();
    const unitName = sectionUnit !== undefined ? sectionUnit : planMode ? null : leadingUnit(text, known);
    open.draft = { unitName, parts: [{ marker, text, raw: line.raw }], lead: null, coordinating: null, time: null };
    sectionItems++;
  };

  for (const line of lines) {
    if (line.kind === 'end') break;
    if (line.kind === 'heading') {
      finish();
      sectionMarker = undefined;
      sectionItems = 0;
      if (!planMode && looksLikeUnit(line.text, known)) sectionUnit = line.text;
      else sectionUnit = /\bchung\b/i.test(line.text) ? null : undefined;
      continue;
    }
    if (line.kind === 'closing') {
      finish();
      sectionUnit = undefined;
      continue;
    }
    const d = open.draft;
    if (line.kind === 'label') {
      if (d) d[line.label!] = d[line.label!] ? `${d[line.label!]} ${line.text}` : line.text;
      continue;
    }
    if (line.kind === 'item') {
      const marker = line.marker!;
      // In a plan, numbered items are the tasks and everything under them belongs to them.
      const isTask = planMode ? marker === 'number' : sectionMarker === undefined || marker === sectionMarker;
      if (isTask) {
        if (!planMode) sectionMarker = marker;
        start(line, marker);
      } else if (d) d.parts.push({ marker, text: line.text, raw: line.raw });
      continue;
    }
    // Plain paragraph: more of the current item, or the only task of a unit heading.
    if (d && !(planMode && d.lead)) d.parts.push({ marker: 'text', text: line.text, raw: line.raw });
    else if (!d && typeof sectionUnit === 'string' && sectionItems === 0) start(line, 'text');
  }
  finish();
  return tasks;
}
