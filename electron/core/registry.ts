/**
 * The API registry: the only way into the core. Every call is looked up,
 * its input validated with the method's zod schema, run (in one transaction
 * for write methods), and its output checked against the output schema.
 */
import { z } from 'zod';
import {
  AppError,
  contracts,
  fieldsMessage,
  isMethodName,
  type ApiError,
  type ApiResult,
  type FieldError,
  type MethodName,
} from '../../shared/api/index';
import { auditClient } from '../../db/audit';
import type { SessionUser } from './access';
import type { CallContext, HandlerMap } from './context';
import { databaseErrorToAppError } from '../../db/errors';
import { inSavepoint, inTransaction } from './stores';

export type BaseContext = Omit<CallContext, 'method' | 'actor' | 'user' | 'session' | 'clientAddress' | 'program'> & {
  /** The session's user, or null while there are no users; throws UNAUTHORIZED or FORBIDDEN. */
  /** `within`: a batch's context, whose transaction the session is then read in (it holds SQLite's one connection). */
  authenticate(session: string | null, method: MethodName, clientAddress: string | null, within?: Pick<BaseContext, 'stores' | 'now'>): Promise<SessionUser | null>;
};

/** A call inside a batch: answered like Registry.call. */
export type BatchCall = (method: string, raw: unknown, opts?: CallOptions) => Promise<ApiResult<unknown>>;

export interface CallOptions {
  actor?: string;
  /** The X-Session of the browser shell, or the session the desktop shell keeps for its window. */
  session?: string | null;
  /** The office server's client (its socket's address); null or absent on the server's own machine. */
  clientAddress?: string | null;
  /** The client's id for this request: a write repeated with the same id is answered from request_log, not done again. */
  requestId?: string | null;
  /** What signed in, kept with the session (the client's user agent, "Văn thư (máy tính)"). */
  program?: string | null;
}

const REQUEST_ID = /^[A-Za-z0-9_-]{8,100}$/;
/** A client repeats a request within seconds or minutes; a day is plenty. */
const REQUEST_LOG_MS = 24 * 3_600_000;

export interface MethodDescription {
  name: string;
  summary: string;
  mode: 'read' | 'write' | 'job';
  input: unknown;
  output: unknown;
}

export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.path.length === 0 && i.code === 'invalid_type' ? 'Dữ liệu gửi lên phải là một đối tượng JSON.' : i.message,
  }));
}

