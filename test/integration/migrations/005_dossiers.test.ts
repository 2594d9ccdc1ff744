import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { tempDir } from '../../support/core';

describe('migration 005 dossiers', () => {
  it('seeds the published day adjustments and guards work files and TTHC dossiers', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    await (await openDatabase(file, { backupDir: dir, targetVersion: 5 })).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare("select kind from calendar_days where date = '2024-05-04'").pluck().get()).toBe('work');
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
    db.close();
  });
});
