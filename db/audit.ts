import type { Kysely } from 'kysely';
import { storedChange } from './audit-changes';
import type { DB } from './schema';

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
}

/** Written with the change it records, in the same transaction; only the fields that changed are stored. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      ...storedChange(e.before, e.after),
    })
    .execute();
}
