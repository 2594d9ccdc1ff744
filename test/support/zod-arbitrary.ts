/**
 * Inputs an API method's zod schema accepts, generated with fast-check, and
 * inputs that break one field of an accepted one. Strings are drawn from the
 * domain (ISO dates, e-mail addresses, abbreviations, notations) as well as at
 * random, and each value is kept only if its own schema accepts it, so the
 * schema's refinements decide, not this generator's guesses.
 */
import path from 'node:path';
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  checks?: readonly { _zod: { def: { check?: string; minimum?: number; maximum?: number; value?: number | bigint; inclusive?: boolean; format?: string } } }[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: readonly z.ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const def = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

export interface Limits {
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  int: boolean;
}

/** Length and range limits of a string, number or array schema. */
function limits(s: z.ZodType): Limits {
  const l: Limits = { int: false };
  for (const c of def(s).checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') l.minLength = d.minimum;
    if (d.check === 'max_length') l.maxLength = d.maximum;
    if (d.check === 'number_format' && /int/.test(d.format ?? '')) l.int = true;
    if (d.check === 'greater_than') l.min = Number(d.value) + (d.inclusive ? 0 : l.int ? 1 : 1e-6);
    if (d.check === 'less_than') l.max = Number(d.value) - (d.inclusive ? 0 : l.int ? 1 : 1e-6);
  }
  // number_format may come after the range check: a positive integer starts at 1.
  if (l.int && l.min !== undefined && !Number.isInteger(l.min)) l.min = Math.ceil(l.min);
  return l;
}

/** Strips optional, nullable, default and pipe wrappers: the schema that holds the value's type and limits. */
export function core(s: z.ZodType): z.ZodType {
  const d = def(s);
  if (d.innerType && ['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch'].includes(d.type)) return core(d.innerType);
  if (d.type === 'pipe' && d.in) return core(d.in);
  return s;
}

export function limitsOf(s: z.ZodType): Limits & { type: string } {
  const c = core(s);
  return { ...limits(c), type: def(c).type };
}

export interface GenOptions {
  /** Folder that fields holding a filesystem path point into (never the working directory). */
  sandbox: string;
}

const PATH_FIELDS = new Set(['path', 'sourcePath', 'dir', 'files']);

function domainStrings(opts: GenOptions): string[] {
  return [
    '2026-11-20', '2026-11-25', '2026-01-05', '2025-12-31', '2026-06-30',
    'vanthu@stnmt.langson.gov.vn', 'VP', 'KT', 'TTr', 'QLĐĐ',
    'Văn phòng Sở', 'UBND tỉnh Lạng Sơn', '448/BC-STNMT', '12/UBND-VP', 'BC', 'CV', 'hàng năm trước 30/11',
    'Nguyễn Văn Đức'.normalize('NFD'), "O'Brien; drop table incoming; --", '%_\\', '127.0.0.1',
    'nguoi.dung-2', 'mat-khau-du-dai-2026', 'bao-cao.docx', 'ds.xlsx', 'UEsDBAoAAAAAAA==', 'aGVsbG8=',
    path.join(opts.sandbox, 'khong-co.xlsx'),
  ];
}

function stringArb(s: z.ZodType, key: string, opts: GenOptions): fc.Arbitrary<string> {
  const l = limits(s);
  if (key === 'dir') return fc.constant(path.join(opts.sandbox, 'sao-luu'));
  // Mail servers (SMTP, IMAP) are tried when their settings are saved: only this machine is ever called.
  if (key === 'host') return fc.constant('127.0.0.1');
  if (PATH_FIELDS.has(key)) return fc.constantFrom('a.xlsx', 'b.docx', 'c.zip', 'd.sqlite').map((f) => path.join(opts.sandbox, f));
  const maxLength = Math.min(l.maxLength ?? 60, 60);
  const minLength = Math.min(l.minLength ?? 0, maxLength);
  return fc.oneof(
    { arbitrary: fc.constantFrom(...domainStrings(opts)), weight: 3 },
    { arbitrary: fc.string({ minLength, maxLength, unit: 'grapheme' }), weight: 1 },
    { arbitrary: fc.string({ minLength, maxLength }), weight: 1 },
  );
}

function numberArb(s: z.ZodType): fc.Arbitrary<number> {
  const l = limits(s);
  const min = Math.max(l.min ?? -1e6, -1e9);
  const max = Math.min(l.max ?? 1e6, 1e9);
  if (l.int) {
    // Small ids reach the seeded rows; the rest of the range reaches NOT_FOUND and the bounds.
    return fc.oneof({ arbitrary: fc.integer({ min, max: Math.min(max, min + 3) }), weight: 3 }, { arbitrary: fc.integer({ min, max }), weight: 1 }, fc.constantFrom(min, max));
  }
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max));
}

