import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine';

/**
 * Instants are stored as epoch milliseconds (the audit log's `at` since
 * migration 023; the documents', tasks' and TTHC dossiers' times since 025):
 * 6 bytes in a row and its indexes instead of 24 of ISO text. The app writes and
 * reads them as that text (new Date().toISOString()), which the milliseconds
 * give back exactly, so answers, exports and the audit log's JSON do not change.
 */
export function storedAt(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`Thời điểm không hợp lệ: "${iso}".`);
  return ms;
}

export const readAt = (ms: number): string => new Date(ms).toISOString();

/** A time that may not be there (a document not yet assigned). */
export const readAtOrNull = (ms: number | null): string | null => (ms === null ? null : readAt(ms));

/** The first millisecond of a day (YYYY-MM-DD) in UTC: a range of days over stored instants, as the ISO text's first ten characters were compared. */
export const dayStart = (day: string): number => storedAt(`${day}T00:00:00.000Z`);

export const DAY_MS = 86_400_000;

/** A stored instant's UTC day as YYYY-MM-DD in SQL: what substr(text, 1, 10) gave of the ISO text. */
export function utcDay(engine: Engine, ms: RawBuilder<unknown>): RawBuilder<string> {
  return engine === 'postgres' ? sql<string>`to_char(to_timestamp(${ms} / 1000) at time zone 'UTC', 'YYYY-MM-DD')` : sql<string>`date(${ms} / 1000, 'unixepoch')`;
}
