/**
 * The rows of the printed books, read in chunks by keyset so the one
 * database connection is never held for the whole export, and the figures of
 * each year's cover (first and last number, count). Every read goes through
 * the access rule.
 */
import { sql } from 'kysely';
import { formatDateVi } from '../../../shared/dates';
import { visibleIncoming, visibleOutgoing } from '../access';
import type { CallContext } from '../context';
import { archiveLine } from '../outgoing';
import { typeName } from '../documents';
import type { BookYear, FollowUpRow, IncomingRegisterRow, OutgoingRegisterRow } from './register-types';

const CHUNK = 2000;

export interface BookQuery {
  registerId: number;
  from: string;
  to: string;
}

const docType = (code: string | null) => (code === 'CV' || code === null ? null : typeName(code));

function incomingBase(ctx: CallContext, q: BookQuery, followUp: boolean) {
  let b = ctx.db
    .selectFrom('incoming as i')
    .where('i.register_id', '=', q.registerId)
    .where('i.deleted_at', 'is', null)
    .where(visibleIncoming(ctx.user))
    .where('i.arrival_date', '>=', q.from)
    .where('i.arrival_date', '<=', q.to);
  // The follow-up book holds what was given to someone to handle.
  if (followUp) b = b.where((eb) => eb.or([eb('i.lead_unit_id', 'is not', null), eb('i.deadline', 'is not', null)]));
  return b;
}

function outgoingBase(ctx: CallContext, q: BookQuery) {
  return ctx.db
    .selectFrom('outgoing as o')
    .where('o.register_id', '=', q.registerId)
    .where('o.deleted_at', 'is', null)
    .where(visibleOutgoing(ctx.user))
    .where('o.status', '!=', 'draft')
    .where('o.issue_date', '>=', q.from)
    .where('o.issue_date', '<=', q.to);
}

/** One book per calendar year of the period, each with the period and numbers it holds. */
export async function bookYears(ctx: CallContext, kind: 'incoming' | 'outgoing' | 'followUp', q: BookQuery): Promise<BookYear[]> {
  const stats =
    kind === 'outgoing'
      ? await outgoingBase(ctx, q)
          .select((eb) => [eb.ref('o.year').as('year'), eb.fn.min('o.number').as('first'), eb.fn.max('o.number').as('last'), eb.fn.countAll<number>().as('n')])
          .groupBy('o.year')
          .execute()
      : await incomingBase(ctx, q, kind === 'followUp')
          .select((eb) => [eb.ref('i.year').as('year'), eb.fn.min('i.arrival_number').as('first'), eb.fn.max('i.arrival_number').as('last'), eb.fn.countAll<number>().as('n')])
          .groupBy('i.year')
          .execute();
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
    const rows = await incomingBase(ctx, q, followUp)
      .leftJoin('units as u', 'u.id', 'i.lead_unit_id')
      .leftJoin('outgoing as o', 'o.id', 'i.reply_outgoing_id')
      .selectAll('i')
      .select([
        'u.name as lead',
        sql<string | null>`case when ${visibleOutgoing(ctx.user)} then o.notation end`.as('reply_notation'),
        sql<string | null>`(select group_concat(cu.name, ', ') from incoming_coordinators c join units cu on cu.id = c.unit_id where c.incoming_id = i.id)`.as('coordinators'),
      ])
      .where((eb) => eb.or([eb('i.arrival_date', '>', after.date), eb.and([eb('i.arrival_date', '=', after.date), eb('i.arrival_number', '>', after.number)])]))
      .orderBy('i.arrival_date')
      .orderBy('i.arrival_number')
      .limit(CHUNK)
      .execute();
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
    const rows = await outgoingBase(ctx, q)
      .leftJoin('units as u', 'u.id', 'o.drafting_unit_id')
      .select(['o.year', 'o.number', 'o.notation', 'o.issue_date', 'o.document_type', 'o.subject', 'o.signer_name', 'o.recipients_text', 'o.copies', 'o.transfer_date', 'o.note', 'o.status', 'o.drafter_initials', 'u.abbreviation'])
      .where((eb) => eb.or([eb('o.year', '>', after.year), eb.and([eb('o.year', '=', after.year), eb('o.number', '>', after.number)])]))
      .orderBy('o.year')
      .orderBy('o.number')
      .limit(CHUNK)
      .execute();
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
