/**
 * The status of a TTHC dossier, declared once: the list shows it, filters by
 * it in SQL, and the period figures count it. Cases are tried in order and the
 * first whose conditions all hold decides; the store builds its SQL CASE from
 * the same declaration, so the two cannot drift apart.
 */
import type { TthcStatus } from '../../../shared/api/tthc';

/** The dossier's dates the status is decided from (its columns). */
export interface TthcStatusFacts {
  withdrawn_at: string | null;
  result_date: string | null;
  due_date: string;
}

/**
 * When the status is seen: `asOf` is the day compared with the due date
 * (today for the list, the period's last day for the figures); `doneBy`, when
 * given, is the last day a withdrawal or result counts (the period's last day:
 * one after it is still in progress then); null counts every recorded one.
 */
export interface TthcStatusView {
  asOf: string;
  doneBy: string | null;
}

/** A date of the row, or the day it is seen on. */
export type TthcTerm = 'result_date' | 'due_date' | 'asOf';
export type TthcCondition = { done: 'withdrawn_at' | 'result_date' } | { onOrBefore: readonly [TthcTerm, TthcTerm] };

export const tthcStatusCases: readonly { status: TthcStatus; when: readonly TthcCondition[] }[] = [
  { status: 'withdrawn', when: [{ done: 'withdrawn_at' }] },
  { status: 'solved_on_time', when: [{ done: 'result_date' }, { onOrBefore: ['result_date', 'due_date'] }] },
  { status: 'solved_late', when: [{ done: 'result_date' }] },
  { status: 'in_progress', when: [{ onOrBefore: ['asOf', 'due_date'] }] },
  { status: 'in_progress_late', when: [] },
];

function holds(c: TthcCondition, r: TthcStatusFacts, view: TthcStatusView): boolean {
  const term = (t: TthcTerm) => (t === 'asOf' ? view.asOf : r[t]);
  if ('done' in c) {
    const at = r[c.done];
    return at !== null && (view.doneBy === null || at <= view.doneBy);
  }
  const a = term(c.onOrBefore[0]);
  const b = term(c.onOrBefore[1]);
  // As in SQL, a comparison with a missing date does not hold.
  return a !== null && b !== null && a <= b;
}

export function tthcStatusOf(r: TthcStatusFacts, view: TthcStatusView): TthcStatus {
  for (const c of tthcStatusCases) if (c.when.every((w) => holds(w, r, view))) return c.status;
  throw new Error('tthcStatusCases must end with a case without conditions');
}
