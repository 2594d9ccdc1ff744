/**
 * Register exports: the incoming and outgoing books, the follow-up book and
 * the handling slip. Books are streamed (rows read in chunks, written as they
 * come), report progress and can be cancelled.
 */
import fs from 'node:fs';
import { readAt } from '../../../db/instant';
import { AppError, fieldError } from '../../../shared/api/errors';
import type { CallContext, HandlerMap } from '../context';
import { beginJob, withProgress, type Job } from '../jobs';
import { renderTemplate, templateData, templateFile } from '../templates/fill';
import { resolveRegister } from './documents';
import { loadIncoming } from '../incoming/handlers';
import { writeExport } from '../file-store';
import { agencyHeader } from '../document-blocks/agency-header';
import { incomingBook, outgoingBook, followUpBook, type BookKind, type RegisterMeta } from './register-types';
import { bookYears, followUpRows, incomingRows, outgoingRows, type BookQuery } from './export-rows';
import { writeBookDocx } from './register-docx';
import { writeBookXlsx } from './register-xlsx';
import { writeHandlingSlipDocx } from './handling-slip-docx';

async function meta(ctx: CallContext, kind: 'incoming' | 'outgoing' | 'followUp', registerName: string, q: BookQuery): Promise<RegisterMeta> {
  const agency = await ctx.stores.agency.get();
  if (!agency) throw new AppError('CONFLICT', 'Chưa nhập thông tin cơ quan: vào Cài đặt trước khi in sổ.');
  return { agencyName: agency.name, parentName: agency.parent_name ?? '', registerName, from: q.from, to: q.to, books: await bookYears(ctx, kind, q) };
}

/** The register to print; the secret register only for users with the grant (it is not said to exist otherwise). */
async function printableRegister(ctx: CallContext, kind: 'incoming' | 'outgoing', registerId: number | null | undefined) {
  const register = await resolveRegister(ctx, kind, registerId, false);
  if (!(await ctx.stores.registers.visible(register.id, ctx.user))) throw fieldError('NOT_FOUND', 'registerId', `Không có sổ đăng ký mã ${register.id}.`);
  return register;
}

/** The office's own register template when it has one, else the built-in layout. */
async function registerDocx<T>(ctx: CallContext, kind: 'incomingRegister' | 'outgoingRegister', meta: RegisterMeta, rows: AsyncIterable<T>, file: string, builtIn: () => Promise<{ rows: number }>) {
  if (!fs.existsSync(templateFile(ctx, kind))) return builtIn();
  const all: T[] = [];
  for await (const r of rows) all.push(r);
  renderTemplate(ctx, kind, { ...(templateData(meta) as Record<string, unknown>), dong: templateData(all) }, file);
  return { rows: all.length };
}

/**
 * Runs a book export with progress and cancel. A cancelled or failed export
 * never becomes a handle (a stream may still be closing when the error
 * arrives: its file is removed once more later).
 */
async function runExport(ctx: CallContext, name: string, total: number, write: (job: Job, file: string) => Promise<{ rows: number }>) {
  const job = beginJob(ctx, total);
  const out = ctx.files.create(ctx.user, name);
  try {
    const r = await write(job, out.path);
    return { ...out.finish(), rows: r.rows };
  } catch (e) {
    out.abandon();
    setTimeout(() => out.abandon(), 2000).unref();
    throw e;
  } finally {
    job.end();
  }
}

type Format = 'xlsx' | 'docx';

function exportBook<T>(ctx: CallContext, m: RegisterMeta, name: string, format: Format, kind: BookKind<T>, rows: () => AsyncIterable<T>, template?: 'incomingRegister' | 'outgoingRegister') {
  const total = m.books.reduce((n, b) => n + b.count, 0);
  return runExport(ctx, `${name}_${m.from}_${m.to}.${format}`, total, (job, tmp) => {
    const r = withProgress(rows(), job);
    if (format === 'xlsx') return writeBookXlsx(tmp, m, kind, r);
    const builtIn = () => writeBookDocx(tmp, m, kind, r);
    return template ? registerDocx(ctx, template, m, r, tmp, builtIn) : builtIn();
  });
}

type Methods = 'exports.incomingRegister' | 'exports.outgoingRegister' | 'exports.incomingFollowUp' | 'exports.handlingSlip';

export const exportsHandlers: HandlerMap<Methods> = {
  'exports.incomingRegister': async (ctx, input) => {
    const register = await printableRegister(ctx, 'incoming', input.registerId);
    const q = { registerId: register.id, from: input.from, to: input.to };
    const m = await meta(ctx, 'incoming', register.name, q);
    return exportBook(ctx, m, 'So-van-ban-den', input.format, incomingBook, () => incomingRows(ctx, q), 'incomingRegister');
  },
  'exports.outgoingRegister': async (ctx, input) => {
    const register = await printableRegister(ctx, 'outgoing', input.registerId);
    const q = { registerId: register.id, from: input.from, to: input.to };
    const m = await meta(ctx, 'outgoing', register.name, q);
    return exportBook(ctx, m, 'So-van-ban-di', input.format, outgoingBook, () => outgoingRows(ctx, q), 'outgoingRegister');
  },
  'exports.incomingFollowUp': async (ctx, input) => {
    const register = await printableRegister(ctx, 'incoming', null);
    const q = { registerId: register.id, from: input.from, to: input.to };
    const m = await meta(ctx, 'followUp', register.name, q);
    return exportBook(ctx, m, 'So-theo-doi-giai-quyet', input.format, followUpBook, () => followUpRows(ctx, q));
  },
  'exports.handlingSlip': async (ctx, input) => {
    // loadIncoming applies the access rule: a document the user may not see is NOT_FOUND.
    const d = await loadIncoming(ctx, input.id);
    const assigned = await ctx.stores.incoming.extras(d.id);
    const slip = {
      agency: await agencyHeader(ctx),
      arrivalNumber: d.arrivalNumberText,
      arrivalDate: d.arrivalDate,
      documentTypeName: d.documentTypeName,
      notation: d.notation,
      documentDate: d.documentDate,
      senderName: d.senderName,
      subject: d.subject,
      instruction: d.instruction,
      leadUnit: d.leadUnit?.name ?? null,
      coordinators: d.coordinatingUnits.map((u) => u.name),
      deadline: d.deadline,
      // The UTC day of the ISO text, as before the time was stored as milliseconds.
      directedOn: assigned && assigned.assigned_at !== null ? readAt(assigned.assigned_at).slice(0, 10) : null,
    };
    return writeExport(ctx.files, ctx.user, `Phieu-giai-quyet_${d.year}-${d.arrivalNumberText}.docx`, async (file) => {
      await writeHandlingSlipDocx(slip, file);
      return 1;
    });
  },
};
