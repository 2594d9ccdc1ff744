import type { Kysely } from 'kysely';

/**
 * The text OCR recognised on a registered scan, kept with the document so
 * full-text search finds words of its body; every reindex (an edit, a
 * restore) puts it back into the search index's extra column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('incoming').addColumn('recognised_text', 'text').execute();
}
