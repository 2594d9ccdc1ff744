import { sql, type Kysely } from 'kysely';
import type { Engine } from '../engine';

/**
 * The office server: the audit log and the sessions record the client's
 * address (and the session which program signed in), sessions get an id
 * the administrator may see and end (never the token or its hash), and
 * request_log keeps each write's answer by the client's request id, so a
 * client that never got the answer can send the request again safely.
 */
export async function up(db: Kysely<unknown>, engine: Engine = 'sqlite'): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('client_address', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('client_address', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('program', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('id', 'text').execute();
  // Sessions of before this version get an id too (they stay signed in).
  const randomId = engine === 'postgres' ? sql`substr(md5(random()::text || clock_timestamp()::text), 1, 24)` : sql`lower(hex(randomblob(12)))`;
  await sql`update sessions set id = ${randomId} where id is null`.execute(db);
  await db.schema.createIndex('sessions_id').unique().on('sessions').column('id').execute();
  await db.schema
    .createTable('request_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('output_json', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('request_log_user_request', ['user_id', 'request_id'])
    .execute();
  await db.schema.createIndex('request_log_at').on('request_log').column('at').execute();
}
