import { afterEach, describe, expect, it } from 'vitest';
import { demoBatches } from '../../scripts/demo/batches';
import { fillDemo } from '../../scripts/demo/fill';
import { makeCore, ok, type TestCore } from '../support/core';

let t: TestCore;
afterEach(async () => t.close());

const units = async () => ok(await t.core.call('units.list', {})).items.map((u) => u.name);

describe('demo writes in batches', () => {
  it('commits every `size` calls and at flush; a batch abandoned on an error leaves nothing of it, earlier batches stay', async () => {
    t = await makeCore();
    const b = demoBatches(t.core, 2);
    await b.call('units.create', { name: 'Phòng A', kind: 'external' });
    await b.call('units.create', { name: 'Phòng B', kind: 'external' });
    await b.call('units.create', { name: 'Phòng C', kind: 'external' });
    await expect(b.call('units.create', { name: ' ', kind: 'external' })).rejects.toThrow(/units.create/);
    await b.abandon(new Error('dừng'));
    expect(await units()).toEqual(['Phòng A', 'Phòng B']);
    await b.call('units.create', { name: 'Phòng D', kind: 'external' });
    await b.flush();
    expect(await units()).toEqual(['Phòng A', 'Phòng B', 'Phòng D']);
  });
});

describe('demo data', () => {
  it('fills a department through the API: documents, tasks with progress, recurring duties with their periods', async () => {
    t = await makeCore({ clock: () => new Date('2026-11-25T09:00:00+07:00') });
    const s = await fillDemo(t.core, { years: 2, today: '2026-11-25', incomingPerDay: 2, outgoingPerDay: 1, tasksPerYear: 120, tthcPerYear: 400 });
    expect(s.tasks).toBe(4 + 2 * 120);
    expect(s.incoming).toBeGreaterThan(800);
    const summary = ok(await t.core.call('tasks.summary', {}));
    const total = summary.rows.reduce((n, r) => n + r.total, 0);
    const done = summary.rows.reduce((n, r) => n + r.counts.done_on_time + r.counts.done_late, 0);
    // Most of the past work is done, not everything: the lists have something to show.
    expect(done / total).toBeGreaterThan(0.6);
    expect(summary.rows.reduce((n, r) => n + r.counts.overdue, 0)).toBeGreaterThan(0);
    const quarterly = ok(await t.core.call('tasks.list', { q: 'cai cach hanh chinh', pageSize: 100 })).items.filter((r) => r.periodLabel?.startsWith('Quý'));
    expect(quarterly.length).toBeGreaterThanOrEqual(8);
    expect(quarterly.filter((r) => r.completedAt).length).toBeGreaterThan(4);
    // No task was started or completed after today.
    const late = ok(await t.core.call('tasks.list', { from: '2026-11-26', status: 'done_on_time' })).items.filter((r) => (r.completedAt ?? '') > '2026-11-25');
    expect(late).toEqual([]);

    // TTHC: every month's figures add up, and the desk has open and late work.
    expect(s.tthc).toBeGreaterThan(700);
    for (let m = 1; m <= 23; m++) {
      const y = 2025 + Math.floor((m - 1) / 12);
      const month = String(((m - 1) % 12) + 1).padStart(2, '0');
      const last = new Date(Date.UTC(y, Number(month), 0)).getUTCDate();
      const st = ok(await t.core.call('tthc.stats', { from: `${y}-${month}-01`, to: `${y}-${month}-${last}` }));
      expect(st.received + st.carriedOver).toBe(st.solvedOnTime + st.solvedLate + st.inProgressOnTime + st.inProgressLate + st.withdrawn);
      expect(st.received).toBeGreaterThan(0);
    }
    expect(ok(await t.core.call('tthc.list', { status: 'in_progress' })).total).toBeGreaterThan(0);

    // Work files: last year's are closed and waiting for hand-over, the year before's were handed over.
    expect(s.workFiles).toBe(2 * 13 * 7);
    const warned = ok(await t.core.call('dossiers.list', { year: 2025, warning: true })).items;
    expect(warned.length).toBeGreaterThan(0);
    expect(ok(await t.core.call('dossiers.list', { year: 2026, state: 'open' })).items.length).toBe(13 * 7);
    // Two years of an office go through the API, every write audited: a minute or more on a busy 2-core machine.
  }, 240_000);
});
