import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely } from 'kysely';
import { storedChange } from './audit-changes';
import { compiledOnce } from './compiled';
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

const insertAudit = compiledOnce(8, (db, at: string, actor: string, action: string, entity: string, entityId: number | null, before: string | null, after: string | null, client: string | null) =>
  db.insertInto('audit_log').values({ at, actor, action, entity, entity_id: entityId, before_json: before, after_json: after, client_address: client }),
);

/** Written with the change it records, in the same transaction; only the fields that changed are stored. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  const change = storedChange(e.before, e.after, { entity: e.entity, entityId: e.entityId });
  await insertAudit(db, e.at, e.actor, e.action, e.entity, e.entityId, change.before_json, change.after_json, auditClient.getStore() ?? null);
}
