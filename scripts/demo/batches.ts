/**
 * The demo's writes in batches: a year of an office is tens of thousands of
 * calls, and a durable commit each was a quarter of the build. The calls still
 * go through the registry (authenticated, validated, audited, answered as
 * alone, core.batch); only the commit is shared by `size` of them.
 */
import type { Core } from '../../electron/core/index';
import type { BatchCall } from '../../electron/core/registry';

export type DemoCall = (method: string, input: unknown) => Promise<unknown>;

export interface DemoBatches {
  /** The call's value; throws (naming the method) when it failed. */
  call: DemoCall;
  /** Commits the open batch: at the end, and whenever the work must be durable. */
  flush(): Promise<void>;
  /** Rolls the open batch back (the demo stopped on an error). */
  abandon(e: unknown): Promise<void>;
}

interface Open {
  call: BatchCall;
  end(e?: unknown): void;
  done: Promise<void>;
  n: number;
}

export function demoBatches(core: Core, size = 500): DemoBatches {
  let open: Open | null = null;

  const begin = () =>
    new Promise<Open>((ready) => {
      // The batch's transaction stays open until end() settles the work it runs.
      // Atomic: the demo stops at its first failing call, so a savepoint per call would buy nothing.
      const done: Promise<void> = core.batch((call) => new Promise<void>((resolve, reject) => ready({ call, end: (e) => (e === undefined ? resolve() : reject(e)), done, n: 0 })), { atomic: true });
    });

  async function close(e?: unknown): Promise<void> {
    const b = open;
    open = null;
    if (!b) return;
    b.end(e);
    await b.done.catch((x: unknown) => {
      if (e === undefined) throw x;
    });
  }

  return {
    async call(method, input) {
      open ??= await begin();
      const r = await open.call(method, input, { actor: 'demo' });
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      if (++open.n >= size) await close();
      return r.value;
    },
    flush: () => close(),
    abandon: (e) => close(e ?? new Error('Dừng tạo dữ liệu mẫu.')),
  };
}
