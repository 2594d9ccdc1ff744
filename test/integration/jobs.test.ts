import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T09:00:00+07:00') });
  ok(await t.core.call('agency.update', standardAgency));
  for (let i = 1; i <= 3; i++) ok(await t.core.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', notation: `${i}/UBND`, documentDate: '2026-11-18', subject: `Văn bản ${i}` }));
});
afterEach(async () => t.close());

const input = (file: string) => ({ from: '2026-01-01', to: '2026-12-31', format: 'xlsx' as const, path: file });

describe('long exports', () => {
  it('report their progress up to the total', async () => {
    const seen: { done: number; total: number }[] = [];
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress') seen.push({ done: Number(e.done), total: Number(e.total) });
    });
    ok(await t.core.call('exports.incomingRegister', input(path.join(t.dir, 'so-den.xlsx'))));
    off();
    expect(seen[0]).toEqual({ done: 0, total: 3 });
    expect(seen[seen.length - 1]).toEqual({ done: 3, total: 3 });
    expect(ok(await t.core.call('jobs.cancel', { method: 'exports.incomingRegister' }))).toEqual({ cancelled: false });
  });

  it('can be cancelled, and leave no half-written file', async () => {
    const file = path.join(t.dir, 'so-den-huy.xlsx');
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress') void t.core.call('jobs.cancel', { method: 'exports.incomingRegister' });
    });
    const e = err(await t.core.call('exports.incomingRegister', input(file)));
    off();
    expect(e).toEqual(expect.objectContaining({ code: 'CANCELLED', message: expect.stringContaining('Đã hủy') }));
    expect(fs.existsSync(file)).toBe(false);
  });
});
