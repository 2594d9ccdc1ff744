import { describe, expect, it } from 'vitest';
import { OUTGOING_ROWID } from '../../../db/search';
import { ok } from '../../support/core';
import { migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

/** A version-16 database whose index holds its documents as version 16 wrote them: rowid id * 2, or id * 2 + 1 for outgoing. */
const version16 = () =>
  olderDatabase(16, (raw) => {
    const entry = raw.prepare('insert into doc_search (rowid, notation, subject, sender, extra) values (?, ?, ?, ?, ?)');
    for (const [n, subject] of [[1, 'Về việc quản lý khoáng sản'], [2, 'Báo cáo đất đai']] as const) {
      const id = rows.incoming(raw, n, subject);
      entry.run(id * 2, `${n}/ubnd-kt`, subject === 'Báo cáo đất đai' ? 'bao cao dat dai' : 've viec quan ly khoang san', 'ubnd tinh lang son', '');
    }
    const out = Number(
      raw.prepare("insert into outgoing (register_id, year, number, status, document_type, subject, recipients_text, created_at, updated_at) values (3, 2026, 1, 'issued', 'BC', 'Báo cáo khoáng sản quý I', 'Bộ Tài nguyên', ?, ?)").run(NOW, NOW).lastInsertRowid,
    );
    entry.run(out * 2 + 1, '', 'bao cao khoang san quy i', 'bo tai nguyen', '');
  });

describe('migration 019 search index', () => {
  it('moves every entry to its kind\'s rowid range in a contentless index, and search still finds both kinds', async () => {
    const file = await version16();
    const db = await migrateTo(file, 19);
    try {
      expect(db.prepare('select rowid from doc_search order by rowid').pluck().all()).toEqual([1, 2, OUTGOING_ROWID + 1]);
      // No second copy of the text: the index answers matches, the documents hold the words.
      expect(db.prepare("select rowid, subject from doc_search where doc_search match 'khoang'").all()).toEqual([
        { rowid: 1, subject: null },
        { rowid: OUTGOING_ROWID + 1, subject: null },
      ]);
      expect(db.prepare("select count(*) from sqlite_master where name in ('doc_search_content', 'incoming_hidden', 'outgoing_hidden')").pluck().get()).toBe(2);
    } finally {
      db.close();
    }
    const core = await openInApp(file);
    try {
      const r = ok(await core.call('search.global', { q: 'khoang san' }));
      expect(r.hits.map((h) => `${h.kind}:${h.subject}:${h.score}`).sort()).toEqual(['incoming:Về việc quản lý khoáng sản:2', 'outgoing:Báo cáo khoáng sản quý I:2']);
      expect(r.totals).toEqual({ incoming: 1, outgoing: 1 });
      expect(ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', q: 'dat dai' })).items.map((d) => d.subject)).toEqual(['Báo cáo đất đai']);
    } finally {
      await core.close();
    }
  });
});
