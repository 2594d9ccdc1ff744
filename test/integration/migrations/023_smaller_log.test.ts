import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { compactStored } from '../../../db/audit-changes';
import { carriesSecrecy, encodeChange } from '../../../db/audit-codec';
import { ok } from '../../support/core';
import { expectedHistory, fullCopies, shown } from '../../support/audit-history';
import { migrateTo, NOW, olderDatabase, openInApp, rows } from '../../support/migrations';

const indexColumns = (db: Database.Database, name: string) => (db.prepare(`select name from pragma_index_info(?) order by seqno`).all(name) as { name: string | null }[]).map((c) => c.name);

interface LogRow {
  id: number;
  at: string | number;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  client_address: string | null;
  changes: Buffer | null;
  secret: number;
}

/** Every row with its action and table by name, whichever way the version keeps them. */
const logRows = (db: Database.Database, from: string) =>
  db.prepare(`select id, at, actor, action, entity, entity_id, client_address, changes, secret from ${from} order by id`).all() as LogRow[];

describe('migration 023 smaller log', () => {
  it('drops the subject index; the audit log keeps instants as milliseconds and each action and table once, every row and id kept, in batches; the audit page reads the same', async () => {
    // Rows as version 22 wrote them, more than a batch, at instants of every millisecond, then a document's history; the last row removed.
    const history = fullCopies.map((r) => ({ ...r, ...compactStored(r.before_json, r.after_json, { entity: r.entity, entityId: r.entity_id }) }));
    const filler = Array.from({ length: 10_050 }, (_, i) => ({ ...history[0]!, at: new Date(Date.UTC(2025, 0, 1) + i * 3_600_123).toISOString(), entity_id: 1000 + i }));
    const file = await olderDatabase(22, (raw) => {
      rows.unit(raw, 'Văn phòng Sở', 'VP');
      for (let n = 1; n <= 3; n++) rows.incoming(raw, n, `Văn bản ${n}`);
      const insert = raw.prepare('insert into audit_log (at, actor, action, entity, entity_id, client_address, changes, secret) values (?, ?, ?, ?, ?, ?, ?, ?)');
      raw.transaction(() => {
        for (const [i, r] of [...filler, ...history].entries()) insert.run(r.at, r.actor, r.action, r.entity, r.entity_id, i % 7 === 0 ? '192.168.1.20' : null, encodeChange(r), carriesSecrecy(r) ? 1 : 0);
        insert.run(NOW, 'system', 'units.create', 'units', 1, null, null, 0);
      })();
      raw.prepare('delete from audit_log where id = (select max(id) from audit_log)').run();
    });
    const before = new Database(file, { readonly: true });
    const written = logRows(before, 'audit_log');
    const seq = before.prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck().get() as number;
    before.close();
    expect(seq).toBe(written.at(-1)!.id + 1);

    const db = await migrateTo(file, 23);
    expect(db.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'incoming'").pluck().all()).not.toContain('incoming_active_subject');
    expect(db.prepare("select type from pragma_table_info('audit_log') where name = 'at'").pluck().get()).toBe('INTEGER');
    expect(db.prepare('select count(*) from audit_log where typeof(at) <> ?').pluck().get('integer')).toBe(0);
    expect(logRows(db, 'audit_log join audit_kinds using (kind)')).toEqual(written.map((r) => ({ ...r, at: Date.parse(r.at as string) })));
    // In PostgreSQL's order (db:copy compares the engines' rows column by column).
    expect(db.prepare('select name from pragma_table_info(?) order by cid').pluck().all('audit_log')).toEqual(['id', 'at', 'actor', 'entity_id', 'client_address', 'changes', 'secret', 'kind']);
    // Each pair named once, numbered in order of its names.
    const pairs = [...new Set(written.map((r) => `${r.action} ${r.entity}`))].sort();
    expect(db.prepare('select kind, action, entity from audit_kinds order by kind').all()).toEqual(pairs.map((p, i) => ({ kind: i + 1, action: p.split(' ')[0], entity: p.split(' ')[1] })));
    expect(indexColumns(db, 'audit_log_entity')).toEqual(['kind', 'entity_id']);
    expect(indexColumns(db, 'audit_log_at')).toEqual(['at']);
    expect(db.prepare("select seq from sqlite_sequence where name = 'audit_log'").pluck().get()).toBe(seq);
    // The old table's pages are given back.
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    db.close();

    const core = await openInApp(file);
    const page = ok(await core.call('audit.list', { entity: 'incoming', entityId: 1, pageSize: 20 })).items.reverse();
    expect(shown(page)).toEqual(expectedHistory.incoming);
    expect(page.map((e) => e.at)).toEqual(history.filter((r) => r.entity === 'incoming').map((r) => r.at));
    // A day's rows by the instants' numbers: 2025-01-02 local time (the test's zone) is the filler's rows between its bounds.
    const start = Date.parse(new Date('2025-01-02T00:00:00').toISOString());
    const inDay = filler.filter((r) => Date.parse(r.at) >= start && Date.parse(r.at) < start + 86_400_000).map((r) => r.at);
    const day = ok(await core.call('audit.list', { from: '2025-01-02', to: '2025-01-02', pageSize: 100 }));
    expect(day.total).toBe(inDay.length);
    expect(day.items.map((e) => e.at)).toEqual([...inDay].reverse());
    // The next row takes the id after the removed one, at the app's text.
    const unit = ok(await core.call('units.create', { name: 'Phòng Môi trường', abbreviation: 'MT', kind: 'internal' }));
    const [created] = ok(await core.call('audit.list', { entity: 'units', entityId: unit.id })).items;
    expect({ id: created!.id, at: created!.at, action: created!.action }).toEqual({ id: seq + 1, at: NOW, action: 'units.create' });
    const departments = ok(await core.call('audit.list', { entity: 'units' })).items;
    expect(departments.map((e) => e.entityId)).toEqual([unit.id]);
    await core.close();
  });
});
