import fs from 'node:fs';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { heldPath, ok } from '../../support/core';
import { migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

const indexColumns = (db: Database.Database, name: string) => (db.prepare(`select name from pragma_index_info(?) order by seqno`).all(name) as { name: string | null }[]).map((c) => c.name);
const columns = (db: Database.Database, table = 'incoming') => db.prepare('select name, type, "notnull" from pragma_table_info(?) order by cid').all(table) as { name: string; type: string; notnull: number }[];

const ARRIVAL_INDEX = ['arrival_date', 'arrival_number', 'id', 'secrecy', 'completed_at', 'deadline', 'lead_unit_id', 'assigned_at', 'urgency', 'document_type', 'deleted_at'];
const FILLER = 10_050;

interface Times {
  id: number;
  assigned_at: string | number | null;
  created_at: string | number;
  updated_at: string | number;
}
const times = (db: Database.Database) => db.prepare('select id, assigned_at, created_at, updated_at from incoming order by id').all() as Times[];
const outgoingTimes = (db: Database.Database) => db.prepare('select id, created_at, updated_at from outgoing order by id').all() as Omit<Times, 'assigned_at'>[];

describe('migration 025 instants', () => {
  it("keeps the documents', tasks' and TTHC dossiers' instants as milliseconds, in batches, read back through the API as the text version 24 wrote", async () => {
    // Late at night in UTC: the slip's day is the UTC day of the text, as it was (the next day in Vietnam).
    const assignedAt = '2026-01-04T23:30:00.456Z';
    const updatedAt = '2026-01-06T08:15:42.001Z';
    const draftAt = '2026-01-04T23:59:59.999Z';
    const file = await olderDatabase(24, (raw) => {
      rows.agency(raw);
      const unit = rows.unit(raw, 'Phòng Quản lý môi trường', 'QLMT');
      const id = rows.incoming(raw, 1, 'Về việc quan trắc môi trường');
      raw.prepare("update incoming set lead_unit_id = ?, instruction = 'Giao phòng chủ trì.', deadline = '2026-01-20', assigned_at = ?, updated_at = ? where id = ?").run(unit, assignedAt, updatedAt, id);
      rows.incoming(raw, 2, 'Về việc chưa giao');
      // More than a batch, at instants of every millisecond.
      const insert = raw.prepare(
        "insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, subject, assigned_at, created_at, updated_at) values (1, 2025, ?, '2025-03-01', 'Sở Tài chính', 'so tai chinh', 'Văn bản', ?, ?, ?)",
      );
      raw.transaction(() => {
        for (let i = 0; i < FILLER; i++) {
          const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_123).toISOString();
          insert.run(i + 1, i % 3 === 0 ? at : null, at, new Date(Date.parse(at) + 999).toISOString());
        }
      })();
      const draft = raw.prepare("insert into outgoing (register_id, status, document_type, subject, created_at, updated_at) values (3, 'draft', 'BC', ?, ?, ?)");
      draft.run('Dự thảo khuya', draftAt, updatedAt);
      draft.run('Dự thảo hôm sau', NOW, NOW);
      const task = raw.prepare("insert into tasks (content, content_fold, created_at, updated_at) values ('Rà soát hồ sơ', 'ra soat ho so', ?, ?)").run(draftAt, updatedAt).lastInsertRowid;
      const occurrence = raw.prepare("insert into task_occurrences (task_id, period_key, due_date, completed_at, created_at) values (?, 'once', '2026-01-20', '2026-01-06', ?)").run(task, draftAt).lastInsertRowid;
      raw.prepare("insert into task_progress (occurrence_id, report_date, result, created_at) values (?, '2026-01-06', 'Xong', ?)").run(occurrence, updatedAt);
      const procedure = raw.prepare("insert into tthc_procedures (name, field, processing_days, created_at, updated_at) values ('Cấp phép khai thác', 'Khoáng sản', 10, ?, ?)").run(NOW, NOW).lastInsertRowid;
      raw
        .prepare("insert into tthc_dossiers (code, procedure_id, applicant_name, applicant_fold, applicant_kind, received_at, channel, due_date, created_at, updated_at) values ('000.00.01.H01-260104-0001', ?, 'Nguyễn Văn A', 'nguyen van a', 'person', '2026-01-04', 'direct', '2026-01-18', ?, ?)")
        .run(procedure, draftAt, updatedAt);
    });
    const before = new Database(file, { readonly: true });
    const written = times(before);
    const writtenOut = outgoingTimes(before);
    const order = columns(before).map((c) => c.name);
    const outOrder = columns(before, 'outgoing').map((c) => c.name);
    before.close();

    const db = await migrateTo(file, 25);
    const migrated = columns(db);
    // The instants last, in PostgreSQL's order too (it takes the same steps): db:copy compares the rows column by column.
    expect(migrated.map((c) => c.name)).toEqual([...order.filter((c) => !['assigned_at', 'created_at', 'updated_at'].includes(c)), 'assigned_at', 'created_at', 'updated_at']);
    expect(migrated.filter((c) => ['assigned_at', 'created_at', 'updated_at'].includes(c.name))).toEqual([
      { name: 'assigned_at', type: 'INTEGER', notnull: 0 },
      { name: 'created_at', type: 'INTEGER', notnull: 1 },
      { name: 'updated_at', type: 'INTEGER', notnull: 1 },
    ]);
    expect(db.prepare("select count(*) from incoming where typeof(created_at) <> 'integer' or typeof(updated_at) <> 'integer' or typeof(assigned_at) not in ('integer', 'null')").pluck().get()).toBe(0);
    const ms = (v: string | number | null) => (v === null ? null : Date.parse(v as string));
    expect(times(db)).toEqual(written.map((r) => ({ id: r.id, assigned_at: ms(r.assigned_at), created_at: ms(r.created_at), updated_at: ms(r.updated_at) })));
    expect(indexColumns(db, 'incoming_active_arrival')).toEqual(ARRIVAL_INDEX);
    expect(columns(db, 'outgoing').map((c) => c.name)).toEqual([...outOrder.filter((c) => !['created_at', 'updated_at'].includes(c)), 'created_at', 'updated_at']);
    expect(columns(db, 'outgoing').filter((c) => ['created_at', 'updated_at'].includes(c.name))).toEqual([
      { name: 'created_at', type: 'INTEGER', notnull: 1 },
      { name: 'updated_at', type: 'INTEGER', notnull: 1 },
    ]);
    expect(outgoingTimes(db)).toEqual(writtenOut.map((r) => ({ id: r.id, created_at: ms(r.created_at), updated_at: ms(r.updated_at) })));
    expect(indexColumns(db, 'outgoing_status')).toEqual(['status', 'created_at']);
    // The tasks, their periods and progress, and the TTHC dossiers: the instants converted, the days (completed_at, received_at) left as text.
    expect(db.prepare('select created_at, updated_at from tasks').all()).toEqual([{ created_at: Date.parse(draftAt), updated_at: Date.parse(updatedAt) }]);
    expect(db.prepare('select created_at, completed_at from task_occurrences').all()).toEqual([{ created_at: Date.parse(draftAt), completed_at: '2026-01-06' }]);
    expect(db.prepare('select created_at from task_progress').all()).toEqual([{ created_at: Date.parse(updatedAt) }]);
    expect(db.prepare('select created_at, updated_at, received_at from tthc_dossiers').all()).toEqual([{ created_at: Date.parse(draftAt), updated_at: Date.parse(updatedAt), received_at: '2026-01-04' }]);
    for (const table of ['tasks', 'task_occurrences', 'task_progress', 'tthc_dossiers'])
      expect(columns(db, table).filter((c) => ['created_at', 'updated_at'].includes(c.name)).map((c) => [c.type, c.notnull])).toEqual(table.startsWith('task_') ? [['INTEGER', 1]] : [['INTEGER', 1], ['INTEGER', 1]]);
    expect(db.prepare("select sql from sqlite_master where name = 'incoming_active_arrival'").pluck().get()).toMatch(/where deleted_at is null$/);
    // The file is rewritten without the old columns' pages.
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.close();

    const core = await openInApp(file);
    const assigned = ok(await core.call('incoming.get', { id: 1 }));
    expect({ createdAt: assigned.createdAt, updatedAt: assigned.updatedAt, status: assigned.status }).toEqual({ createdAt: NOW, updatedAt: updatedAt, status: 'in_progress' });
    expect(ok(await core.call('incoming.get', { id: 2 })).status).toBe('unassigned');
    const filler = ok(await core.call('incoming.get', { id: written.at(-1)!.id }));
    expect([filler.createdAt, filler.updatedAt]).toEqual([written.at(-1)!.created_at, written.at(-1)!.updated_at]);
    const slip = ok(await core.call('exports.handlingSlip', { id: 1 }));
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await heldPath(core, slip)))).file('word/document.xml')!.async('string');
    expect(xml).toContain('Ngày 04 tháng 01 năm 2026');
    // Written after: the app's text in, the same text out.
    const changed = ok(await core.call('incoming.update', { id: 2, subject: 'Về việc đã sửa' }));
    expect(changed.updatedAt).toBe(NOW);
    const unassigned = ok(await core.call('incoming.list', { status: 'unassigned', pageSize: 5 }));
    expect(unassigned.items.map((d) => d.id)).toContain(2);
    // Drafts are listed by their creation's UTC day, as the text's first ten characters gave it.
    const [late, next] = writtenOut.map((r) => r.id) as [number, number];
    expect(ok(await core.call('outgoing.get', { id: late }))).toMatchObject({ createdAt: draftAt, updatedAt });
    const day = async (d: string) => ok(await core.call('outgoing.list', { from: d, to: d, pageSize: 10 })).items.map((o) => o.id);
    expect(await day('2026-01-04')).toEqual([late]);
    expect(await day('2026-01-05')).toEqual([next]);
    expect(ok(await core.call('outgoing.list', { from: '2026-01-04', to: '2026-01-05', pageSize: 10, sort: 'createdAt', dir: 'asc' })).items.map((o) => o.id)).toEqual([late, next]);
    const task = ok(await core.call('tasks.get', { id: 1 }));
    expect({ createdAt: task.createdAt, updatedAt: task.updatedAt, completedAt: task.occurrences[0]?.completedAt }).toEqual({ createdAt: draftAt, updatedAt, completedAt: '2026-01-06' });
    expect(ok(await core.call('tthc.get', { id: 1 })).receivedAt).toBe('2026-01-04');
    // A draft found by search is dated by its creation's UTC day.
    const drafted = ok(await core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo quan trắc không khí' }));
    const hits = ok(await core.call('search.global', { q: 'quan trắc không khí' })).hits.filter((h) => h.kind === 'outgoing');
    expect(hits.map((h) => [h.id, h.date])).toEqual([[drafted.id, NOW.slice(0, 10)]]);
    await core.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('select updated_at from incoming where id = 2').pluck().get()).toBe(Date.parse(NOW));
    raw.close();
  });

  it('stops at a time it cannot read, naming the document, and changes nothing', async () => {
    const file = await olderDatabase(24, (raw) => {
      rows.incoming(raw, 1, 'Văn bản đọc được');
      const id = rows.incoming(raw, 2, 'Văn bản hỏng');
      raw.prepare("update incoming set assigned_at = 'hôm qua' where id = ?").run(id);
    });
    const before = new Database(file, { readonly: true });
    const written = times(before);
    const schema = before.prepare("select sql from sqlite_master where tbl_name = 'incoming' order by name").pluck().all();
    before.close();

    await expect(migrateTo(file, 25)).rejects.toThrow(/văn bản đến mã 2 có thời điểm giao xử lý "hôm qua" không đọc được; cơ sở dữ liệu giữ nguyên/);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(24);
    expect(times(db)).toEqual(written);
    expect(db.prepare("select sql from sqlite_master where tbl_name = 'incoming' order by name").pluck().all()).toEqual(schema);
    db.close();
  });
});
