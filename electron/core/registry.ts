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
import type { SessionUser } from './access';
import type { CallContext, HandlerMap } from './context';
import { sqliteErrorToAppError } from './sqlite-errors';

export type BaseContext = Omit<CallContext, 'method' | 'actor' | 'user' | 'session'> & {
  /** The session's user, or null while there are no users; throws UNAUTHORIZED or FORBIDDEN. */
  authenticate(session: string | null, method: MethodName): Promise<SessionUser | null>;
};

export interface CallOptions {
  actor?: string;
  /** The X-Session of the browser shell, or the session the desktop shell keeps for its window. */
  session?: string | null;
}

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
  async function run(method: MethodName, raw: unknown, opts: CallOptions): Promise<unknown> {
    const contract = contracts[method];
    // Who calls is settled before the input is looked at.
    const session = opts.session ?? null;
    const user = await base.authenticate(session, method);
    const parsed = contract.input.safeParse(raw ?? {});
    if (!parsed.success) {
      const fields = zodIssuesToFields(parsed.error.issues);
      throw new AppError('VALIDATION', fieldsMessage(fields), fields);
    }
    const handler = handlers[method] as (ctx: CallContext, input: unknown) => Promise<unknown>;
    const ctx: CallContext = { ...base, method, actor: user?.username ?? opts.actor ?? 'system', user, session };
    const mode = contract.mode ?? 'write';
    const value =
      mode === 'write'
        ? await base.db.transaction().execute((trx) => handler({ ...ctx, db: trx }, parsed.data))
        : await handler(ctx, parsed.data);
    const out = contract.output.safeParse(value);
    if (!out.success) {
      throw new Error(`Kết quả của ${method} sai mẫu: ${JSON.stringify(out.error.issues.slice(0, 3))}`);
    }
    if (mode !== 'read') base.events.emit('event', { type: 'data.changed', method });
    return out.data;
  }

  async function call(method: string, raw: unknown, opts: CallOptions = {}): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `Không có chức năng "${method}".`, fields: [] } };
    }
    try {
      return { ok: true, value: await run(method, raw, opts) };
    } catch (e) {
      return { ok: false, error: toApiError(e, method) };
    }
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

  return { call, describe };
}

export type Registry = ReturnType<typeof createRegistry>;

function toApiError(e: unknown, method: string): ApiError {
  if (e instanceof AppError) return e.toApiError();
  const fromSqlite = sqliteErrorToAppError(e);
  if (fromSqlite) return fromSqlite.toApiError();
  console.error(`[van-thu] ${method}:`, e);
  return {
    code: 'INTERNAL',
    message: `Lỗi hệ thống khi thực hiện "${method}". Dữ liệu chưa được ghi. Chi tiết: ${e instanceof Error ? e.message : String(e)}`,
    fields: [],
  };
}
