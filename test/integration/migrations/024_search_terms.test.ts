import { describe, expect, it } from 'vitest';
import { migrateTo, NOW, olderDatabase, rows } from '../../support/migrations';

describe('migration 024 search terms', () => {
  it('lists the pieces of every notation already registered, folded, and gives the search index its list of terms', async () => {
    const file = await olderDatabase(22, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      for (let n = 1; n <= 3; n++) rows.incoming(raw, n, `Văn bản ${n}`);
      raw
        .prepare("insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, notation, subject, created_at, updated_at) values (1, 2026, 4, '2026-01-05', 'Sở Xây dựng', 'so xay dung', '12/QĐ-ĐĐKS', 'Quyết định', ?, ?)")
        .run(NOW, NOW);
      raw.prepare("insert into doc_search (rowid, notation, subject, sender, extra) values (4, '12/qd-ddks', 'quyet dinh', 'so xay dung', '')").run();
    });
    const db = await migrateTo(file, 24);
    const terms = (db.prepare('select term from notation_terms order by term').all() as { term: string }[]).map((r) => r.term);
    expect(terms).toEqual(['1', '12', '2', '3', 'ddks', 'kt', 'qd', 'ubnd']);
    const indexed = (db.prepare("select distinct term from doc_search_terms where term >= 'q' and term < 'r'").all() as { term: string }[]).map((r) => r.term);
    expect(indexed).toEqual(['qd', 'quyet']);
    db.close();
  });
});
