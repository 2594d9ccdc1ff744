import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { checkThenRollBack, migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

describe('migration 005 dossiers', () => {
  it('seeds the published day adjustments and guards work files and TTHC dossiers; tasks of a version-4 database are listed', async () => {
    const file = await olderDatabase(4, (raw) => {
      const unit = rows.unit(raw, 'Văn phòng Sở', 'VP');
      const task = raw.prepare('insert into tasks (content, content_fold, lead_unit_id, created_at, updated_at) values (?, ?, ?, ?, ?)').run('Báo cáo quý', 'bao cao quy', unit, NOW, NOW).lastInsertRowid;
      raw.prepare("insert into task_occurrences (task_id, period_key, due_date, created_at) values (?, 'once', '2026-03-31', ?)").run(task, NOW);
    });
    const db = await migrateTo(file, 5);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare("select kind from calendar_days where date = '2024-05-04'").pluck().get()).toBe('work');
    checkThenRollBack(db, () => {
      expect(() => db.prepare("insert into calendar_days (date, kind, updated_at) values ('2027-01-02', 'holiday', 'x')").run()).toThrow(/CHECK/);
      const file1 = db.prepare("insert into dossiers (year, code, title, title_fold, retention_years, created_at, updated_at) values (2026, '01.VP', ?, 'x', ?, 'x', 'x')");
      file1.run('Hồ sơ hội nghị', 0);
      expect(() => file1.run('Trùng mã', 10)).toThrow(/UNIQUE/);
      expect(() => db.prepare("insert into dossiers (year, code, title, title_fold, retention_years, state, created_at, updated_at) values (2026, '02.VP', 'x', 'x', 5, 'lost', 'x', 'x')").run()).toThrow(/CHECK/);
      db.prepare("insert into tthc_procedures (name, field, processing_days, created_at, updated_at) values ('Cấp giấy phép', 'Môi trường', 15, 'x', 'x')").run();
      const reg = db.prepare("insert into tthc_dossiers (code, procedure_id, applicant_name, applicant_fold, applicant_kind, received_at, channel, due_date, result_date, withdrawn_at, created_at, updated_at) values (?, 1, 'Công ty A', 'cong ty a', 'organisation', '2026-01-05', ?, '2026-01-26', ?, ?, 'x', 'x')");
      reg.run('000.00.01.H40-260105-0001', 'online4', null, null);
      expect(() => reg.run('000.00.01.H40-260105-0002', 'fax', null, null)).toThrow(/CHECK/);
      expect(() => reg.run('000.00.01.H40-260105-0003', 'direct', '2026-01-20', '2026-01-21')).toThrow(/CHECK/);
    });

    const core = await openInApp(file);
    expect(ok(await core.call('tasks.list', {})).items.map((r) => [r.content, r.due])).toEqual([['Báo cáo quý', '2026-03-31']]);
    await core.close();
  });
});
