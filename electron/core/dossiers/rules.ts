/** Rules of the work files that need no database: heading numbers and the hand-over warning. */
import { addYears, format, parseISO, subDays } from 'date-fns';
import type { Dossier } from '../../../shared/api/dossiers';

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  let left = n;
  for (const [v, s] of ROMAN) {
    while (left >= v) {
      out += s;
      left -= v;
    }
  }
  return out;
}

/** Warned from 30 days before the hand-over is due: one year after the work ended. */
export function handoverOf(state: Dossier['state'], workEndedAt: string | null, today: string): Pick<Dossier, 'handoverDue' | 'handoverWarning'> {
  if (!workEndedAt) return { handoverDue: null, handoverWarning: null };
  const due = format(addYears(parseISO(workEndedAt), 1), 'yyyy-MM-dd');
  if (state !== 'closed') return { handoverDue: due, handoverWarning: null };
  const warnFrom = format(subDays(parseISO(due), 30), 'yyyy-MM-dd');
  return { handoverDue: due, handoverWarning: today > due ? 'overdue' : today >= warnFrom ? 'soon' : null };
}
