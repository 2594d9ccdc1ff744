import type { Kysely } from 'kysely';
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

/** Written with the change it records, in the same transaction. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before_json: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after_json: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
    })
    .execute();
}
