/**
 * What an audit row stores: the fields that changed, each with its value
 * before and after, instead of two full copies of the record (at ten years the
 * copies were two thirds of the database). The audit page reads these rows
 * exactly as it read the copies: a field left out was equal on both sides, so
 * it was never shown as a change.
 */

import { compactRecord } from './audit-record';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What JSON keeps of a value: no undefined fields (they were never stored). */
const defined = (o: Fields): [string, unknown][] => Object.entries(o).filter(([, v]) => v !== undefined);

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** The audit page's fallbacks for naming a record without a notation (audit-labels.ts `recordLabel`), in its order. */
const NAME_FIELDS = ['code', 'fullName', 'name', 'title', 'content', 'applicantName', 'subject'];

/**
 * Unchanged fields kept on both sides all the same: those the audit page
 * names the record by, and `secrecy`, by which the access rule hides the
 * history of a purged secret document (access.ts `visibleAudit`).
 */
function namingFields(before: Fields, after: Fields): Set<string> {
  const merged = { ...before, ...after };
  const keep = new Set(['secrecy', 'arrivalNumberText', 'notation']);
  if (!nonEmpty(merged.notation)) {
    const name = NAME_FIELDS.find((k) => nonEmpty(merged[k]));
    if (name) keep.add(name);
    // A draft outgoing document is named by its subject.
    keep.add('subject');
  }
  return keep;
}

const isPrimitive = (v: unknown) => v === null || typeof v !== 'object';
/** Equal as JSON keeps them; two plain values need no JSON (an update compares every field of the record). */
const same = (a: unknown, b: unknown) => (isPrimitive(a) && isPrimitive(b) ? a === b : JSON.stringify(a) === JSON.stringify(b));

/** The audit row a change belongs to: a record created or removed whole is stored as db/audit-record.ts says. */
export interface AuditSubject {
  entity: string;
  entityId: number | null;
}

export interface StoredChange {
  before_json: string | null;
  after_json: string | null;
}

/**
 * The compact JSON of a change. A record created or removed whole keeps what
 * it was made of (db/audit-record.ts); without `subject` (migration 015) only
 * its empty fields are left out. Anything else than records is stored whole.
 */
export function storedChange(before: unknown, after: unknown, subject?: AuditSubject): StoredChange {
  const absent = (v: unknown) => v === undefined || v === null;
  const whole = (r: unknown) => {
    if (!isFields(r)) return JSON.stringify(r);
    return JSON.stringify(subject ? compactRecord(subject.entity, subject.entityId, r) : Object.fromEntries(defined(r).filter(([, v]) => v !== null)));
  };
  if (absent(before)) return { before_json: null, after_json: absent(after) ? null : whole(after) };
  if (absent(after) && subject) return { before_json: whole(before), after_json: null };
  if (!isFields(before) || !isFields(after)) return { before_json: JSON.stringify(before), after_json: absent(after) ? null : JSON.stringify(after) };
  const keep = namingFields(before, after);
  const kept = (k: string, v: unknown, other: unknown) => !same(v, other) || (keep.has(k) && v !== null);
  // Each side keeps its own field order, so the page lists the changes in the same order as before.
  const b = defined(before).filter(([k, v]) => kept(k, v, after[k]));
  const a = defined(after).filter(([k, v]) => kept(k, v, before[k]));
  return { before_json: JSON.stringify(Object.fromEntries(b)), after_json: JSON.stringify(Object.fromEntries(a)) };
}

/**
 * A stored row's JSON, compacted (migration 015 converts the full copies
 * written before it, 018 the whole records). A row already compact comes back
 * the same: compacting only leaves out.
 */
export function compactStored(beforeJson: string | null, afterJson: string | null, subject?: AuditSubject): StoredChange {
  const parse = (j: string | null): unknown => (j === null ? null : JSON.parse(j));
  return storedChange(parse(beforeJson), parse(afterJson), subject);
}
