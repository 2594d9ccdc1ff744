import { describe, expect, it } from 'vitest';
import { ok } from '../../support/core';
import { expectedHistory, fullCopies, shown } from '../../support/audit-history';
import { migrateTo, olderDatabase, openInApp } from '../../support/migrations';

describe('migration 015 ten years', () => {
  it('rewrites full-copy audit rows to the changed fields; the audit page shows the same history', async () => {
    const file = await olderDatabase(12, (raw) => {
      const insert = raw.prepare('insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json) values (?, ?, ?, ?, ?, ?, ?)');
      for (const r of fullCopies) insert.run(r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json);
    });
    const db = await migrateTo(file, 15);
    const rows = db.prepare('select action, before_json, after_json from audit_log order by id').all() as { action: string; before_json: string | null; after_json: string | null }[];
    db.close();
    expect(rows.map((r) => r.action)).toEqual(fullCopies.map((r) => r.action));
    const update = rows.find((r) => r.action === 'outgoing.update')!;
    expect(JSON.parse(update.before_json!)).toEqual({ subject: 'V/v trả lời ý kiến góp ý', copies: 3 });
    // A creation keeps its values, without the empty ones.
    expect(JSON.parse(rows[0]!.after_json!)).not.toHaveProperty('signerName');
    expect(JSON.parse(rows[0]!.after_json!)).toMatchObject({ subject: 'Về việc lấy ý kiến', notation: '12/KH-UBND' });

    const core = await openInApp(file);
    const history = async (entity: string) => shown(ok(await core.call('audit.list', { entity, entityId: 1 })).items.reverse());
    expect(await history('incoming')).toEqual(expectedHistory.incoming);
    expect(await history('outgoing')).toEqual(expectedHistory.outgoing);
    await core.close();
  });
});
