import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 004 tasks', () => {
  it('one occurrence per period, a second of the same period refused; a document of a version-3 database becomes a task source', async () => {
    let docId = 0;
    const file = await olderDatabase(3, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      docId = rows.incoming(raw, 1, 'Về việc rà soát hồ sơ đất đai');
    });
    const db = await migrateTo(file, 4);
    expect(db.pragma('user_version', { simple: true })).toBe(4);
    checkThenRollBack(db, () => {
      db.prepare("insert into tasks (content, content_fold, created_at, updated_at) values ('Báo cáo', 'bao cao', 'x', 'x')").run();
      const occ = db.prepare("insert into task_occurrences (task_id, period_key, due_date, created_at) values (1, ?, ?, 'x')");
      occ.run('2026', '2026-12-31');
      expect(() => occ.run('2026', '2026-12-30')).toThrow(/UNIQUE/);
      expect(() => db.prepare("update tasks set state = 'done' where id = 1").run()).toThrow(/CHECK/);
      expect(() => db.prepare("insert into task_progress (occurrence_id, report_date, result, created_at) values (99, '2026-01-01', 'x', 'x')").run()).toThrow(/FOREIGN KEY/);
    });

    const core = await openInApp(file);
    const task = ok(await core.call('tasks.create', { content: 'Rà soát hồ sơ', sourceIncomingId: docId, deadline: '2026-02-01' }));
    expect(ok(await core.call('tasks.get', { id: task.id })).sourceIncoming).toMatchObject({ id: docId, subject: 'Về việc rà soát hồ sơ đất đai' });
    await core.close();
  });
});
