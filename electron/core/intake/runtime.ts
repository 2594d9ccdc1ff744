/**
 * What runs in the background for the intake queue, once per core: the
 * reader (one item at a time, since OCR takes a core for seconds per page),
 * the mailbox's runs with their growing retry delays, and the watched
 * folders' scans. Found by the core's event emitter, as jobs are.
 */
import type { EventEmitter } from 'node:events';
import type { Output } from '../../../shared/api/index';
import type { CallContext } from '../context';
import { readPending } from './reader';

export type MailState = Output<'intake.mailbox.check'>;

export interface IntakeOptions {
  /** Scan watched folders (and look whether the mailbox is due) every this many ms; none: no poller (tests call the methods). */
  everyMs?: number;
  /** A file is taken once its size and time were unchanged for this long across two scans (default 2 s). */
  stableMs?: number;
  /** The mailbox is fetched every this many ms while the line is up (default one minute). */
  mailEveryMs?: number;
  /** Tests: the delays between failed mailbox runs (default 30 s, 1, 2, 5, 10 min). */
  mailRetryMs?: readonly number[];
  /** Tests: the certificate (PEM) of the test IMAP server's own CA. */
  mailCa?: string;
}

export interface FolderSeen {
  size: number;
  mtimeMs: number;
  since: number;
}

export interface IntakeRuntime {
  options: IntakeOptions;
  /** A context of the app itself (no signed-in user) on the current database. */
  background(method: CallContext['method']): CallContext;
  mail: MailState & { failures: number };
  mailRun: Promise<MailState> | null;
  /** When the poller runs the mailbox next (Date.now() milliseconds); 0: at the next tick. */
  mailDueAt: number;
  /** Per watched folder, what each file looked like when first seen so. */
  seen: Map<number, Map<string, FolderSeen>>;
  reading: Promise<void> | null;
  stopped: boolean;
}

const runtimes = new WeakMap<EventEmitter, IntakeRuntime>();

export function createRuntime(events: EventEmitter, options: IntakeOptions, background: IntakeRuntime['background']): IntakeRuntime {
  const rt: IntakeRuntime = {
    options,
    background,
    mail: { status: 'off', lastSyncAt: null, error: null, nextTryAt: null, failures: 0 },
    mailRun: null,
    mailDueAt: 0,
    seen: new Map(),
    reading: null,
    stopped: false,
  };
  runtimes.set(events, rt);
  return rt;
}

export function runtimeOf(ctx: Pick<CallContext, 'events'>): IntakeRuntime {
  const rt = runtimes.get(ctx.events);
  if (!rt) throw new Error('Chưa khởi động phần nhận văn bản (intake) của lõi.');
  return rt;
}

/** Starts the reader if it is idle; items that arrive meanwhile are picked up by the same run. */
export function kickReader(rt: IntakeRuntime): void {
  if (rt.reading || rt.stopped) return;
  rt.reading = readPending(rt)
    .catch((e: unknown) => console.error(`Đọc văn bản chờ vào sổ: ${e instanceof Error ? e.message : String(e)}`))
    .finally(() => (rt.reading = null));
}

/** Tells the renderer that items arrived, and reads them. */
export function announce(rt: IntakeRuntime, count: number): void {
  if (count === 0) return;
  const ctx = rt.background('intake.list');
  ctx.events.emit('event', { type: 'intake.new', count });
  ctx.events.emit('event', { type: 'data.changed', method: 'intake.list' });
  kickReader(rt);
}
