import { describe, expect, it } from 'vitest';
import { compactStored } from '../../../db/audit-changes';
import { ok } from '../../support/core';
import { expectedHistory, fullCopies, shown } from '../../support/audit-history';
import { migrateTo, olderDatabase, openInApp } from '../../support/migrations';

describe('migration 018 audit records', () => {
  it('rewrites whole records of creations to what they were made of, in batches; the audit page shows the same history', async () => {
    // The rows as version 16 wrote them (updates of the changed fields, creations whole without nulls); more than a batch.
    const copies = Array.from({ length: 2100 }, () => fullCopies[0]!)
      .concat(fullCopies)
      .map((r) => ({ ...r, ...compactStored(r.before_json, r.after_json) }));
    const file = await olderDatabase(16, (raw) => {
      const insert = raw.prepare('insert into audit_log (at, actor, action, entity, entity_id, before_json, after_json) values (?, ?, ?, ?, ?, ?, ?)');
      raw.transaction(() => {
        for (const r of copies) insert.run(r.at, r.actor, r.action, r.entity, r.entity_id, r.before_json, r.after_json);
      })();
    });
    const db = await migrateTo(file, 18);
    const rows = db.prepare('select action, before_json, after_json from audit_log order by id').all() as { action: string; before_json: string | null; after_json: string | null }[];
    db.close();
    expect(rows.map((r) => r.action)).toEqual(copies.map((r) => r.action));
    const created = rows.filter((r) => r.action === 'incoming.register').map((r) => JSON.parse(r.after_json!) as Record<string, unknown>);
    expect(created).toHaveLength(2101);
    for (const c of [created[0]!, created[2100]!]) {
      expect(c).toMatchObject({ registerId: 1, arrivalNumber: 1, documentType: 'KH', subject: 'Về việc lấy ý kiến' });
      for (const k of ['id', 'arrivalNumberText', 'documentTypeName', 'overdue', 'createdAt', 'signerName']) expect(c).not.toHaveProperty(k);
    }
    // An update keeps what version 16 wrote.
    expect(JSON.parse(rows.find((r) => r.action === 'outgoing.update')!.before_json!)).toEqual({ subject: 'V/v trả lời ý kiến góp ý', copies: 3 });

    const core = await openInApp(file);
    const history = async (entity: string) => shown(ok(await core.call('audit.list', { entity, entityId: 1, pageSize: 20 })).items.reverse());
    expect((await history('incoming')).slice(-9)).toEqual(expectedHistory.incoming);
    expect(await history('outgoing')).toEqual(expectedHistory.outgoing);
    await core.close();
  });
});
