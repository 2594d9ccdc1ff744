import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactStored } from '../../../db/audit-changes';
import { decodeChange } from '../../../db/audit-codec';
import { ok } from '../../support/core';
import { expectedHistory, fullCopies, shown, type StoredRow } from '../../support/audit-history';
import { migrateTo, olderDatabase, openInApp } from '../../support/migrations';

describe('migration 021 audit rows compressed', () => {
  it('moves every row’s JSON into one compressed blob that reads back the same text, in batches; the audit page shows the same history', async () => {
    // The rows as version 20 wrote them (compact JSON), more than a batch, with a secret document's purge and a login without a change.
    const written: StoredRow[] = Array.from({ length: 2100 }, () => fullCopies[0]!)
      .concat(fullCopies)
      .map((r) => ({ ...r, ...compactStored(r.before_json, r.after_json, { entity: r.entity, entityId: r.entity_id }) }));
    const secret = JSON.stringify({ arrivalNumber: 2, notation: '15/BCH-TM', subject: 'Kế hoạch mật', secrecy: 'mat' });
    written.push({ at: fullCopies[0]!.at, actor: 'system', action: 'trash.purge', entity: 'incoming', entity_id: 2, before_json: secret, after_json: null });
    written.push({ at: fullCopies[0]!.at, actor: 'quantri', action: 'auth.login', entity: 'users', entity_id: 1, before_json: null, after_json: null });
    const file = await olderDatabase(20, (raw) => {
      const insert = raw.prepare('insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json) values (?, ?, ?, ?, ?, ?, ?)');
      raw.transaction(() => {
        for (const r of written) insert.run(r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json);
      })();
    });
    const size = fs.statSync(file).size;
    const db = await migrateTo(file, 21);
    // The pages the JSON took are given back: the file itself is smaller, not only its rows.
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(fs.statSync(file).size).toBeLessThan(size * 0.75);
    const columns = (db.prepare('select name from pragma_table_info(?)').pluck().all('audit_log') as string[]).sort();
    const rows = db.prepare('select action, changes, secret from audit_log order by id').all() as { action: string; changes: Buffer | null; secret: number }[];
    db.close();
    expect(columns).toEqual(['action', 'actor', 'at', 'changes', 'client_address', 'entity', 'entity_id', 'id', 'secret']);
    expect(rows.map((r) => r.action)).toEqual(written.map((r) => r.action));
    expect(rows.map((r) => decodeChange(r.changes))).toEqual(written.map((r) => ({ before_json: r.before_json, after_json: r.after_json })));
    expect(rows.filter((r) => r.secret === 1).map((r) => r.action)).toEqual(['trash.purge']);
    expect(rows.at(-1)!.changes).toBeNull();
    const json = written.reduce((n, r) => n + Buffer.byteLength(r.before_json ?? '') + Buffer.byteLength(r.after_json ?? ''), 0);
    expect(rows.reduce((n, r) => n + (r.changes?.length ?? 0), 0) * 3).toBeLessThan(json);

    const core = await openInApp(file);
    const history = async (entity: string) => shown(ok(await core.call('audit.list', { entity, entityId: 1, pageSize: 20 })).items.reverse());
    expect((await history('incoming')).slice(-9)).toEqual(expectedHistory.incoming);
    expect(await history('outgoing')).toEqual(expectedHistory.outgoing);
    await core.close();
  });
});
