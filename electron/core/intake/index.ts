/** The intake queue's methods, and what the core starts for it (reader, mailbox, watched folders). */
import type { HandlerMap } from '../context';
import type { CallContext } from '../context';
import { foldersHandlers, scanFolders } from './folders';
import { mailboxDue, mailboxHandlers, runMailbox } from './mailbox';
import { notificationsHandlers } from './notifications';
import { queueHandlers } from './queue';
import { createRuntime, kickReader, type IntakeOptions } from './runtime';

type IntakeMethods = keyof typeof queueHandlers | keyof typeof mailboxHandlers | keyof typeof foldersHandlers | keyof typeof notificationsHandlers;

export const intakeHandlers: HandlerMap<IntakeMethods> = { ...queueHandlers, ...mailboxHandlers, ...foldersHandlers, ...notificationsHandlers };

export type { IntakeOptions };

/**
 * Starts the queue's background work: the reader resumes items left
 * unread by the last run; with `everyMs`, watched folders are scanned and
 * the mailbox fetched when due. `stop` waits for what is under way.
 */
export function startIntake(background: (method: CallContext['method']) => CallContext, options: IntakeOptions) {
  const events = background('intake.list').events;
  const rt = createRuntime(events, options, background);
  // Files added by hand are read once their transaction is committed.
  const onEvent = (e: { type?: string; method?: string }) => {
    if (e.type === 'data.changed' && e.method === 'intake.addFiles') kickReader(rt);
  };
  events.on('event', onEvent);
  kickReader(rt);
  let ticking: Promise<void> | null = null;
  const tick = async () => {
    await scanFolders(rt).catch((e: unknown) => console.error(`Thư mục theo dõi: ${e instanceof Error ? e.message : String(e)}`));
    if (mailboxDue(rt)) await runMailbox(rt);
  };
  const timer = options.everyMs
    ? setInterval(() => {
        if (ticking || rt.stopped) return;
        ticking = tick().finally(() => (ticking = null));
      }, options.everyMs)
    : null;
  return {
    async stop() {
      rt.stopped = true;
      if (timer) clearInterval(timer);
      events.off('event', onEvent);
      await Promise.allSettled([ticking, rt.mailRun, rt.reading]);
    },
  };
}
