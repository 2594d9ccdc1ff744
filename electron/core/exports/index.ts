/**
 * Register exports: rows are read in chunks by keyset so the one database
 * connection is never held for the whole export, and progress is reported.
 */
import fs from 'node:fs';
import { getAgencyRow } from '../../../db/agency';
import { AppError, fieldError } from '../../../shared/api/errors';
import { sql } from 'kysely';
import { visibleIncoming, visibleOutgoing, visibleRegister } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { beginJob, withProgress, type Job } from '../jobs';
import { renderTemplate, templateData, templateFile } from '../templates';
import { archiveLine } from '../outgoing';
import { resolveRegister, typeName } from '../documents';
import type { IncomingRegisterRow, OutgoingRegisterRow, RegisterMeta } from './register-types';
import { writeIncomingRegisterDocx, writeOutgoingRegisterDocx } from './register-docx';
import { writeIncomingRegisterXlsx, writeOutgoingRegisterXlsx } from './register-xlsx';

const CHUNK = 2000;

async function meta(ctx: CallContext, registerName: string, from: string, to: string): Promise<RegisterMeta> {
  const agency = await getAgencyRow(ctx.db);
  if (!agency) throw new AppError('CONFLICT', 'Chưa nhập thông tin cơ quan: vào Cài đặt trước khi in sổ.');
  return { agencyName: agency.name, parentName: agency.parent_name ?? '', registerName, from, to };
}