/** Values of this schema's input type; not all of them pass its refinements (callers filter). */
export function arbitraryOf(s: z.ZodType, opts: GenOptions, key = ''): fc.Arbitrary<unknown> {
  const d = def(s);
  switch (d.type) {
    case 'string':
      return stringArb(s, key, opts);
    case 'number':
      return numberArb(s);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(d.values ?? []));
    case 'optional':
      return fc.option(arbitraryOf(d.innerType!, opts, key), { nil: undefined, freq: 3 });
    case 'default':
    case 'prefault':
      return fc.option(arbitraryOf(d.innerType!, opts, key), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(d.innerType!, opts, key), { nil: null, freq: 3 });
    case 'pipe':
      return arbitraryOf(d.in!, opts, key);
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => arbitraryOf(o, opts, key)));
    case 'array': {
      const l = limits(s);
      const minLength = l.minLength ?? 0;
      return fc.array(valid(d.element!, opts, key), { minLength, maxLength: Math.max(minLength, Math.min(l.maxLength ?? 3, 3)) });
    }
    case 'record':
      return fc.dictionary(valid(d.keyType!, opts) as fc.Arbitrary<string>, valid(d.valueType!, opts), { maxKeys: 3 });
    case 'object': {
      const shape = d.shape ?? {};
      const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
      return fc.record(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, valid(v, opts, k)])), { requiredKeys: required });
    }
    default:
      return fc.constant(undefined);
  }
}

/** Values the schema accepts. */
export function valid(s: z.ZodType, opts: GenOptions, key = ''): fc.Arbitrary<unknown> {
  return arbitraryOf(s, opts, key).filter((v) => s.safeParse(v).success);
}

/** Types a field does not have, for "wrong type". */
const OTHER_TYPES: readonly unknown[] = [42, 'sai kiểu', true, { x: 1 }, [1]];
const kind = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

export interface Broken {
  field: string;
  how: 'missing' | 'wrong type' | 'too long' | 'out of range';
  input: Record<string, unknown>;
}

/** The accepted input with one field broken at a time, each in every way that field can be broken. */
export function breakOneField(schema: z.ZodType, input: Record<string, unknown>): Broken[] {
  const shape = def(core(schema)).shape ?? {};
  const out: Broken[] = [];
  const put = (field: string, how: Broken['how'], value: unknown) => out.push({ field, how, input: { ...input, [field]: value } });
  for (const [k, field] of Object.entries(shape)) {
    if (!field.safeParse(undefined).success) {
      const rest = { ...input };
      delete rest[k];
      out.push({ field: k, how: 'missing', input: rest });
    }
    const wrong = OTHER_TYPES.find((v) => kind(v) !== kind(input[k]) && !field.safeParse(v).success);
    if (wrong !== undefined) put(k, 'wrong type', wrong);
    const l = limitsOf(field);
    if (l.type === 'string' && l.maxLength !== undefined && l.maxLength < 100_000) put(k, 'too long', 'x'.repeat(l.maxLength + 1));
    if (l.type === 'number' && l.max !== undefined && l.max < Number.MAX_SAFE_INTEGER) put(k, 'out of range', l.max + 1);
    if (l.type === 'number' && l.min !== undefined) put(k, 'out of range', l.min - 1);
  }
  return out;
}
