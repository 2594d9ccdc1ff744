/**
 * Instants are stored as epoch milliseconds (the audit log's `at` since
 * migration 023, the incoming documents' times since 025): 6 bytes in a row
 * and its indexes instead of 24 of ISO text. The app writes and reads them as
 * that text (new Date().toISOString()), which the milliseconds give back
 * exactly, so answers, exports and the audit log's JSON do not change.
 */
export function storedAt(iso: string): number {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`Thời điểm không hợp lệ: "${iso}".`);
  return ms;
}

export const readAt = (ms: number): string => new Date(ms).toISOString();

/** A time that may not be there (a document not yet assigned). */
export const readAtOrNull = (ms: number | null): string | null => (ms === null ? null : readAt(ms));
