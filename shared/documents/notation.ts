/** Number and notation (số, ký hiệu) of documents: reading what clerks type, composing on issue. */
import { documentTypeByCode } from './types';

/** Numbers below 10 take a leading zero (01 … 09). */
export function formatDocNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `số/TYPE-AGENCY` for typed documents (01/BC-STNMT), `số/AGENCY-UNIT` for a
 * công văn (1467/STNMT-VP). Without a number, the blank form of a draft.
 */
export function composeNotation(p: { number: number | null; typeCode: string; agencyAbbr: string; unitAbbr: string | null }): string {
  const num = p.number === null ? '' : formatDocNumber(p.number);
  const type = documentTypeByCode(p.typeCode);
  if (type && !type.inNotation) return `${num}/${p.agencyAbbr}${p.unitAbbr ? `-${p.unitAbbr}` : ''}`;
  return `${num}/${type?.code ?? p.typeCode}-${p.agencyAbbr}`;
}

export interface ParsedNotation {
  number: number | null;
  numberText: string;
  /** Resolved against the type list; "CV" when the notation has no type (a công văn). */
  typeCode: string | null;
  issuerPart: string;
  normalized: string;
}

/** "Số 56 / kh - ubnd" → 56/KH-UBND; null when the text is not a notation. */
export function parseNotation(input: string): ParsedNotation | null {
  const s = input.normalize('NFC').replace(/^\s*(số|so)\s*[:.]?\s*/iu, '').replace(/\s*([/-])\s*/g, '$1').trim();
  const m = /^(\d+[A-Za-z]?)(?:\/(\d{4}))?\/([\p{L}\p{Nd}]+(?:-[\p{L}\p{Nd}]+)*)$/u.exec(s);
  if (!m) return null;
  const numberText = m[1]!;
  const parts = m[3]!.split('-');
  const first = parts[0]!;
  const type = parts.length > 1 ? documentTypeByCode(first) : undefined;
  const typed = type && type.inNotation;
  const issuer = typed ? parts.slice(1) : parts;
  const upper = (x: string) => (x === x.toLocaleLowerCase('vi') ? x.toLocaleUpperCase('vi') : x);
  const normalizedParts = typed ? [type.code, ...issuer.map(upper)] : issuer.map(upper);
  return {
    number: /^\d+$/.test(numberText) ? Number(numberText) : null,
    numberText,
    typeCode: typed ? type.code : 'CV',
    issuerPart: issuer.map(upper).join('-'),
    normalized: `${numberText}${m[2] ? `/${m[2]}` : ''}/${normalizedParts.join('-')}`,
  };
}