export function createRegistry(base: BaseContext, handlers: HandlerMap<MethodName>) {
  /** `batch`: the open transaction of batch(), which every query of the call then uses; its methods written so far. */
  async function run(method: MethodName, raw: unknown, opts: CallOptions, batch: Batch | null): Promise<unknown> {
    const contract = contracts[method];
    const clientAddress = opts.clientAddress ?? null;
    // Who calls is settled before the input is looked at.
    const session = opts.session ?? null;
    const user = await base.authenticate(session, method, clientAddress, batch?.ctx);
    const parsed = contract.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const fields = zodIssuesToFields(parsed.error.issues);
      throw new AppError('VALIDATION', fieldsMessage(fields), fields);
    }
    const requestId = opts.requestId ?? null;
    if (requestId !== null && !REQUEST_ID.test(requestId)) throw new AppError('VALIDATION', 'Mã yêu cầu (X-Request-Id) không hợp lệ: 8 đến 100 chữ, số, _ hoặc -.', [{ path: 'requestId', message: 'Mã yêu cầu không hợp lệ.' }]);
    const handler = handlers[method] as (ctx: CallContext, input: unknown) => Promise<unknown>;
    const mode = contract.mode ?? 'write';
    // A job-mode method begins its own transactions, which cannot nest in the batch's.
    if (batch && mode === 'job') throw new AppError('VALIDATION', `Chức năng "${contract.summary}" không chạy được trong một lô.`, [{ path: 'method', message: 'Không chạy trong lô.' }]);
    const ctx: CallContext = { ...(batch?.ctx ?? base), method, actor: user?.username ?? opts.actor ?? 'system', user, session, clientAddress, program: opts.program ?? null };
    const checked = (value: unknown) => {
      const out = contract.output.safeParse(value);
      if (!out.success) throw new Error(`Kết quả của ${method} sai mẫu: ${JSON.stringify(out.error.issues.slice(0, 3))}`);
      return out.data;
    };
    const write = async (tx: CallContext) => {
      if (requestId === null) return checked(await handler(tx, parsed.data));
      // Looked up under the write lock: a repeat arriving while the first still runs waits for it and finds its answer.
      const done = await answered(tx, user?.id ?? 0, requestId, method);
      if (done.found) return done.output;
      const out = checked(await handler(tx, parsed.data));
      await remember(tx, user?.id ?? 0, requestId, method, out);
      return out;
    };
    if (mode === 'read') return checked(await handler(ctx, parsed.data));
    if (!batch) {
      const value = mode === 'write' ? await inTransaction(ctx, write) : checked(await handler(ctx, parsed.data));
      base.events.emit('event', { type: 'data.changed', method });
      return value;
    }
    if (batch.atomic) {
      // A failure spoils the whole batch: what the call wrote before failing is not undone alone.
      try {
        const value = await write(ctx);
        batch.changed.add(method);
        return value;
      } catch (e) {
        batch.failed ??= { error: e };
        throw e;
      }
    }
    const value = await inSavepoint(batch.ctx, () => write(ctx));
    batch.changed.add(method);
    return value;
  }

  async function callIn(batch: Batch | null, method: string, raw: unknown, opts: CallOptions = {}): Promise<ApiResult<unknown>> {
    if (batch?.failed) return { ok: false, error: { code: 'CONFLICT', message: `Lô đã hỏng ở một lệnh trước, không thực hiện "${method}": cả lô sẽ được hủy.`, fields: [] } };
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng "${method}".`, fields: [] } };
    }
    try {
      // Every audit row written during the call records the client's address. Without one, and
      // outside any call that set one, the rows record none all the same: not entering the async
      // context then keeps Node's promise hooks off for the desktop and bulk writers (3% of a demo build).
      const client = opts.clientAddress ?? null;
      const value = client === null && auditClient.getStore() === undefined ? await run(method, raw, opts, batch) : await auditClient.run(client, () => run(method, raw, opts, batch));
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toApiError(e, method) };
    }
  }

  const call = (method: string, raw: unknown, opts: CallOptions = {}) => callIn(null, method, raw, opts);

  /**
   * Bulk writers (the demo generator, imports): many calls in one transaction,
   * one durable commit instead of one per call. Each call is authenticated,
   * validated, run by its handler, audited and answered as alone; one that
   * fails is undone to its own savepoint and the others are kept. The batch
   * commits when `work` returns, and is rolled back whole if `work` throws
   * (the calls answered ok are then not kept: the caller is told by the throw).
   * Other callers wait for the batch: keep batches to a few hundred calls.
   *
   * `atomic`: for a writer that gives up on the first failure anyway (the
   * demo). No call takes a savepoint, whose release made SQLite's full-text
   * index write a segment per call and merge them, a sixth of a demo build;
   * so a failing call fails the batch: the calls after it are refused, and the
   * batch is rolled back whole and throws the failure even if `work` returns.
   */
  async function batch<T>(work: (call: BatchCall) => Promise<T>, opts: { atomic?: boolean } = {}): Promise<T> {
    const changed = new Set<MethodName>();
    const out = await inTransaction(base, async (tx) => {
      const b: Batch = { ctx: tx, changed, atomic: opts.atomic ?? false, failed: null };
      const value = await work((method, raw, callOpts) => callIn(b, method, raw, callOpts));
      if (b.failed) throw b.failed.error;
      return value;
    });
    for (const method of changed) base.events.emit('event', { type: 'data.changed', method });
    return out;
  }

  function describe(): MethodDescription[] {
    return (Object.keys(contracts) as MethodName[]).map((name) => {
      const c = contracts[name];
      return {
        name,
        summary: c.summary,
        mode: c.mode ?? 'write',
        input: z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(c.output, { io: 'output', unrepresentable: 'any' }),
      };
    });
  }

  return { call, batch, describe };
}

export type Registry = ReturnType<typeof createRegistry>;

interface Batch {
  /** The base context bound to the batch's transaction. */
  ctx: BaseContext;
  changed: Set<MethodName>;
  /** No savepoint per call; the first failure, which then rolls the batch back. */
  atomic: boolean;
  failed: { error: unknown } | null;
}

async function answered(ctx: CallContext, userId: number, requestId: string, method: string): Promise<{ found: false } | { found: true; output: unknown }> {
  const row = await ctx.stores.requests.find(userId, requestId);
  if (!row) return { found: false };
  if (row.method !== method) throw new AppError('CONFLICT', `Mã yêu cầu này đã dùng cho chức năng khác (${row.method}): chưa thực hiện.`, [{ path: 'requestId', message: 'Mã yêu cầu đã dùng.' }]);
  return { found: true, output: JSON.parse(row.output_json) as unknown };
}

async function remember(ctx: CallContext, userId: number, requestId: string, method: string, output: unknown): Promise<void> {
  const at = ctx.now();
  await ctx.stores.requests.remember(userId, requestId, method, output, at, new Date(new Date(at).getTime() - REQUEST_LOG_MS).toISOString());
}

function toApiError(e: unknown, method: string): ApiError {
  if (e instanceof AppError) return e.toApiError();
  const fromDatabase = databaseErrorToAppError(e);
  if (fromDatabase) return fromDatabase.toApiError();
  console.error(`[van-thu] ${method}:`, e);
  return {
    code: 'INTERNAL',
    message: `Lỗi hệ thống khi thực hiện "${method}". Dữ liệu chưa được ghi. Chi tiết: ${e instanceof Error ? e.message : String(e)}`,
    fields: [],
  };
}
