import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import { storedChange } from './audit-changes';
import { carriesSecrecy, encodeChange } from './audit-codec';
import { compiledOnce } from './compiled';
import { storedAt } from './instant';
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
    at: storedAt(e.at),
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    changes: encodeChange(change),
    secret: carriesSecrecy(change) ? 1 : 0,
    client_address: auditClient.getStore() ?? null,
  };
}

type AuditRow = ReturnType<typeof auditRow>;

/**
 * The pair's row in audit_kinds, made on its first use in the writer's
 * transaction (undone with it). Only when missing: PostgreSQL takes an
 * identity number for every row an INSERT offers, even one its conflict
 * clause then drops. No number is remembered between transactions, since
 * one rolled back would leave a number that is not there, or given again.
 */
export const nameAuditKind = compiledOnce(2, (_db, action: string, entity: string) =>
  sql`insert into audit_kinds (action, entity) select ${action}, ${entity}
    where not exists (select 1 from audit_kinds where action = ${action} and entity = ${entity}) on conflict (action, entity) do nothing`,
);

export const auditKindOf = (action: string, entity: string) => sql<number>`(select kind from audit_kinds where action = ${action} and entity = ${entity})`;

const kindNumber = compiledOnce(2, (db, action: string, entity: string) =>
  db.selectFrom('audit_kinds').select('kind').where('action', '=', action).where('entity', '=', entity),
);

/**
 * The pair's number, looked up before it is named: the pair is almost always
 * there, and the conditional insert costs five times the read (it opens a
 * statement journal, which also makes the search index write out what it holds).
 */
async function kindOfPair(db: Kysely<DB>, action: string, entity: string): Promise<number> {
  const [found] = await kindNumber(db, action, entity);
  if (found) return found.kind;
  await nameAuditKind(db, action, entity);
  const [named] = await kindNumber(db, action, entity);
  if (!named) throw new Error(`audit_kinds: không đặt được số cho ${action} / ${entity}`);
  return named.kind;
}

const insertAudit = compiledOnce(7, (db, at: number, actor: string, kind: number, entityId: number | null, changes: AuditRow['changes'], secret: number, client: string | null) =>
  db.insertInto('audit_log').values({ at, actor, kind, entity_id: entityId, changes, secret, client_address: client }),
);

/** Written with the change it records, in the same transaction; only the fields that changed are stored, compressed. */
export async function writeAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  const r = auditRow(e);
  const kind = await kindOfPair(db, r.action, r.entity);
  await insertAudit(db, r.at, r.actor, kind, r.entity_id, r.changes, r.secret, r.client_address);
}

/** Many changes in one statement (an import's batch), each row as writeAudit writes it. */
export async function writeAudits(db: Kysely<DB>, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(auditRow);
  const kinds = new Map<string, number>();
  const values = [];
  for (const { action, entity, ...r } of rows) {
    const key = JSON.stringify([action, entity]);
    const kind = kinds.get(key) ?? (await kindOfPair(db, action, entity));
    kinds.set(key, kind);
    values.push({ ...r, kind });
  }
  await db
    .insertInto('audit_log')
    .values(values)
    .execute();
}
