import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 012 recognised text', () => {
  it('adds recognised_text to incoming; a version-11 database keeps its documents, with no text, and they are still found', async () => {
    let id = 0;
    const file = await olderDatabase(11, (raw) => {
      rows.agency(raw);
      id = rows.incoming(raw, 7, 'Báo cáo tình hình quản lý đất đai');
    });
    const db = await migrateTo(file, 12);
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('select subject, recognised_text from incoming where id = ?').get(id)).toEqual({ subject: 'Báo cáo tình hình quản lý đất đai', recognised_text: null });
    db.close();

    const core = await openInApp(file);
    ok(await core.call('incoming.update', { id, note: 'sửa sau nâng cấp' }));
    expect(ok(await core.call('search.global', { q: 'dat dai' })).hits.map((h) => h.id)).toEqual([id]);
    await core.close();
  });
});
