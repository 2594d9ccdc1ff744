/**
 * An Excel import's incoming rows, a batch at a time in a few statements:
 * the documents in one insert, their search entries and audit rows in one
 * insert each, each year's counter once, instead of some ten statements per
 * row. Each row is the document registerIncoming would write, indexed and
 * audited as it would be. A batch holds only rows that need no check of
 * their own (the number kept, already checked free; no duplicate warning to
 * give; no unit to check); a batch with any other row is left to the
 * caller, to write row by row through registerIncoming.
 */
import type { ParsedInput } from '../../../shared/api/index';
import type { AuditEntry } from '../../../db/audit';
import type { IncomingTable } from '../../../db/schema';
import { visibleIncoming } from '../access/index';
import type { CallContext } from '../context';
import { incomingRow, incomingSearchFields, toIncoming } from '../incoming/handlers';
import { resolveRegister, searchEntry } from './documents';
import { yearOf } from './rules';

type Input = ParsedInput<'incoming.register'>;
type Kept = Input & { arrivalNumber: number };

function batchable(i: Input): i is Kept {
  return i.arrivalNumber !== undefined && i.confirmDuplicate === true && !i.senderUnitId && !i.leadUnitId && !i.coordinatingUnitIds?.length;
}

/**
 * The batch writer of one import: registers and senders' units are looked up once for all its batches.
 * It answers false, having written nothing, for a batch with a row it does not take.
 */
export function incomingBatchWriter(ctx: CallContext): (inputs: Input[]) => Promise<boolean> {
  const registers = new Map<string, Promise<{ id: number; name: string }>>();
  const registerOf = (i: Input) => {
    const key = `${i.registerId ?? ''} ${!!i.secrecy}`;
    let r = registers.get(key);
    if (!r) registers.set(key, (r = resolveRegister(ctx, 'incoming', i.registerId, !!i.secrecy)));
    return r;
  };
  const senders = new Map<string, number | null>();

  return async (inputs) => {
    const kept: Kept[] = inputs.filter(batchable);
    if (kept.length !== inputs.length) return false;
    const now = ctx.now();
    const rows: Omit<IncomingTable, 'id'>[] = [];
    const names = new Map<number, string>();
    for (const i of kept) {
      const register = await registerOf(i);
      names.set(register.id, register.name);
      rows.push(incomingRow(i, { registerId: register.id, year: yearOf(i.arrivalDate), arrivalNumber: i.arrivalNumber, senderUnitId: null, now }));
    }
    // A typed sender is linked to the external unit of its name, as registerIncoming links it.
    for (const r of rows) {
      if (!senders.has(r.sender_fold)) senders.set(r.sender_fold, await ctx.stores.units.externalByName(r.sender_fold));
      r.sender_unit_id = senders.get(r.sender_fold) ?? null;
    }
    // Numbering continues after the largest number kept in each register's year.
    const largest = new Map<string, { registerId: number; year: number; n: number }>();
    for (const r of rows) {
      const key = `${r.register_id} ${r.year}`;
      const top = largest.get(key);
      if (!top || top.n < r.arrival_number) largest.set(key, { registerId: r.register_id, year: r.year, n: r.arrival_number });
    }
    for (const t of largest.values()) await ctx.stores.registers.keepNumber(t.registerId, t.year, t.n);

    const keyOf = (r: { register_id: number; year: number; arrival_number: number }) => `${r.register_id} ${r.year} ${r.arrival_number}`;
    const idOf = new Map((await ctx.stores.incoming.insertMany(rows)).map((r) => [keyOf(r), r.id]));
    const ids = rows.map((r) => idOf.get(keyOf(r)) ?? 0);
    // registerIncoming reads its document back, which also refuses one the user may not see; a batch asks only
    // that, and knows the rest of what the read gives: the register's name, no lead unit (none is named), no reply yet.
    const visible = new Set(await ctx.stores.incoming.visibleIds(ids, visibleIncoming(ctx.user)));
    if (ids.some((id) => !visible.has(id))) throw new Error('Có văn bản người nhập không được xem.');
    const today = ctx.today();
    const docs = rows.map((r, k) => toIncoming({ ...r, origin: r.origin ?? null, id: ids[k]!, register_name: names.get(r.register_id) ?? '', lead_unit_name: null, reply_notation: null }, [], today));
    await ctx.stores.registers.indexMany(docs.map((d, k) => searchEntry('incoming', d.id, incomingSearchFields(d, rows[k]!.recognised_text))));
    await ctx.stores.audit.writeMany(docs.map((d): AuditEntry => ({ at: now, actor: ctx.actor, action: ctx.method, entity: 'incoming', entityId: d.id, before: null, after: d })));
    return true;
  };
}