async function* incomingRows(ctx: CallContext, registerId: number, from: string, to: string): AsyncGenerator<IncomingRegisterRow> {
  let after = { date: '', number: 0 };
  for (;;) {
    const rows = await ctx.db
      .selectFrom('incoming as i')
      .leftJoin('units as u', 'u.id', 'i.lead_unit_id')
      .select(['i.arrival_date', 'i.arrival_number', 'i.sender_name', 'i.notation', 'i.document_date', 'i.document_type', 'i.subject', 'i.recipient_text', 'i.transfer_date', 'i.note', 'u.name as lead'])
      .where('i.register_id', '=', registerId)
      .where('i.deleted_at', 'is', null)
      .where(visibleIncoming(ctx.user))
      .where('i.arrival_date', '>=', from)
      .where('i.arrival_date', '<=', to)
      .where((eb) => eb.or([eb('i.arrival_date', '>', after.date), eb.and([eb('i.arrival_date', '=', after.date), eb('i.arrival_number', '>', after.number)])]))
      .orderBy('i.arrival_date')
      .orderBy('i.arrival_number')
      .limit(CHUNK)
      .execute();
    for (const r of rows) {
      yield {
        arrivalDate: r.arrival_date,
        arrivalNumber: r.arrival_number,
        senderName: r.sender_name,
        notation: r.notation,
        documentDate: r.document_date,
        documentTypeName: r.document_type === 'CV' ? null : typeName(r.document_type),
        subject: r.subject,
        recipientText: r.recipient_text ?? r.lead,
        transferDate: r.transfer_date,
        note: r.note,
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) return;
    after = { date: last.arrival_date, number: last.arrival_number };
  }
}

async function* outgoingRows(ctx: CallContext, registerId: number, from: string, to: string): AsyncGenerator<OutgoingRegisterRow> {
  let after = { year: 0, number: 0 };
  for (;;) {
    const rows = await ctx.db
      .selectFrom('outgoing as o')
      .leftJoin('units as u', 'u.id', 'o.drafting_unit_id')
      .select(['o.year', 'o.number', 'o.notation', 'o.issue_date', 'o.document_type', 'o.subject', 'o.signer_name', 'o.recipients_text', 'o.copies', 'o.transfer_date', 'o.note', 'o.status', 'o.drafter_initials', 'u.abbreviation'])
      .where('o.register_id', '=', registerId)
      .where('o.deleted_at', 'is', null)
      .where(visibleOutgoing(ctx.user))
      .where('o.status', '!=', 'draft')
      .where('o.issue_date', '>=', from)
      .where('o.issue_date', '<=', to)
      .where((eb) => eb.or([eb('o.year', '>', after.year), eb.and([eb('o.year', '=', after.year), eb('o.number', '>', after.number)])]))
      .orderBy('o.year')
      .orderBy('o.number')
      .limit(CHUNK)
      .execute();
    for (const r of rows) {
      yield {
        notation: r.notation,
        number: r.number,
        issueDate: r.issue_date,
        documentTypeName: r.document_type === 'CV' ? null : typeName(r.document_type),
        subject: r.subject,
        signerName: r.signer_name,
        recipientsText: r.recipients_text,
        keptBy: archiveLine(r.abbreviation, r.drafter_initials).replace(/^Lưu: /, '').replace(/\.$/, ''),
        copies: r.copies,
        transferDate: r.transfer_date,
        note: r.note,
        status: r.status === 'draft' ? 'issued' : r.status,
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) return;
    after = { year: last.year ?? 0, number: last.number ?? 0 };
  }
}

async function countRows(ctx: CallContext, table: 'incoming' | 'outgoing', registerId: number, from: string, to: string): Promise<number> {
  const col = table === 'incoming' ? 'arrival_date' : 'issue_date';
  const visible = table === 'incoming' ? visibleIncoming(ctx.user, table) : visibleOutgoing(ctx.user, table);
  const r = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where register_id = ${registerId} and deleted_at is null and ${visible} and ${sql.ref(col)} between ${from} and ${to}`.execute(ctx.db);
  return Number(r.rows[0]?.n ?? 0);
}

/** The register to print; the secret register only for users with the grant (it is not said to exist otherwise). */
async function printableRegister(ctx: CallContext, kind: 'incoming' | 'outgoing', registerId: number | null | undefined) {
  const register = await resolveRegister(ctx, kind, registerId, false);
  const visible = await ctx.db.selectFrom('registers as r').select('r.id').where('r.id', '=', register.id).where(visibleRegister(ctx.user)).executeTakeFirst();
  if (!visible) throw fieldError('NOT_FOUND', 'registerId', `Không có sổ đăng ký mã ${register.id}.`);
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
 * Runs a register export with progress and cancel. A cancelled or failed
 * export never becomes a handle (a stream may still be closing when the error
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

export const exportsHandlers: HandlerMap<'exports.incomingRegister' | 'exports.outgoingRegister'> = {
  'exports.incomingRegister': async (ctx, input) => {
    const register = await printableRegister(ctx, 'incoming', input.registerId);
    const m = await meta(ctx, register.name, input.from, input.to);
    const total = await countRows(ctx, 'incoming', register.id, input.from, input.to);
    return runExport(ctx, `So-van-ban-den_${input.from}_${input.to}.${input.format}`, total, (job, tmp) => {
      const rows = withProgress(incomingRows(ctx, register.id, input.from, input.to), job);
      return input.format === 'xlsx' ? writeIncomingRegisterXlsx(tmp, m, rows) : registerDocx(ctx, 'incomingRegister', m, rows, tmp, () => writeIncomingRegisterDocx(tmp, m, rows));
    });
  },
  'exports.outgoingRegister': async (ctx, input) => {
    const register = await printableRegister(ctx, 'outgoing', input.registerId);
    const m = await meta(ctx, register.name, input.from, input.to);
    const total = await countRows(ctx, 'outgoing', register.id, input.from, input.to);
    return runExport(ctx, `So-van-ban-di_${input.from}_${input.to}.${input.format}`, total, (job, tmp) => {
      const rows = withProgress(outgoingRows(ctx, register.id, input.from, input.to), job);
      return input.format === 'xlsx' ? writeOutgoingRegisterXlsx(tmp, m, rows) : registerDocx(ctx, 'outgoingRegister', m, rows, tmp, () => writeOutgoingRegisterDocx(tmp, m, rows));
    });
  },
};
