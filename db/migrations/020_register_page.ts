import { sql, type Kysely } from 'kysely';

/**
 * One index of the live incoming documents by period that the register's
 * page, its filters and its counts all read without touching a document:
 * ordered as the page is (date, number, then id, so a page of same-day
 * documents needs no sort), then every column the filters, the access rule
 * and the report figures name (status: completed_at, deadline, lead_unit_id,
 * assigned_at; urgency; type; secrecy). It replaces the period index and the
 * figures index of 015/016, which each held part of it; deleted_at is a
 * column too, since SQLite reads from an index alone only when it holds every
 * column the query names, its WHERE clause's included.
 *
 * The TTHC figures likewise: the dossiers received in the period, and those
 * still open from before it (sought at a null result and withdrawal, then by
 * receipt), read from indexes that hold what a dossier's status is made of.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index incoming_active_figures`.execute(db);
  await sql`drop index incoming_active_arrival`.execute(db);
  await sql`create index incoming_active_arrival on incoming
    (arrival_date, arrival_number, id, secrecy, completed_at, deadline, lead_unit_id, assigned_at, urgency, document_type, deleted_at)
    where deleted_at is null`.execute(db);
  const status = sql.raw('due_date, channel, deleted_at');
  await sql`drop index tthc_dossiers_received`.execute(db);
  await sql`create index tthc_dossiers_received on tthc_dossiers (received_at, result_date, withdrawn_at, ${status})`.execute(db);
  await sql`drop index tthc_dossiers_result`.execute(db);
  await sql`create index tthc_dossiers_result on tthc_dossiers (result_date, withdrawn_at, received_at, ${status})`.execute(db);
}
