/** The trust store's SQL: the office's root certificates, removed ones kept (removed_at). */
import type { Insertable, Selectable } from 'kysely';
import type { TrustRootsTable } from '../../../db/schema-trust';
import type { StoreHandle } from '../stores';

export type TrustRootRow = Pick<Selectable<TrustRootsTable>, 'fingerprint' | 'subject' | 'organisation' | 'issuer' | 'not_before' | 'not_after' | 'added_at'> & { id: number };
/** What a root is described by; its fingerprint and DER bytes never change. */
export type TrustRootValues = Omit<Insertable<TrustRootsTable>, 'id' | 'fingerprint' | 'der' | 'removed_at'>;

const columns = ['id', 'fingerprint', 'subject', 'organisation', 'issuer', 'not_before', 'not_after', 'added_at'] as const;

export function trustStore(h: StoreHandle) {
  const { db } = h;
  return {
    /** The DER bytes of every root in use, for checking signatures. */
    async trustedDer(): Promise<TrustRootsTable['der'][]> {
      return (await db.selectFrom('trust_roots').select('der').where('removed_at', 'is', null).execute()).map((r) => r.der);
    },
    /** The roots in use, by name. */
    list: () => db.selectFrom('trust_roots').select(columns).where('removed_at', 'is', null).orderBy('subject').orderBy('id').execute(),
    /** One root in use. */
    get: (id: number) => db.selectFrom('trust_roots').select(columns).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst(),
    /** The root with this fingerprint, in use or removed. */
    byFingerprint: (fingerprint: string) => db.selectFrom('trust_roots').select([...columns, 'removed_at']).where('fingerprint', '=', fingerprint).executeTakeFirst(),
    insert: (values: TrustRootValues, fingerprint: string, der: TrustRootsTable['der']) => db.insertInto('trust_roots').values({ ...values, fingerprint, der, removed_at: null }).returning(columns).executeTakeFirstOrThrow(),
    /** A removed root added again: the same row comes back. */
    restore: (id: number, values: TrustRootValues) => db.updateTable('trust_roots').set({ ...values, removed_at: null }).where('id', '=', id).returning(columns).executeTakeFirstOrThrow(),
    async remove(id: number, at: string): Promise<void> {
      await db.updateTable('trust_roots').set({ removed_at: at }).where('id', '=', id).execute();
    },
  };
}
