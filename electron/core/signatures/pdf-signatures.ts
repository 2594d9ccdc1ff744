/**
 * Finds the signatures of a PDF without a PDF library: each signature
 * dictionary names the bytes it signs with /ByteRange [a b c d], and the gap
 * between the two ranges is exactly its /Contents <hex> (the CMS). Reading the
 * gap the ByteRange names, rather than a /Contents found elsewhere, is what
 * ties the signature to the bytes it claims to sign.
 */
import { isValid, parseISO } from 'date-fns';

export interface PdfSignatureField {
  /** Offsets and lengths of the two signed ranges. */
  ranges: readonly [{ start: number; length: number }, { start: number; length: number }];
  /** The CMS from /Contents, trailing zero padding left in (DER knows its own length). */
  contents: Buffer | null;
  /** Why the field cannot be read, when contents is null. */
  problem: string | null;
  subFilter: string | null;
  /** The dictionary's /M, when given. */
  pdfTime: Date | null;
  /** Where the signed bytes end: the file's length when nothing was added after signing. */
  end: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** The text of the object holding `at` (from its "obj" to its "endobj"), for the dictionary's other keys. */
function objectAround(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf(' obj', at));
  const end = text.indexOf('endobj', at);
  return text.slice(start, end < 0 ? Math.min(text.length, at + 4096) : end);
}

/** A PDF date, D:YYYYMMDDHHmmSS+HH'mm', with the parts after the year optional. */
export function pdfDate(raw: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(raw);
  if (!m) return null;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5) || '00'}`;
  const iso = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}`;
  const d = parseISO(iso);
  return isValid(d) ? d : null;
}

function contentsOf(pdf: Buffer, from: number, to: number): { contents: Buffer | null; problem: string | null } {
  const gap = pdf.subarray(from, to).toString('latin1');
  const hex = /^<([0-9A-Fa-f\s]*)>$/.exec(gap);
  if (!hex) return { contents: null, problem: 'phần /Contents không nằm đúng khoảng trống của /ByteRange' };
  const digits = hex[1]!.replace(/\s+/g, '');
  if (digits.length === 0 || digits.length % 2 !== 0 || /^0*$/.test(digits)) return { contents: null, problem: 'chữ ký còn trống (chưa ký xong)' };
  return { contents: Buffer.from(digits, 'hex'), problem: null };
}

/** Every signature field of the file, in the order they appear (earlier revisions first). */
export function findSignatureFields(pdf: Buffer): PdfSignatureField[] {
  const text = pdf.toString('latin1');
  const seen = new Set<string>();
  const out: PdfSignatureField[] = [];
  for (const m of text.matchAll(BYTE_RANGE)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    const key = `${a} ${b} ${c} ${d}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dict = objectAround(text, m.index);
    const subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dict)?.[1] ?? null;
    const time = /\/M\s*\((D:[^)]*)\)/.exec(dict)?.[1];
    const base = { ranges: [{ start: a, length: b }, { start: c, length: d }] as const, subFilter, pdfTime: time ? pdfDate(time) : null, end: c + d };
    if (a !== 0 || a + b > c || c + d > pdf.length) {
      out.push({ ...base, contents: null, problem: `/ByteRange [${key}] không khớp với tệp (${pdf.length} byte)` });
      continue;
    }
    out.push({ ...base, ...contentsOf(pdf, a + b, c) });
  }
  return out;
}

/** Only whitespace after `end`: nothing was added to the file after the signed bytes. */
export function reachesEnd(pdf: Buffer, end: number): boolean {
  return /^\s*$/.test(pdf.subarray(end).toString('latin1'));
}
