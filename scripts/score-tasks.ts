/**
 * npm run score:tasks: the task reader measured on documents it was not built
 * on (../shared/fixtures/task-documents). Proposed tasks are matched to the
 * expected ones by their first eight words; per document and overall it
 * prints tasks found / expected / extra and how many found tasks have the
 * right lead units, coordinating units, deadline and recurrence, as JSON lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTaskDocument } from '../shared/tasks/document';

interface Expected {
  documentDate: string;
  issuer: string;
  tasks: { lead: string[]; coordinating: string[]; deadline: string | null; recurrence: string | null; start: string }[];
  references: string[];
}

export interface DocumentScore {
  document: string;
  expected: number;
  found: number;
  extra: number;
  leadRight: number;
  coordinatingRight: number;
  deadlineRight: number;
  recurrenceRight: number;
  /** Found tasks with lead units, deadline and recurrence all right. */
  allRight: number;
  issuerRight: boolean;
  dateRight: boolean;
  referencesRight: boolean;
  misses: string[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixturesDir = path.resolve(here, '../../shared/fixtures/task-documents');

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const words = (s: string, n: number) => norm(s).split(' ').slice(0, n).join(' ');
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => norm(x) === norm(b[i]!));

export function scoreDocument(name: string, text: string, expected: Expected): DocumentScore {
  const doc = readTaskDocument(text);
  const free = doc.tasks.map((t, i) => ({ t, i }));
  const score: DocumentScore = {
    document: name, expected: expected.tasks.length, found: 0, extra: 0, leadRight: 0, coordinatingRight: 0,
    deadlineRight: 0, recurrenceRight: 0, allRight: 0, misses: [],
    issuerRight: doc.source.issuer === expected.issuer,
    dateRight: doc.source.documentDate === expected.documentDate,
    referencesRight: sameList([...doc.references].sort(), [...expected.references].sort()),
  };
  for (const e of expected.tasks) {
    const at = free.findIndex(({ t }) => words(t.content, 8) === norm(e.start));
    if (at < 0) {
      score.misses.push(`missing: ${e.start}`);
      continue;
    }
    const [{ t }] = free.splice(at, 1) as [(typeof free)[number]];
    score.found++;
    const lead = sameList(t.leadUnitNames, e.lead);
    const deadline = t.deadline === e.deadline;
    const recurrence = t.recurrence === e.recurrence;
    if (lead) score.leadRight++;
    if (sameList(t.coordinatingUnitNames, e.coordinating)) score.coordinatingRight++;
    if (deadline) score.deadlineRight++;
    if (recurrence) score.recurrenceRight++;
    if (lead && deadline && recurrence) score.allRight++;
    else score.misses.push(`wrong: ${e.start} → lead ${JSON.stringify(t.leadUnitNames)} deadline ${t.deadline} recurrence ${t.recurrence}`);
  }
  score.extra = free.length;
  for (const { t } of free) score.misses.push(`extra: ${words(t.content, 8)}`);
  return score;
}

export function scoreFixtures(dir = fixturesDir): DocumentScore[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const base = f.replace(/\.txt$/, '');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, `${base}.expected.json`), 'utf8')) as Expected;
    return scoreDocument(base, fs.readFileSync(path.join(dir, f), 'utf8'), expected);
  });
}

/** The overall figures: shares in percent of expected (found) or of found tasks (the rest). */
export function overall(scores: DocumentScore[]) {
  const sum = (k: 'expected' | 'found' | 'extra' | 'leadRight' | 'coordinatingRight' | 'deadlineRight' | 'recurrenceRight' | 'allRight') =>
    scores.reduce((n, s) => n + s[k], 0);
  const found = sum('found');
  const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((1000 * n) / of) / 10);
  return {
    documents: scores.length,
    expected: sum('expected'),
    found,
    extra: sum('extra'),
    foundPct: pct(found, sum('expected')),
    extraPct: pct(sum('extra'), sum('expected')),
    leadPct: pct(sum('leadRight'), found),
    coordinatingPct: pct(sum('coordinatingRight'), found),
    deadlinePct: pct(sum('deadlineRight'), found),
    recurrencePct: pct(sum('recurrenceRight'), found),
    allRightPct: pct(sum('allRight'), found),
    issuerRight: scores.filter((s) => s.issuerRight).length,
    dateRight: scores.filter((s) => s.dateRight).length,
    referencesRight: scores.filter((s) => s.referencesRight).length,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const scores = scoreFixtures();
  const verbose = process.argv.includes('--verbose');
  for (const s of scores) {
    const { misses, ...figures } = s;
    process.stdout.write(`${JSON.stringify(verbose ? s : figures)}\n`);
    if (verbose) for (const m of misses) process.stdout.write(`  ${m}\n`);
  }
  process.stdout.write(`${JSON.stringify({ document: 'overall', ...overall(scores) })}\n`);
}
