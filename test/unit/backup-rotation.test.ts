import { addDays, formatISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { backupsToRemove } from '../../db/backup-rotation';

describe('backup rotation', () => {
  it('keeps 7 daily, 4 weekly and 12 monthly backups of a year of daily backups, and the newest', () => {
    const start = new Date(2025, 10, 25, 8, 0, 0);
    const items = Array.from({ length: 366 }, (_, i) => ({ createdAt: formatISO(addDays(start, i)) }));
    const removed = new Set(backupsToRemove(items, { keepDaily: 7, keepWeekly: 4, keepMonthly: 12 }));
    const kept = items.filter((b) => !removed.has(b)).map((b) => b.createdAt.slice(0, 10));
    // The last 7 days, the newest of 4 weeks and of 12 months (some of them the same backups).
    expect(kept.slice(-7)).toEqual(items.slice(-7).map((b) => b.createdAt.slice(0, 10)));
    expect(kept.length).toBeGreaterThanOrEqual(7 + 12 - 2);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
    expect(new Set(kept.map((d) => d.slice(0, 7))).size).toBe(12);
  });

  it('keeps every backup of the recent days, so the undo of a restore is not rotated out the same day', () => {
    const items = ['2026-11-25T01:00:00Z', '2026-11-25T09:00:00Z', '2026-11-24T09:00:00Z', '2026-11-20T09:00:00Z', '2026-11-19T09:00:00Z'].map((createdAt) => ({ createdAt }));
    expect(backupsToRemove(items, { keepDaily: 3, keepWeekly: 0, keepMonthly: 0 }).map((b) => b.createdAt)).toEqual(['2026-11-19T09:00:00Z']);
  });
});
