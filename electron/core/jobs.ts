/**
 * Long exports report their progress as events ({type: 'job.progress',
 * method, done, total, userId}) and can be cancelled with jobs.cancel. One
 * job per method and user runs at a time, so the two name the job: on the
 * office server one user's cancel never stops another's export.
 */
import type { EventEmitter } from 'node:events';
import { AppError } from '../../shared/api/errors';
import type { CallContext, HandlerMap } from './context';

interface JobState {
  running: Set<string>;
  cancelled: Set<string>;
}
const states = new WeakMap<EventEmitter, JobState>();
function state(events: EventEmitter): JobState {
  let s = states.get(events);
  if (!s) states.set(events, (s = { running: new Set(), cancelled: new Set() }));
  return s;
}

const jobKey = (ctx: Pick<CallContext, 'user'>, method: string) => `${ctx.user?.id ?? 0} ${method}`;

const yieldToCalls = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Job {
  /** Reports progress, lets other calls (a cancel) run, and stops the job if it was cancelled. */
  tick(done: number): Promise<void>;
  end(): void;
}

export function beginJob(ctx: Pick<CallContext, 'events' | 'method' | 'user'>, total: number, cancelledMessage = 'Đã hủy theo yêu cầu; tệp đang xuất dở đã được xóa.'): Job {
  const s = state(ctx.events);
  const key = jobKey(ctx, ctx.method);
  s.running.add(key);
  s.cancelled.delete(key);
  return {
    async tick(done) {
      // userId: a job's progress goes only to the user who started it.
      ctx.events.emit('event', { type: 'job.progress', method: ctx.method, done, total, userId: ctx.user?.id ?? null });
      await yieldToCalls();
      if (s.cancelled.has(key)) throw new AppError('CANCELLED', cancelledMessage);
    },
    end() {
      s.running.delete(key);
      s.cancelled.delete(key);
    },
  };
}

/** Rows passed through, with a tick every `every` rows (and one before the first). */
export async function* withProgress<T>(rows: AsyncIterable<T>, job: Job, every = 500): AsyncGenerator<T> {
  let n = 0;
  await job.tick(0);
  for await (const r of rows) {
    yield r;
    if (++n % every === 0) await job.tick(n);
  }
  await job.tick(n);
}

export const jobsHandlers: HandlerMap<'jobs.cancel'> = {
  async 'jobs.cancel'(ctx, v) {
    const s = state(ctx.events);
    const key = jobKey(ctx, v.method);
    if (!s.running.has(key)) return { cancelled: false };
    s.cancelled.add(key);
    return { cancelled: true };
  },
};
