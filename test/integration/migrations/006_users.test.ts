import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, NOW, olderDatabase, openInApp } from '../../support/migrations';

describe('migration 006 users', () => {
  it('usernames unique without regard to case, roles the four known; work files of a version-5 database are listed and it opens without a login', async () => {
    const file = await olderDatabase(5, (raw) => {
      raw.prepare("insert into dossiers (year, code, title, title_fold, retention_years, created_at, updated_at) values (2026, '01.VP', 'Hồ sơ hội nghị', 'ho so hoi nghi', 0, ?, ?)").run(NOW, NOW);
    });
    const db = await migrateTo(file, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    checkThenRollBack(db, () => {
      const add = db.prepare("insert into users (username, full_name, password_hash, role, created_at, updated_at) values (?, 'X', 'scrypt$…', ?, 'x', 'x')");
      add.run('vanthu', 'clerk');
      expect(() => add.run('VanThu', 'clerk')).toThrow(/UNIQUE/);
      expect(() => add.run('khac', 'root')).toThrow(/CHECK/);
      expect(() => db.prepare("insert into sessions (token_hash, user_id, created_at, last_seen_at) values ('h', 99, 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    });

    const core = await openInApp(file);
    expect(ok(await core.call('auth.status', {})).usersExist).toBe(false);
    expect(ok(await core.call('dossiers.list', { year: 2026 })).items.map((d) => d.code)).toEqual(['01.VP']);
    await core.close();
  });
});
