/**
 * The stores: each domain's SQL lives in its `store.ts`, beside its handlers.
 * Handlers get `ctx.stores` (bound to the action's transaction) and never the
 * database handle; a lint rule keeps the query builder out of every file but
 * the stores and db/. A transaction outside the registry (job-mode methods,
 * the background queue and outbox) goes through `inTransaction`, which binds
 * the stores to it.
 */
import { sql, type Kysely } from 'kysely';
import { writeAudit, writeAudits, type AuditEntry } from '../../db/audit';
import type { DB } from '../../db/schema';
import type { Engine } from '../../db/engine';
import { dossiersStore } from './dossiers/store';
import { tthcStore } from './tthc/store';
import { getSetting, putSetting } from '../../db/settings';
import { documentsReadStore } from './documents-read/store';
import { intakeStore } from './intake/store';
import { sendStore } from './send/store';
import { trustStore } from './signatures/store';
import { agencyStore } from './agency/store';
import { attachmentsStore } from './attachments/store';
import { incomingStore } from './incoming/store';
import { outgoingStore } from './outgoing/store';
import { registersStore } from './registers/store';
import { searchStore } from './search/store';
import { unitsStore } from './units/store';
import { auditLogStore } from './audit/store';
import { authStore } from './auth/store';
import { backupStore } from './backup/store';
import { requestsStore } from './requests/store';
import { trashStore } from './trash/store';
import { calendarStore } from './calendar/store';
import { reportsStore } from './reports/store';
import { tasksStore } from './tasks/store';
import { TxMemo } from './tx-memo';

/** What a store is made from: the connection (or transaction) and the engine behind it. */
export interface StoreHandle {
  db: Kysely<DB>;
  engine: Engine;
  /** The transaction's reusable answers (tx-memo.ts); null outside a transaction. */
  memo?: TxMemo | null;
}

/** The audit log's writer: every write method records its change through it, in its transaction. */
function auditStore(h: StoreHandle) {
  return { write: (e: AuditEntry) => writeAudit(h.db, e), writeMany: (entries: readonly AuditEntry[]) => writeAudits(h.db, entries) };
}

/** The settings table's JSON values by key. */
function settingsStore(h: StoreHandle) {
  return {
    get: <T>(key: string) => getSetting<T>(h.db, key),
    put: (key: string, value: unknown) => putSetting(h.db, key, value),
  };
}

/**
 * Each domain's store, made on first use within one context. A domain adds
 * its line here: `incoming: incomingStore,` (from './incoming/store').
 */
const factories = {
  agency: agencyStore,
  attachments: attachmentsStore,
  audit: auditStore,
  documentsRead: documentsReadStore,
  intake: intakeStore,
  send: sendStore,
  settings: settingsStore,
  trust: trustStore,
  incoming: incomingStore,
  outgoing: outgoingStore,
  registers: registersStore,
  search: searchStore,
  units: unitsStore,
  auditLog: auditLogStore,
  auth: authStore,
  backup: backupStore,
  requests: requestsStore,
  trash: trashStore,
  dossiers: dossiersStore,
  tthc: tthcStore,
  calendar: calendarStore,
  reports: reportsStore,
  tasks: tasksStore,
} satisfies Record<string, (h: StoreHandle) => unknown>;

type Factories = typeof factories;
export type Stores = { readonly [K in keyof Factories]: ReturnType<Factories[K]> };

const memos = new WeakMap<Stores, TxMemo>();

export function makeStores({ db, engine }: StoreHandle): Stores {
  const h: StoreHandle = { db, engine, memo: db.isTransaction ? new TxMemo() : null };
  const made = new Map<string, unknown>();
  const stores = {};
  for (const [name, make] of Object.entries(factories) as [string, (h: StoreHandle) => unknown][]) {
    Object.defineProperty(stores, name, {
      enumerable: true,
      get: () => {
        if (!made.has(name)) made.set(name, make(h));
        return made.get(name);
      },
    });
  }
  if (h.memo) memos.set(stores as Stores, h.memo);
  return stores as Stores;
}

/** A context bound to another connection or transaction: its stores follow it. */
export function boundTo<C extends { db: Kysely<DB>; engine: StoreHandle['engine'] }>(ctx: C, db: Kysely<DB>): C & { stores: Stores } {
  return { ...ctx, db, stores: makeStores({ db, engine: ctx.engine }) };
}

/** Runs fn in its own write transaction (job-mode methods, background work): the stores it gets write in it. */
export function inTransaction<C extends { db: Kysely<DB>; engine: StoreHandle['engine'] }, T>(ctx: C, fn: (tx: C & { stores: Stores }) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => fn(boundTo(ctx, trx)));
}

/** One call of a batch (Registry.batch): what it wrote before failing is undone, the transaction's earlier work kept. */
export async function inSavepoint<T>(ctx: { db: Kysely<DB>; stores: Stores }, fn: () => Promise<T>): Promise<T> {
  await sql`savepoint batch_call`.execute(ctx.db);
  try {
    const out = await fn();
    await sql`release savepoint batch_call`.execute(ctx.db);
    return out;
  } catch (e) {
    await sql`rollback to savepoint batch_call`.execute(ctx.db);
    memos.get(ctx.stores)?.clear();
    await sql`release savepoint batch_call`.execute(ctx.db);
    throw e;
  }
}
