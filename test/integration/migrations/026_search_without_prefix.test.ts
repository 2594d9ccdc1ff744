import { describe, expect, it } from 'vitest';
import { OUTGOING_ROWID } from '../../../db/search';
import { ok } from '../../support/core';
import { migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 026 search without prefix', () => {
  it('makes the index again without its one-letter prefix index, from every document (those in the trash too), and search still finds a word by one letter', async () => {
    const file = await olderDatabase(24, (raw) => {
      rows.agency(raw);
      for (let n = 1; n <= 3; n++) rows.incoming(raw, n, `Về việc giao đất đợt ${n}`);
      raw.prepare("update incoming set deleted_at = ? where arrival_number = 3").run(NOW);
      const register = (raw.prepare("select id from registers where kind = 'outgoing' order by id limit 1").get() as { id: number }).id;
      raw
        .prepare("insert into outgoing (register_id, status, document_type, subject, notation, recipients_text, created_at, updated_at) values (?, 'issued', 'BC', 'Báo cáo giao đất', '5/BC-STNMT', 'UBND huyện Cao Lộc', ?, ?)")
        .run(register, NOW, NOW);
      // The old index held other text: the new one is made from the documents, not copied from it.
      raw.prepare("insert into doc_search (rowid, notation, subject, sender, extra) values (1, 'cu', 'van ban cu', '', '')").run();
    });
    const db = await migrateTo(file, 26);
    expect((db.prepare("select sql from sqlite_schema where name = 'doc_search'").get() as { sql: string }).sql).not.toMatch(/prefix/);
    const ids = (q: string) => (db.prepare('select rowid as id from doc_search where doc_search match ? order by rowid').all(q) as { id: number }[]).map((r) => r.id);
    expect(ids('giao dat')).toEqual([1, 2, 3, OUTGOING_ROWID + 1]);
    expect(ids('"van ban cu"')).toEqual([]);
    expect(ids('notation : ("5 bc")')).toEqual([OUTGOING_ROWID + 1]);
    expect(ids('sender : (cao loc)')).toEqual([OUTGOING_ROWID + 1]);
    // The list of terms, a view over the new index.
    expect((db.prepare("select distinct term from doc_search_terms where term >= 'g' and term < 'h'").all() as { term: string }[]).map((r) => r.term)).toEqual(['giao']);
    db.close();

    const core = await openInApp(file);
    const found = ok(await core.call('search.global', { q: 'giao đ' }));
    expect(found.totals).toEqual({ incoming: 2, outgoing: 1 });
    expect(ok(await core.call('search.global', { q: '5/B' })).hits.map((h) => h.notation)).toEqual(['5/BC-STNMT']);
    await core.close();
  });
});
