/**
 * Search asks FTS5 for a last word typed so far as the whole terms it can be,
 * and leaves out the notation column's query when no notation holds the
 * words: both only save time (one letter too, which has no prefix index of its own since migration 026). Here, on words of many terms and few, the
 * matches are the same as the plain prefix finds, and an old notation is still
 * found first behind a window of newer matches of the same words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery, MAX_COMPLETIONS } from '../../db/search';
import { foldVietnamese } from '../../shared/text';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';
import { testEngine } from '../support/postgres';

let t: TestCore;
let oldPlan = 0;
const NEWER = 230;
/** Syllables beginning "th", more of them than search turns into whole terms. */
const TH = ['thac', 'thai', 'tham', 'than', 'thang', 'thanh', 'thao', 'thap', 'that', 'thay', 'the', 'them', 'then', 'theo', 'thi', 'thiet', 'thieu', 'thinh', 'tho', 'thoa', 'thoi', 'thon', 'thong', 'thu', 'thua', 'thuc', 'thue', 'thuoc', 'thuong', 'thuy'];

beforeAll(async () => {
  t = await makeCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  const reg = (arrivalDate: string, notation: string, subject: string) => t.core.call('incoming.register', { arrivalDate, senderName: 'Sở Nội vụ', notation, documentDate: arrivalDate, subject });
  // The oldest: its notation holds "KH-UBND"; every later one holds the words in its subject only.
  oldPlan = ok(await reg('2024-03-04', '5/KH-UBND', 'Kế hoạch năm 2024')).id;
  await t.core.batch(async (call) => {
    for (let i = 0; i < NEWER; i++) {
      const day = `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const words = `${TH[i % TH.length]} ${i % 3 === 0 ? 'thôn bản' : 'thông tin'}`;
      ok(await call('incoming.register', { arrivalDate: day, senderName: 'Sở Nội vụ', notation: `${i + 10}/BC-VP`, documentDate: day, subject: `Triển khai KH UBND tỉnh về ${words} số ${i}` }));
    }
  });
}, 120_000);
afterAll(() => t.close());

/** The incoming ids FTS5 itself matches for the query, its last word a prefix (SQLite). */
const prefixMatches = async (q: string) =>
  (await rowsOf<{ id: number }>(t, `select rowid as id from doc_search where doc_search match ? and rowid < ${2 ** 40} order by rowid desc`, ftsQuery(foldVietnamese(q))!)).map((r) => r.id);

describe('a last word typed so far', () => {
  it.skipIf(testEngine() === 'postgres')('finds what its prefix finds, with few terms and with more than are turned into terms', async () => {
    expect(TH.length).toBeGreaterThan(MAX_COMPLETIONS);
    for (const q of ['th', 'thon', 'thong', 'thôn b', 'trien khai thu', 'kh ub', 'KH-UBND', '11/BC', 'so 1', 't', 'trien khai t', 'kh u', 'KH-U', '1']) {
      const found = await prefixMatches(q);
      const r = ok(await t.core.call('search.global', { q, limit: 100 }));
      expect({ q, total: r.totals.incoming }).toEqual({ q, total: Math.min(found.length, 1000) });
      expect(r.hits.every((h) => found.includes(h.id))).toBe(true);
      const list = ok(await t.core.call('incoming.list', { from: '2024-01-01', to: '2026-12-31', q, pageSize: 500 }));
      expect({ q, ids: list.items.map((d) => d.id).sort((a, b) => a - b) }).toEqual({ q, ids: [...found].sort((a, b) => a - b) });
    }
  });

  it('an old notation is found first behind a window of newer matches of its words', async () => {
    const r = ok(await t.core.call('search.global', { q: 'KH-UBND', limit: 10 }));
    expect(r.totals.incoming).toBe(NEWER + 1);
    expect(r.hits[0]).toMatchObject({ kind: 'incoming', id: oldPlan });
    // Typed so far: the notation's last piece as a prefix.
    expect(ok(await t.core.call('search.global', { q: 'KH-UBN', limit: 10 })).hits[0]!.id).toBe(oldPlan);
    // One letter: the notation column is asked for the notations' own pieces ("ubnd"), not every word of the index with "u".
    expect(ok(await t.core.call('search.global', { q: 'KH-U', limit: 10 })).hits[0]!.id).toBe(oldPlan);
  });

  it('keeps every piece of the notations registered, which the notation query is asked by', async () => {
    const terms = (await rowsOf<{ term: string }>(t, 'select term from notation_terms')).map((r) => r.term);
    expect(terms).toEqual(expect.arrayContaining(['5', 'kh', 'ubnd', '10', 'bc', 'vp']));
    expect(terms).not.toContain('thong');
  });
});
