import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 002 documents', () => {
  it('creates the four registers, one number per register and year; a version-1 database keeps its agency and units and registers documents', async () => {
    const file = await olderDatabase(1, (raw) => {
      rows.agency(raw);
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      rows.unit(raw, 'UBND tỉnh Lạng Sơn', null, 'external');
    });
    const db = await migrateTo(file, 2);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('select kind, name, secret from registers order by sort_order').all()).toEqual([
      { kind: 'incoming', name: 'Sổ văn bản đến', secret: 0 },
      { kind: 'incoming', name: 'Sổ văn bản đến mật', secret: 1 },
      { kind: 'outgoing', name: 'Sổ văn bản đi', secret: 0 },
      { kind: 'outgoing', name: 'Sổ văn bản đi mật', secret: 1 },
    ]);
    checkThenRollBack(db, () => {
      const ins = db.prepare(
        "insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, subject, created_at, updated_at) values (?, ?, ?, '2025-01-01', 'A', 'a', 'S', 'x', 'x')",
      );
      ins.run(1, 2025, 1);
      expect(() => ins.run(1, 2025, 1)).toThrow(/UNIQUE/);
      ins.run(1, 2026, 1);
      ins.run(2, 2025, 1);
      const out = db.prepare("insert into outgoing (register_id, year, number, status, document_type, subject, created_at, updated_at) values (3, ?, ?, ?, 'BC', 'S', 'x', 'x')");
      out.run(null, null, 'draft');
      out.run(null, null, 'draft'); // drafts have no number yet
      out.run(2025, 1, 'issued');
      expect(() => out.run(2025, 1, 'cancelled')).toThrow(/UNIQUE/);
      expect(() => out.run(2025, 2, 'lost')).toThrow(/CHECK/);
      expect(() => ins.run(99, 2025, 5)).toThrow(/FOREIGN KEY/);
    });

    const core = await openInApp(file);
    expect(ok(await core.call('units.list', {})).items.map((u) => u.name).sort()).toEqual(['UBND tỉnh Lạng Sơn', 'Văn phòng Sở']);
    const doc = ok(await core.call('incoming.register', { arrivalDate: '2026-01-05', senderName: 'UBND tỉnh Lạng Sơn', notation: '1/UBND-KT', documentDate: '2026-01-04', subject: 'Sau nâng cấp' }));
    expect(doc.arrivalNumber).toBe(1);
    await core.close();
  });
});
