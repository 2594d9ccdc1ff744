/**
 * A record as an audit row keeps it when it is created or removed whole: what
 * it was made of (what the user entered and the app assigned: numbers, dates,
 * ids, the names of what it refers to), not what is derived from those, nor
 * the row's own columns again, nor empty values. Reading puts the derived
 * fields back (`expandRecord`), each where it stood, so the audit page and its
 * export show the entry exactly as they showed the whole copy.
 */
import { formatDocNumber, parseNotation } from '../shared/documents/notation';
import { documentTypeByCode } from '../shared/documents/types';

type Fields = Record<string, unknown>;

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The page's names for a reference (audit/labels.ts `valueText`), in its order. */
const REFERENCE_NAMES = ['name', 'fullName', 'notation', 'label', 'title', 'text'];

const typeName = (code: unknown) => (typeof code === 'string' && code ? (documentTypeByCode(code)?.name ?? code) : null);
const docNumber = (n: unknown) => (typeof n === 'number' ? formatDocNumber(n) : undefined);

/** A field derived from the one just before it, by entity (a plain value): dropped only when the derivation gives it back exactly. */
const DERIVED: Record<string, Record<string, { from: string; derive: (source: unknown) => unknown }>> = {
  incoming: {
    arrivalNumberText: { from: 'arrivalNumber', derive: docNumber },
    documentNumber: { from: 'notation', derive: (n) => (typeof n === 'string' ? (parseNotation(n)?.number ?? null) : null) },
    documentTypeName: { from: 'documentType', derive: typeName },
    overdue: { from: 'status', derive: (s) => s === 'overdue' || s === 'done_late' },
  },
  outgoing: {
    numberText: { from: 'number', derive: docNumber },
    documentTypeName: { from: 'documentType', derive: typeName },
  },
};

/** The record's own times: the audit row's `at` already says when. */
const ROW_TIMES = new Set(['createdAt', 'updatedAt']);

/** Lists the page does not show, with the fields of their items that follow from the others and the clock (a task period's status). */
const DERIVED_IN_ITEMS: Record<string, Set<string>> = { occurrences: new Set(['status']) };

const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isFields(v) && Object.keys(v).length === 0);

/**
 * A value inside the record. A reference to another record (a unit, a
 * procedure, a document) keeps its ids and the name the page shows of it; the
 * items of a list the page does not show (a task's periods) lose their empty
 * and derived fields; any other object stays as it is, since the page lists
 * its fields, the empty ones included.
 */
function compactNested(v: unknown, listed?: Set<string>): unknown {
  if (Array.isArray(v)) return v.map((x) => compactNested(x, listed));
  if (!isFields(v)) return v;
  const name = REFERENCE_NAMES.find((k) => typeof v[k] === 'string' && v[k] !== '');
  if (name === undefined && listed === undefined) return v;
  const out: Fields = {};
  for (const [k, x] of Object.entries(v)) {
    if (listed?.has(k) || (name !== undefined && k !== name && k !== 'id' && !k.endsWith('Id'))) continue;
    const c = compactNested(x);
    if (!empty(c)) out[k] = c;
  }
  return out;
}

/** The stored form of a whole record of `entity` (whose id the row holds as entity_id). */
export function compactRecord(entity: string, entityId: number | null, record: Fields): Fields {
  const derived = DERIVED[entity] ?? {};
  const out: Fields = {};
  let previous: string | null = null;
  for (const [k, v] of Object.entries(record)) {
    const d = derived[k];
    const drop =
      empty(v) ||
      (k === 'id' && v === entityId) ||
      ROW_TIMES.has(k) ||
      (d !== undefined && previous === d.from && d.derive(record[d.from]) === v);
    previous = k;
    if (drop) continue;
    const c = compactNested(v, DERIVED_IN_ITEMS[k]);
    if (!empty(c)) out[k] = c;
  }
  return out;
}

/** A stored whole record with its derived fields back, each right after the field it comes from. */
export function expandRecord(entity: string, stored: Fields): Fields {
  const derived = Object.entries(DERIVED[entity] ?? {});
  if (derived.length === 0) return stored;
  const out: Fields = {};
  for (const [k, v] of Object.entries(stored)) {
    out[k] = v;
    for (const [field, d] of derived) if (d.from === k && !(field in stored)) out[field] = d.derive(v);
  }
  return out;
}
