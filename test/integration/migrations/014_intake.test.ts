import { describe, expect, it } from 'vitest';
import { ok, upload } from '../../support/core';
import { migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 014 intake', () => {
  it('adds the intake queue and incoming.origin; a version-12 database keeps its documents (no origin) and takes items', async () => {
    let id = 0;
    const file = await olderDatabase(12, (raw) => {
      rows.agency(raw);
      id = rows.incoming(raw, 3, 'Công văn về kế hoạch năm');
    });
    const db = await migrateTo(file, 14);
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare('select subject, origin from incoming where id = ?').get(id)).toEqual({ subject: 'Công văn về kế hoạch năm', origin: null });
    expect(db.prepare('select count(*) as n from intake_items').get()).toEqual({ n: 0 });
    db.close();

    const core = await openInApp(file);
    expect(ok(await core.call('incoming.get', { id })).origin).toBeNull();
    const fileId = await upload(core, 'van-ban.docx', 'không phải docx');
    expect(ok(await core.call('intake.addFiles', { files: [{ fileId }] })).items).toHaveLength(1);
    await core.close();
  });
});
