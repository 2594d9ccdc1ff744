import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { migrateTo, olderDatabase, openInApp, rows } from '../../support/migrations';

const indexColumns = (db: Database.Database, name: string) => (db.prepare(`select name from pragma_index_info(?) order by seqno`).all(name) as { name: string | null }[]).map((c) => c.name);

describe('migration 020 register page', () => {
  it('replaces the period and figures indexes by one in the page order with the filtered columns, and the TTHC indexes by ones that hold the status', async () => {
    const file = await olderDatabase(16, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      for (let n = 1; n <= 3; n++) rows.incoming(raw, n, `Văn bản ${n}`);
    });
    const db = await migrateTo(file, 20);
    const names = (db.prepare("select name from sqlite_master where type = 'index' and tbl_name in ('incoming', 'tthc_dossiers')").all() as { name: string }[]).map((r) => r.name);
    expect(names).not.toContain('incoming_active_figures');
    expect(indexColumns(db, 'incoming_active_arrival')).toEqual(['arrival_date', 'arrival_number', 'id', 'secrecy', 'completed_at', 'deadline', 'lead_unit_id', 'assigned_at', 'urgency', 'document_type', 'deleted_at']);
    expect(indexColumns(db, 'tthc_dossiers_received')).toEqual(['received_at', 'result_date', 'withdrawn_at', 'due_date', 'channel', 'deleted_at']);
    expect(indexColumns(db, 'tthc_dossiers_result')).toEqual(['result_date', 'withdrawn_at', 'received_at', 'due_date', 'channel', 'deleted_at']);
    db.close();

    const core = await openInApp(file);
    const page = ok(await core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', pageSize: 2, page: 2 }));
    expect(page.total).toBe(3);
    expect(page.items.map((d) => d.arrivalNumber)).toEqual([1]);
    await core.close();
  });
});
