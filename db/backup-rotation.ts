/**
 * Which backups to keep: every backup of the last keepDaily days that have
 * backups (so an undo backup made before a restore survives the day's other
 * backups), the newest of each of the last keepWeekly ISO weeks and of the
 * last keepMonthly months. Everything else may go, once the new backup has
 * been checked.
 */
import { getISOWeek, getISOWeekYear, parseISO } from 'date-fns';

export interface Keep {
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
}

export function backupsToRemove<T extends { createdAt: string }>(items: readonly T[], keep: Keep): T[] {
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const kept = new Set<T>(newestFirst.slice(0, 1));
  const recentDays = new Set<string>();
  for (const b of newestFirst) {
    const day = dayKey(parseISO(b.createdAt));
    if (!recentDays.has(day) && recentDays.size >= keep.keepDaily) break;
    recentDays.add(day);
    kept.add(b);
  }
  const pick = (key: (d: Date) => string, n: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const k = key(parseISO(b.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= n) break;
      seen.add(k);
      kept.add(b);
    }
  };
  pick((d) => `${getISOWeekYear(d)}-W${getISOWeek(d)}`, keep.keepWeekly);
  pick((d) => dayKey(d).slice(0, 7), keep.keepMonthly);
  return newestFirst.filter((b) => !kept.has(b));
}

function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
