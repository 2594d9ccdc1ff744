/** backup.compact: db/compact.ts, recorded in the audit log with the sizes. */
import type { CallContext } from '../context';
import { inTransaction } from '../stores';

export async function compactDatabase(ctx: Pick<CallContext, 'db' | 'engine' | 'stores' | 'now' | 'actor' | 'method'>) {
  const sizes = await ctx.stores.backup.compact();
  await inTransaction(ctx, (tx) =>
    tx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'database', entityId: null, before: { sizeBytes: sizes.beforeBytes }, after: { sizeBytes: sizes.afterBytes } }),
  );
  return sizes;
}
