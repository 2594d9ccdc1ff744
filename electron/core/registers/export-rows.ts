/**
 * The rows of the printed books, read in chunks by keyset so the one
 * database connection is never held for the whole export, and the figures of
 * each year's cover (first and last number, count). Every read goes through
 * the access rule.
 */
import { formatDateVi } from '../../../shared/dates';
import { visibleIncoming, visibleOutgoing } from '../access/index';
import type { CallContext } from '../context';
import type { BookYear, FollowUpRow, IncomingRegisterRow, OutgoingRegisterRow } from './register-types';
import { archiveLine } from '../outgoing/rules';
import { typeName } from './rules';
import type { BookAccess, BookQuery } from './store';

export type { BookQuery } from './store';

const CHUNK = 2000;

const docType = (code: string | null) => (code === 'CV' || code === null ? null : typeName(code));

const access = (ctx: CallContext): BookAccess => ({ incoming: visibleIncoming(ctx.user), outgoing: visibleOutgoing(ctx.user) });

/** One book per calendar year of the period, each with the period and numbers it holds. */
export async function bookYears(ctx: CallContext, kind: 'incoming' | 'outgoing' | 'followUp', q: BookQuery): Promise<BookYear[]> {
  const stats = await ctx.stores.registers.bookStats(kind, q, access(ctx));
  const byYear = new Map(stats.map((s) => [Number(s.year), s]));
  const books: BookYear[] = [];
  for (let y = Number(q.from.slice(0, 4)); y <= Number(q.to.slice(0, 4)); y++) {
    const s = byYear.get(y);
    const from = `${y}-01-01` > q.from ? `${y}-01-01` : q.from;
    const to = `${y}-12-31` < q.to ? `${y}-12-31` : q.to;
    books.push({ year: y, from, to, first: s?.first == null ? null : Number(s.first), last: s?.last == null ? null : Number(s.last), count: Number(s?.n ?? 0) });
  }
  return books;
}

async function* incomingChunks(ctx: CallContext, q: BookQuery, followUp: boolean) {
  let after = { date: '', number: 0 };
  for (;;) {
    const rows = await ctx.stores.registers.incomingChunk(q, followUp, after, CHUNK, access(ctx));
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < CHUNK) return;
    after = { date: last.arrival_date, number: last.arrival_number };
  }
}

export async function* incomingRows(ctx: CallContext, q: BookQuery): AsyncGenerator<IncomingRegisterRow> {
  for await (const rows of incomingChunks(ctx, q, false)) {
    for (const r of rows) {
      yield {
        year: r.year,
        arrivalDate: r.arrival_date,
        arrivalNumber: r.arrival_number,
        senderName: r.sender_name,
        notation: r.notation,
        documentDate: r.document_date,
        documentTypeName: docType(r.document_type),
        subject: r.subject,
        recipientText: r.recipient_text ?? r.lead,
        transferDate: r.transfer_date,
        note: r.note,
      };
    }
  }
}

/** "Đã giải quyết ngày 12/03/2025", "Quá hạn", "Đang giải quyết" as of today. */
export function progressText(deadline: string | null, completedAt: string | null, today: string): string {
  if (completedAt) {
    const day = completedAt.slice(0, 10);
    return `Đã giải quyết ngày ${formatDateVi(day)}${deadline && day > deadline ? ' (quá hạn)' : ''}`;
  }
  return deadline && deadline < today ? 'Quá hạn, chưa giải quyết' : 'Đang giải quyết';
}

export async function* followUpRows(ctx: CallContext, q: BookQuery): AsyncGenerator<FollowUpRow> {
  const today = ctx.today();
  for await (const rows of incomingChunks(ctx, q, true)) {
    for (const r of rows) {
      yield {
        year: r.year,
        arrivalNumber: r.arrival_number,
        documentTypeName: docType(r.document_type),
        notation: r.notation,
        documentDate: r.document_date,
        senderName: r.sender_name,
        handlers: [r.lead ?? r.recipient_text ?? '', r.coordinators ? `Phối hợp: ${r.coordinators}` : ''].filter(Boolean).join('\n'),
        deadline: r.deadline,
        progress: progressText(r.deadline, r.completed_at, today),
        replyNotation: r.reply_notation,
        note: r.note,
      };
    }
  }
}

export async function* outgoingRows(ctx: CallContext, q: BookQuery): AsyncGenerator<OutgoingRegisterRow> {
  let after = { year: 0, number: 0 };
  for (;;) {
    const rows = await ctx.stores.registers.outgoingChunk(q, after, CHUNK, access(ctx));
    for (const r of rows) {
      yield {
        year: r.year ?? Number((r.issue_date ?? '').slice(0, 4)),
        notation: r.notation,
        number: r.number,
        issueDate: r.issue_date,
        documentTypeName: docType(r.document_type),
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
