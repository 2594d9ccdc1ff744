/**
 * imports.registerXlsx: a clerk's Excel register into the app. The sheet is
 * read and every row checked first (the dry run's report); a real run writes
 * all rows in the action's one transaction, so a failure leaves nothing
 * behind. A backup is taken before a real run. Incoming rows keep their
 * arrival numbers, outgoing rows their numbers and notations. A real run
 * tells its progress every 500 rows (job.progress, as exports do) and can be
 * cancelled then (jobs.cancel): the transaction is rolled back, nothing kept.
 */
import { fieldError } from '../../../shared/api/errors';
import type { ParsedInput } from '../../../shared/api/index';
import { incomingRegisterInput } from '../../../shared/api/incoming';
import { formatDocNumber } from '../../../shared/documents/notation';
import type { CallContext, HandlerMap } from '../context';
import { resolveRegister } from './documents';
import { registerIncoming } from '../incoming/handlers';
import { createOutgoing } from '../outgoing/handlers';
import { zodIssuesToFields } from '../registry';
import { outgoingPlanner, type OutgoingPlan } from '../outgoing/import-rows';
import { fieldsOf, readRegisterSheet, type RegisterKind } from '../imports/register-sheet';
import { backupBeforeImport, readChecked, readSource } from '../imports/source';
import { beginJob } from '../jobs';
import { inSavepoint } from '../stores';
import { incomingBatchWriter } from './import-incoming';

type Values = Record<string, string | number | null>;
type Payload = { kind: 'incoming'; input: ParsedInput<'incoming.register'> } | { kind: 'outgoing'; plan: OutgoingPlan };

interface PlannedRow {
  row: number;
  ok: boolean;
  errors: string[];
  label: string;
  payload: Payload | null;
  /** The number the row keeps in its register, checked for being free. */
  number: { year: number; n: number } | null;
}

function planIncoming(v: Values, errors: string[]): Payload | null {
  const parsed = incomingRegisterInput.safeParse({ ...v, confirmDuplicate: true });
  if (parsed.success) return { kind: 'incoming', input: parsed.data };
  errors.push(...zodIssuesToFields(parsed.error.issues).map((f) => f.message));
  return null;
}

async function planOutgoing(ctx: CallContext): Promise<(v: Values, errors: string[]) => Payload | null> {
  const planner = await outgoingPlanner(ctx);
  return (v, errors) => {
    const plan = planner(v, errors);
    return plan ? { kind: 'outgoing', plan } : null;
  };
}

function keptNumber(p: Payload): { year: number; n: number } | null {
  if (p.kind === 'outgoing') return { year: p.plan.issued.year, n: p.plan.issued.number };
  return p.input.arrivalNumber ? { year: Number(p.input.arrivalDate.slice(0, 4)), n: p.input.arrivalNumber } : null;
}

function write(ctx: CallContext, p: Payload): Promise<unknown> {
  return p.kind === 'incoming' ? registerIncoming(ctx, p.input) : createOutgoing(ctx, p.plan.draft, p.plan.issued);
}

export const importsHandlers: HandlerMap<'imports.registerXlsx'> = {
  'imports.registerXlsx': async (ctx, input) => {
    const data = readSource(ctx, input);
    const sheet = await readChecked(() => readRegisterSheet(data, input.kind, input.mapping));
    const plan = input.kind === 'incoming' ? planIncoming : await planOutgoing(ctx);
    const rows = sheet.rows.map((r): PlannedRow => {
      const v = r.values;
      const errors = [...r.errors];
      const payload = r.ok ? plan(v, errors) : null;
      const label = typeof v.arrivalNumber === 'number' ? `Số đến ${formatDocNumber(v.arrivalNumber)}` : typeof v.notation === 'string' ? v.notation : '';
      return { row: r.row, ok: errors.length === 0, errors, label, payload, number: payload ? keptNumber(payload) : null };
    });
    await checkNumbers(ctx, input.kind, rows);
    const valid = rows.filter((r) => r.ok).length;
    const invalid = rows.length - valid;
    let imported = 0;
    if (!input.dryRun && (invalid === 0 || input.validOnly)) {
      await backupBeforeImport(ctx);
      imported = await writeRows(ctx, input.kind, rows);
    }
    const defs = fieldsOf(input.kind);
    return {
      dryRun: input.dryRun,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      columns: sheet.columns.map((c) => ({ field: c.field, column: c.column, header: c.header || defs.find((d) => d.field === c.field)?.label || c.field })),
      headers: sheet.headers,
      valid,
      invalid,
      imported,
      rows: rows.map(({ row, ok, errors, label }) => ({ row, ok, errors, label })),
    };
  },
};

