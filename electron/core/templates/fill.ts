/**
 * An office's own Word templates (docxtemplater): placeholders {ten_o} and
 * loops {#ds}…{/ds} filled from the export's data. A template is checked
 * when it is set (a broken tag is named) and again when it is used; a
 * template that cannot be filled gives a clear message, never a broken file.
 * The templates are files beside the database, not rows: there is no store.
 */
import fs from 'node:fs';
import path from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { AppError } from '../../../shared/api/errors';
import { templateExports, type TemplateExport } from '../../../shared/api/templates';
import type { CallContext } from '../context';
import { templateErrorText, vietnameseKeys } from './names';

export const templateDir = (ctx: Pick<CallContext, 'dataDir'>) => path.join(ctx.dataDir, 'templates');
export const templateFile = (ctx: Pick<CallContext, 'dataDir'>, kind: TemplateExport) => path.join(templateDir(ctx), `${kind}.docx`);

interface TemplateError {
  properties?: { errors?: { properties?: TemplateErrorPart }[] } & TemplateErrorPart;
  message?: string;
}
type TemplateErrorPart = Parameters<typeof templateErrorText>[0];

/** docxtemplater's errors (English) as the Vietnamese the user reads, naming the placeholder. */
export function explain(e: unknown): string {
  const err = e as TemplateError;
  const parts = err.properties?.errors?.map((x) => x.properties ?? {}) ?? (err.properties?.id ? [err.properties] : []);
  if (parts.length === 0) return e instanceof Error && /[À-ỹ]/.test(e.message) ? e.message : 'mẫu viết sai';
  return [...new Set(parts.map(templateErrorText))].slice(0, 5).join('; ');
}

export function compile(content: Buffer): Docxtemplater {
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw new Error('tệp không phải tài liệu Word (.docx)');
  }
  if (!zip.file('word/document.xml')) throw new Error('tệp không phải tài liệu Word (.docx)');
  return new Docxtemplater(zip, { paragraphLoop: true, linebreaks: true, errorLogging: false, nullGetter: () => '' });
}

/** The placeholders a template uses, to tell the user what it will fill. */
export function tagsOf(content: Buffer): string[] {
  const text = new Docxtemplater(new PizZip(content), { paragraphLoop: true, errorLogging: false }).getFullText();
  return [...new Set([...text.matchAll(/\{([#/^]?[a-z_0-9]+)\}/g)].map((m) => m[1]!))];
}

/** Fills the office's template if it has one; false when the built-in layout is to be used. */
export function renderTemplate(ctx: Pick<CallContext, 'dataDir'>, kind: TemplateExport, data: unknown, target: string): boolean {
  const file = templateFile(ctx, kind);
  if (!fs.existsSync(file)) return false;
  try {
    const doc = compile(fs.readFileSync(file));
    doc.render(data as Record<string, unknown>);
    fs.writeFileSync(target, doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return true;
  } catch (e) {
    throw new AppError('VALIDATION', `Mẫu Word riêng của “${templateExports[kind].label}” không dùng được (${explain(e)}). Hãy sửa mẫu hoặc trở lại bố cục có sẵn trong Cài đặt → Mẫu văn bản.`);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The model's keys flattened in snake_case (agency.name → agency_name), before they are named in Vietnamese. */
function flatten(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined) continue;
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) for (const [k2, y] of Object.entries(flatten(x as Record<string, unknown>))) out[`${snake(k)}_${k2}`] = y;
    else out[snake(k)] = x;
  }
  return out;
}

/**
 * Any export's document model as template data: keys flattened and named in
 * Vietnamese (agency.name → co_quan, arrivalDate → ngay_den), lists as loops
 * (plain values as {gia_tri}), dates as dd/mm/yyyy, null as empty.
 */
export function templateData(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (x !== null && typeof x === 'object' ? templateData(x) : { gia_tri: templateData(x) }));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(flatten(v as Record<string, unknown>))) out[vietnameseKeys[k] ?? k] = templateData(x);
    return out;
  }
  if (typeof v === 'string' && ISO_DATE.test(v)) return v.split('-').reverse().join('/');
  return v ?? '';
}
