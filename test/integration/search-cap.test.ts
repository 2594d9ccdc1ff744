/**
 * A common word over more documents than search and the list count: the
 * totals stop at the cap and say so, the best and newest still come first,
 * an old notation is still found at once, and the list's pages in the
 * register's order are the same as when every match is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP } from '../../shared/api/search';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
let old = 0;
let lateOne = 0;
const COMMON = SEARCH_COUNT_CAP + 100;
const day = (i: number) => `2026-${String(1 + Math.floor(i / 100)).padStart(2, '0')}-${String(1 + (i % 20)).padStart(2, '0')}`;

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  const reg = (arrivalDate: string, notation: string, subject: string, extra: { urgency?: 'khan' } = {}) =>
    t.core.call('incoming.register', { arrivalDate, senderName: 'Sở Nội vụ', notation, documentDate: arrivalDate, subject, ...extra });
  // Registered first (the smallest ids), yet arrived last: only a register order read from the dates puts it first.
  lateOne = ok(await reg('2026-11-24', '1/TB-VP', 'Thông báo về đất đai đến sau cùng')).id;
  old = ok(await reg('2025-01-10', '77/QĐ-STNMT', 'Quyết định giao đất đai')).id;
  await t.core.batch(async (call) => {
    for (let i = 0; i < COMMON; i++)
      ok(await call('incoming.register', { arrivalDate: day(i), senderName: 'Sở Nội vụ', notation: `${i + 2}/BC-VP`, documentDate: day(i), subject: `Báo cáo đất đai số ${i}`, ...(i % 400 === 7 ? { urgency: 'khan' as const } : {}) }));
  });
}, 120_000);
afterAll(() => t.close());

describe('a common word over more than the count cap', () => {
  it('search: the totals stop at the cap and say more match; the newest first among equals; an old notation fragment found at once', async () => {
    const r = ok(await t.core.call('search.global', { q: 'dat dai', limit: 10 }));
    expect(r.totals.incoming).toBe(SEARCH_COUNT_CAP);
    expect(r.exact).toEqual({ incoming: false, outgoing: true });
    // Every hit matches by subject alone (equal): the newest arrival first, among the newest registered.
    const dates = r.hits.map((h) => h.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates[0]).toBe('2026-11-20');
    // The notation, in part, of a document older than every window of newest matches.
    expect(ok(await t.core.call('search.global', { q: 'QĐ-STNMT' })).hits.map((h) => h.id)).toEqual([old]);
    const withWord = ok(await t.core.call('search.global', { q: '77/QĐ' }));
    expect(withWord.hits[0]!.id).toBe(old);
    // A rarer query is still counted exactly.
    expect(ok(await t.core.call('search.global', { q: 'giao dat dai' }))).toMatchObject({ totals: { incoming: 1 }, exact: { incoming: true } });
  });

  it('list: the total is the cap, said to be a lower bound; the first page in the register order, the late one first', async () => {
    const period = { from: '2025-01-01', to: '2026-12-31' };
    const first = ok(await t.core.call('incoming.list', { ...period, q: 'dat dai', pageSize: 50 }));
    expect(first).toMatchObject({ total: SEARCH_COUNT_CAP, totalExact: false });
    expect(first.items[0]!.id).toBe(lateOne);
    const keys = first.items.map((d) => `${d.arrivalDate} ${String(d.arrivalNumber).padStart(6, '0')}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // Without the late one's early id, the page comes from the newest matches alone: the same order.
    const thisYear = ok(await t.core.call('incoming.list', { from: '2026-01-01', to: '2026-11-23', q: 'dat dai', pageSize: 50 }));
    expect(thisYear.totalExact).toBe(false);
    expect(thisYear.items.slice(0, 49).map((d) => d.notation)).toEqual(first.items.slice(1).map((d) => d.notation));
  });

  it('list: pages past the cap are still read, to the last match; the oldest first when asked', async () => {
    const q = { from: '2025-01-01', to: '2026-12-31', q: 'dat dai', pageSize: 50 };
    const last = ok(await t.core.call('incoming.list', { ...q, page: Math.ceil((COMMON + 2) / 50) }));
    expect(last.items.length).toBe((COMMON + 2) % 50 || 50);
    expect(ok(await t.core.call('incoming.list', { ...q, page: Math.ceil((COMMON + 2) / 50) + 1 })).items).toEqual([]);
    const asc = ok(await t.core.call('incoming.list', { ...q, sort: 'arrivalDate', dir: 'asc' }));
    expect(asc.items[0]!.id).toBe(old);
  });

  it('list: a filter that leaves few of the common word is counted exactly', async () => {
    const r = ok(await t.core.call('incoming.list', { from: '2025-01-01', to: '2026-12-31', q: 'dat dai', urgency: 'khan' }));
    expect(r).toMatchObject({ total: 3, totalExact: true });
    expect(r.items.map((d) => d.urgency)).toEqual(['khan', 'khan', 'khan']);
    // The word rare in an old period: every match counted the old way.
    expect(ok(await t.core.call('incoming.list', { from: '2025-01-01', to: '2025-12-31', q: 'dat dai' }))).toMatchObject({ total: 1, totalExact: true });
  });
});
