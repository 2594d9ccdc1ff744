import { describe, expect, it } from 'vitest';
import { hashPassword, tokenHash } from '../../../electron/core/auth/sign-in';
import { ok } from '../../support/core';
import { migrateTo, NOW, olderDatabase, openInApp } from '../../support/migrations';

const PASSWORD = 'mat-khau-quan-tri-2026';

describe('migration 013 office', () => {
  it('gives a version-12 session an id (never its token hash), keeps it signed in, and adds client addresses and request_log', async () => {
    const hash = await hashPassword(PASSWORD);
    const token = 'phien-cu-cua-phien-ban-12';
    const file = await olderDatabase(12, (raw) => {
      raw.prepare("insert into users (username, full_name, password_hash, role, created_at, updated_at) values ('quantri', 'Quản trị', ?, 'admin', ?, ?)").run(hash, NOW, NOW);
      raw.prepare('insert into sessions (token_hash, user_id, created_at, last_seen_at) values (?, 1, ?, ?)').run(tokenHash(token), NOW, NOW);
      raw.prepare("insert into audit_log (at, actor, action, entity, entity_id) values (?, 'quantri', 'auth.login', 'users', 1)").run(NOW);
    });
    const db = await migrateTo(file, 13);
    const s = db.prepare('select id, token_hash, client_address, program from sessions').get() as { id: string; token_hash: string; client_address: null; program: null };
    expect(s.id).toMatch(/^[0-9a-f]{24}$/);
    expect(s.id).not.toBe(s.token_hash);
    expect(s).toMatchObject({ client_address: null, program: null });
    expect(db.prepare('select client_address from audit_log').get()).toEqual({ client_address: null });
    expect(db.prepare('select count(*) n from request_log').get()).toEqual({ n: 0 });
    db.close();

    const core = await openInApp(file);
    const list = ok(await core.call('auth.sessions', {}, { session: token }));
    expect(list.sessions).toEqual([expect.objectContaining({ id: s.id, username: 'quantri', clientAddress: null, current: true })]);
    await core.close();
  });
});
