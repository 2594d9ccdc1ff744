import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

const subject = 'Về việc quản lý khoáng sản';
const version2 = () => olderDatabase(2, (raw) => void rows.incoming(raw, 1, subject));

describe('migration 003 search', () => {
  it('creates an FTS5 index whose tokens split notations at / and -; documents of a version-2 database are still listed', async () => {
    const file = await version2();
    const db = await migrateTo(file, 3);
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    checkThenRollBack(db, () => {
      db.prepare('insert into doc_search (rowid, notation, subject, sender, extra) values (2000, ?, ?, ?, ?)').run('448/bc-stnmt', 'bao cao dat dai', 'so tai nguyen', '');
      const match = (q: string) => db.prepare('select rowid from doc_search where doc_search match ?').all(q);
      expect(match('"bc stnmt"')).toEqual([{ rowid: 2000 }]);
      expect(match('"448 bc"')).toEqual([{ rowid: 2000 }]);
      expect(match('"dat dai"')).toEqual([{ rowid: 2000 }]);
      expect(match('"stnmt bc"')).toEqual([]);
    });

    const core = await openInApp(file);
    expect(ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31' })).items.map((d) => d.subject)).toEqual([subject]);
    await core.close();
  });

  // Known gap, left to the owner of the migrations' content: 003 indexes no document registered before it.
  // When it does, this test starts failing; turn it into a plain `it`.
  it('documents registered before the index existed are found by search', async () => {
    const core = await openInApp(await version2());
    try {
      expect(ok(await core.call('search.global', { q: 'khoang san' })).hits.map((d) => d.subject)).toEqual([subject]);
    } finally {
      await core.close();
    }
  });
});
