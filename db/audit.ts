import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { storedChange } from './audit-changes';
import { carriesSecrecy, encodeChange } from './audit-codec';
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

/**
 * The client address of the call being run (the office server's client; null
 * on the server's own machine). The registry sets it around each call, so
 * that every audit row records it without each writer passing it along.
 */
export const auditClient = new AsyncLocalStorage<string | null>();

function auditRow(e: AuditEntry) {
  const change = storedChange(e.before, e.after, { entity: e.entity, entityId: e.entityId });
  return {
    at: e.at,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    changes: encodeChange(change),
    secret: carriesSecrecy(change) ? 1 : 0,
    client_address: auditClient.getStore() ?? null,
  };
}

/** Written with the change it records, in the same transaction; only the fields that changed are stored, compressed. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(e)).execute();
}

/** Many changes in one statement (an import's batch), each row as writeAudit writes it. */
export async function writeAudits(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0) await db.insertInto('audit_log').values(entries.map(auditRow)).execute();
}
