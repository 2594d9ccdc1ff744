import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 011 trust roots', () => {
  it('one row per certificate fingerprint of 64 hex digits; a version-8 database keeps its data and opens trusting nothing', async () => {
    const file = await olderDatabase(8, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
    });
    const db = await migrateTo(file, 11);
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    checkThenRollBack(db, () => {
      const add = db.prepare("insert into trust_roots (fingerprint, subject, issuer, not_before, not_after, der, added_at, added_by) values (?, 'Root CA', 'Root CA', ?, ?, x'3000', ?, 'quantri')");
      add.run('a'.repeat(64), NOW, NOW, NOW);
      expect(() => add.run('a'.repeat(64), NOW, NOW, NOW)).toThrow(/UNIQUE/);
      expect(() => add.run('abc', NOW, NOW, NOW)).toThrow(/CHECK/);
      expect(() => db.prepare("insert into trust_roots (fingerprint, subject, issuer, not_before, not_after, added_at, added_by) values (?, 'x', 'x', 'x', 'x', 'x', 'x')").run('b'.repeat(64))).toThrow(/NOT NULL/);
    });

    const core = await openInApp(file);
    expect(ok(await core.call('units.list', {})).items.map((u) => u.name)).toEqual(['Văn phòng Sở']);
    expect(ok(await core.call('trust.list', {})).items).toEqual([]);
    await core.close();
  });
});
