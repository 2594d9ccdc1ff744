/**
 * How an audit row keeps its change: the before and after JSON (as
 * db/audit-changes.ts makes them) compressed together into one blob, with the
 * dictionary of db/audit-dictionary.ts. A row is a few hundred bytes, too
 * short to compress on its own; with the dictionary it takes about a third.
 * Reading gives back the very same JSON text, so the audit page, its export
 * and every reader of the rows show exactly what they showed before.
 *
 * Layout: a format byte (1: raw deflate with AUDIT_DICTIONARY_1), a byte
 * saying which sides are there (1 before, 2 after), then the deflated text
 * `before NUL after` (JSON never holds a raw NUL: it writes it \u0000).
 */
import zlib from 'node:zlib';
import { AUDIT_DICTIONARY_1 } from './audit-dictionary';

export interface ChangeJson {
  before_json: string | null;
  after_json: string | null;
}

const FORMAT_1 = 1;
const HAS_BEFORE = 1;
const HAS_AFTER = 2;
const dictionary = Buffer.from(AUDIT_DICTIONARY_1, 'utf8');

/** The stored form of a change; null when neither side has anything (a login, a backup). */
export function encodeChange(c: ChangeJson): Buffer | null {
  if (c.before_json === null && c.after_json === null) return null;
  const sides = (c.before_json === null ? 0 : HAS_BEFORE) | (c.after_json === null ? 0 : HAS_AFTER);
  const body = zlib.deflateRawSync(Buffer.from(`${c.before_json ?? ''}\0${c.after_json ?? ''}`, 'utf8'), { level: 9, dictionary });
  return Buffer.concat([Buffer.from([FORMAT_1, sides]), body]);
}

export function decodeChange(stored: Uint8Array | null): ChangeJson {
  if (stored === null) return { before_json: null, after_json: null };
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (bytes[0] !== FORMAT_1) throw new Error(`audit row in an unknown format ${bytes[0]}`);
  const text = zlib.inflateRawSync(bytes.subarray(2), { dictionary }).toString('utf8');
  const cut = text.indexOf('\0');
  const sides = bytes[1]!;
  return { before_json: sides & HAS_BEFORE ? text.slice(0, cut) : null, after_json: sides & HAS_AFTER ? text.slice(cut + 1) : null };
}

/**
 * Whether the change carries a secrecy value: the access rule hides such rows
 * of a purged record from those without the secret grant (access/store.ts
 * `visibleAudit`), as it did by matching this text in the JSON columns.
 */
export const carriesSecrecy = (c: ChangeJson): boolean => [c.before_json, c.after_json].some((j) => j !== null && j.includes('"secrecy":"'));
