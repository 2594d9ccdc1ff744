import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, NOW, olderDatabase, openInApp } from '../../support/migrations';

describe('migration 007 outbox', () => {
  it('one row per message id and only the known statuses; a version-6 database keeps its users and opens with an empty outbox', async () => {
    const file = await olderDatabase(6, (raw) => {
      raw.prepare("insert into users (username, full_name, password_hash, role, created_at, updated_at) values ('vanthu', 'Nguyễn Thị Văn', 'scrypt$x', 'clerk', ?, ?)").run(NOW, NOW);
    });
    const db = await migrateTo(file, 7);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    checkThenRollBack(db, () => {
      const add = db.prepare("insert into outbox (message_id, to_json, subject, body, attachments_json, status, next_attempt_at, created_at, updated_at) values (?, '[]', 'Báo cáo', 'x', '[]', ?, 'x', 'x', 'x')");
      add.run('<a@x>', 'pending');
      expect(() => add.run('<a@x>', 'pending')).toThrow(/UNIQUE/);
      expect(() => add.run('<b@x>', 'lost')).toThrow(/CHECK/);
    });

    const core = await openInApp(file);
    // The users are there: calls now need a session.
    expect(ok(await core.call('auth.status', {})).usersExist).toBe(true);
    expect((await core.call('send.outbox', {})).ok).toBe(false);
    await core.close();
  });
});
