/**
 * zod building blocks whose messages are Vietnamese and name the field, so the
 * API's errors can be shown under the form field as they are.
 */
import { z } from 'zod';
import { isIsoDate, splitDateVi } from './dates';

function missingOrWrong(label: string, kind: string) {
  return (iss: { input?: unknown }) =>
    iss.input === undefined || iss.input === null
      ? `${label} không được để trống.`
      : `${label} phải là ${kind}.`;
}

/** Required text: NFC-normalised (NFD input from some keyboards), trimmed, non-empty. */
export function text(label: string, max = 500) {
  return z
    .string({ error: missingOrWrong(label, 'chuỗi ký tự') })
    .normalize('NFC')
    .trim()
    .min(1, `${label} không được để trống.`)
    .max(max, `${label} dài quá ${max} ký tự.`);
}

/** Optional text: absent, null or blank all become null. */
export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `${label} phải là chuỗi ký tự.` })
    .normalize('NFC')
    .trim()
    .max(max, `${label} dài quá ${max} ký tự.`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/**
 * Why a typed date is refused, null if it is a real date: a day that does not
 * exist is named ("ngày 31/02/2026 không có"), anything else gets the form to type.
 */
export function dateProblem(label: string, text: string, today: string): string | null {
  const p = splitDateVi(text, today);
  if (!p) return `${label}: nhập dạng ngày/tháng/năm, ví dụ 05/09/2022.`;
  const two = (n: number) => String(n).padStart(2, '0');
  const iso = `${p.y}-${two(p.m)}-${two(p.d)}`;
  return isIsoDate(iso) ? null : `${label}: ngày ${two(p.d)}/${two(p.m)}/${p.y} không có.`;
}

const isoProblem = (label: string) => (iss: { input?: unknown }) =>
  typeof iss.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(iss.input)
    ? (dateProblem(label, iss.input, iss.input) ?? '')
    : `${label} phải là ngày hợp lệ dạng YYYY-MM-DD.`;

export function isoDate(label: string) {
  return z
    .string({ error: missingOrWrong(label, 'ngày dạng YYYY-MM-DD') })
    .refine(isIsoDate, { error: isoProblem(label) });
}

export function optionalIsoDate(label: string) {
  return z
    .string({ error: `${label} phải là ngày dạng YYYY-MM-DD.` })
    .refine((v) => v === '' || isIsoDate(v), { error: isoProblem(label) })
    .nullish()
    .transform((v) => (v ? v : null));
}

export function id(label: string) {
  return z
    .number({ error: missingOrWrong(label, 'số') })
    .int(`${label} phải là số nguyên.`)
    .positive(`${label} không hợp lệ.`);
}

export function optionalId(label: string) {
  return id(label).nullish().transform((v) => v ?? null);
}

export function int(label: string, min: number, max: number) {
  return z
    .number({ error: missingOrWrong(label, 'số') })
    .int(`${label} phải là số nguyên.`)
    .min(min, `${label} không được nhỏ hơn ${min}.`)
    .max(max, `${label} không được lớn hơn ${max}.`);
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label} phải là một trong: ${values.join(', ')}.` });
}

export function bool(label: string) {
  return z.boolean({ error: `${label} phải là đúng hoặc sai.` });
}

export function optionalEmail(label: string) {
  return z
    .string({ error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(254, `${label} dài quá 254 ký tự.`)
    .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), `${label} không đúng dạng địa chỉ thư điện tử.`)
    .nullish()
    .transform((v) => (v ? v : null));
}

/**
 * Abbreviations such as STNMT, VP, QLĐĐ, TTr: letters, digits and dashes.
 * Real ones mix case (TTr, QyĐ), so case is kept, except that an all-lower-case
 * entry is taken as typed without Shift and upper-cased.
 */
export function abbreviation(label: string) {
  return text(label, 20)
    .transform((v) => (v === v.toLocaleLowerCase('vi') ? v.toLocaleUpperCase('vi') : v))
    .refine((v) => /^[\p{L}\p{Nd}][\p{L}\p{Nd}-]*$/u.test(v), `${label} chỉ gồm chữ cái, chữ số và dấu gạch ngang, không có dấu cách, ví dụ STNMT, VP, QLĐĐ, TTr.`);
}

/** Optional decimal (quantities, percentages): absent or null become null. */
export function optionalNumber(label: string, min: number, max: number) {
  return z
    .number({ error: `${label} phải là số.` })
    .min(min, `${label} không được nhỏ hơn ${min}.`)
    .max(max, `${label} không được lớn hơn ${max}.`)
    .nullish()
    .transform((v) => v ?? null);
}

/** A list of unit ids (coordinating units and the like). */
export function unitIds(label: string) {
  return z.array(id(label), { error: `${label} phải là danh sách đơn vị.` }).max(50, `${label}: tối đa 50 đơn vị.`);
}
