import { sql, type Kysely } from 'kysely';

/**
 * The register sorted by subject over a year or more: ten years hold some
 * 200,000 documents, a year 20,000, and a page of them by subject had every
 * one of the year read from the table and sorted (a deep page 40 ms). This
 * index holds the live documents in that order, with the period and the
 * secrecy, so the page walks it and skips the other years' entries without
 * reading a document (the store decides when, see incoming/store.ts).
 *
 * The outgoing register's page, by number (its default order): the index of
 * the live documents by issue date also holds the number, so the page's ids
 * are picked and sorted without reading the year's documents.
 *
 * The home page's overdue tasks: the index of open occurrences by due date
 * also holds the task, so counting and listing them reads the occurrences
 * from the index alone (completed_at is there so SQLite sees it covered).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index incoming_active_subject on incoming (subject, arrival_number, id, arrival_date, secrecy) where deleted_at is null`.execute(db);
  await sql`drop index outgoing_active_issue`.execute(db);
  await sql`create index outgoing_active_issue on outgoing (issue_date, document_type, secrecy, drafting_unit_id, deleted_at, number) where deleted_at is null`.execute(db);
  await sql`drop index task_occurrences_open_due`.execute(db);
  await sql`create index task_occurrences_open_due on task_occurrences (due_date, task_id, completed_at) where completed_at is null`.execute(db);
}
