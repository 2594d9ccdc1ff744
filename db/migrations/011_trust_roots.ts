import { sql, type Kysely } from 'kysely';

/**
 * The office's trust store for digital signatures: the root (or
 * intermediate) certificates it trusts, kept as DER. A certificate is never
 * deleted: removing it sets removed_at, so the audit log and an earlier
 * check can still be explained; adding it again clears removed_at.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trust_roots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique().check(sql`length(fingerprint) = 64`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('not_after', 'text', (c) => c.notNull())
    .addColumn('der', 'blob', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
}
