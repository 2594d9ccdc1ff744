import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

const indexColumns = (db: Database.Database, name: string) => (db.prepare(`select name from pragma_index_info(?) order by seqno`).all(name) as { name: string | null }[]).map((c) => c.name);

describe('migration 022 register sorts', () => {
  it('adds the live documents in subject order with their period, the number to the outgoing period index, and the task of each open occurrence beside its due date', async () => {
    const file = await olderDatabase(20, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      for (let n = 1; n <= 3; n++) rows.incoming(raw, n, `Văn bản ${4 - n}`);
    });
    const db = await migrateTo(file, 22);
    expect(indexColumns(db, 'incoming_active_subject')).toEqual(['subject', 'arrival_number', 'id', 'arrival_date', 'secrecy']);
    expect(indexColumns(db, 'outgoing_active_issue')).toEqual(['issue_date', 'document_type', 'secrecy', 'drafting_unit_id', 'deleted_at', 'number']);
    expect(indexColumns(db, 'task_occurrences_open_due')).toEqual(['due_date', 'task_id', 'completed_at']);
    db.close();

    const core = await openInApp(file);
    const page = ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sort: 'subject', dir: 'asc', pageSize: 2, page: 1 }));
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.subject)).toEqual(['Văn bản 1', 'Văn bản 2']);
    await core.close();
  });
});
