import { sql, type Kysely } from 'kysely';
import { DATABASE_ID_KEY, newDatabaseId } from '../backup-file';

/**
 * Each database gets a random id, copied into its backups by the backup API,
 * so that a backup is offered and restored only for the database it came
 * from, even when two databases share a backup folder.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const value = JSON.stringify({ id: newDatabaseId() });
  await sql`insert into settings (key, value_json) values (${DATABASE_ID_KEY}, ${value}) on conflict (key) do nothing`.execute(db);
}
