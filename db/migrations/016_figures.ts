import { sql, type Kysely } from 'kysely';

/**
 * What the home page and the monthly report read, from indexes that hold it:
 * a period's documents by type and handling (counted from the index alone),
 * the open documents by deadline (not every deadline of ten years), the
 * issued register by date, and the TTHC dossiers by the day they left the
 * desk (those still open are found at a null result date), so that the "carried over" figure reads only
 * those and not every dossier ever received. deleted_at is a column of the
 * partial indexes as well: SQLite counts from an index alone only when it
 * holds every column the query names, its WHERE clause's included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index incoming_active_figures on incoming (arrival_date, document_type, secrecy, completed_at, deadline, deleted_at) where deleted_at is null`.execute(db);
  await sql`create index incoming_open_deadline on incoming (deadline, secrecy) where deleted_at is null and completed_at is null`.execute(db);
  await sql`create index outgoing_active_issue on outgoing (issue_date, document_type, secrecy, drafting_unit_id, deleted_at) where deleted_at is null`.execute(db);
  await sql`create index tthc_dossiers_left on tthc_dossiers (coalesce(result_date, withdrawn_at), received_at) where deleted_at is null`.execute(db);
}