/** A batch: the rows between two progress reports, written together (incoming ones in a few statements). */
const PROGRESS_EVERY = 500;

interface ToWrite {
  row: number;
  payload: Payload;
}

/** One bad row stops an all-or-nothing import: the transaction rolls back, and the clerk is told which row. */
async function rowByRow(ctx: CallContext, rows: ToWrite[]): Promise<void> {
  for (const r of rows) {
    try {
      await write(ctx, r.payload);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      throw fieldError('VALIDATION', 'path', `Dòng ${r.row}: ${msg} Chưa nhập dòng nào.`);
    }
  }
}

/**
 * Incoming rows go in batches. A batch that fails is undone to its savepoint
 * and its rows are written again one by one, only to name the row that fails:
 * the import fails either way, and its transaction is rolled back whole.
 * Outgoing rows, and a batch with a row the batch writer does not take, are
 * written one by one.
 */
function batchWriter(ctx: CallContext, kind: RegisterKind): (rows: ToWrite[]) => Promise<void> {
  if (kind === 'outgoing') return (rows) => rowByRow(ctx, rows);
  const bulk = incomingBatchWriter(ctx);
  return async (rows) => {
    const inputs = rows.flatMap((r) => (r.payload.kind === 'incoming' ? [r.payload.input] : []));
    let written: boolean;
    try {
      written = await inSavepoint(ctx, () => bulk(inputs));
    } catch (e) {
      await rowByRow(ctx, rows);
      const msg = e instanceof Error ? e.message : String(e);
      throw fieldError('VALIDATION', 'path', `Dòng ${rows[0]!.row}–${rows[rows.length - 1]!.row}: ${msg} Chưa nhập dòng nào.`);
    }
    if (!written) await rowByRow(ctx, rows);
  };
}

async function writeRows(ctx: CallContext, kind: RegisterKind, rows: PlannedRow[]): Promise<number> {
  const toWrite = rows.flatMap((r): ToWrite[] => (r.ok && r.payload ? [{ row: r.row, payload: r.payload }] : []));
  const job = beginJob(ctx, toWrite.length, 'Đã hủy theo yêu cầu; chưa nhập dòng nào.');
  const writeBatch = batchWriter(ctx, kind);
  try {
    await job.tick(0);
    for (let done = 0; done < toWrite.length; ) {
      const batch = toWrite.slice(done, done + PROGRESS_EVERY);
      await writeBatch(batch);
      done += batch.length;
      if (done % PROGRESS_EVERY === 0) await job.tick(done);
    }
    await job.tick(toWrite.length);
    return toWrite.length;
  } finally {
    job.end();
  }
}

/** Numbers kept from the sheet must be free in their year: within the sheet and in the register. */
async function checkNumbers(ctx: CallContext, kind: RegisterKind, rows: PlannedRow[]): Promise<void> {
  const register = await resolveRegister(ctx, kind, null, false);
  const store = kind === 'incoming' ? ctx.stores.incoming : ctx.stores.outgoing;
  const what = kind === 'incoming' ? 'Số đến' : 'Số';
  // The register's numbers asked for a batch at a time, not row by row.
  const taken = new Set<string>();
  const byYear = new Map<number, number[]>();
  for (const r of rows) {
    if (!r.ok || !r.number) continue;
    const ns = byYear.get(r.number.year) ?? [];
    ns.push(r.number.n);
    byYear.set(r.number.year, ns);
  }
  for (const [year, ns] of byYear) {
    for (let k = 0; k < ns.length; k += PROGRESS_EVERY) for (const n of await store.numbersTaken(register.id, year, ns.slice(k, k + PROGRESS_EVERY))) taken.add(`${year}/${n}`);
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.ok || !r.number) continue;
    const { year, n } = r.number;
    const key = `${year}/${n}`;
    const first = seen.get(key);
    if (first !== undefined) r.errors.push(`${what} ${formatDocNumber(n)} năm ${year} trùng với dòng ${first}.`);
    else if (taken.has(key)) r.errors.push(`${what} ${formatDocNumber(n)} năm ${year} đã có trong ${register.name}.`);
    else seen.set(key, r.row);
    r.ok = r.errors.length === 0;
  }
}
