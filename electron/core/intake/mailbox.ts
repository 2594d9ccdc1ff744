/**
 * The office mailbox's settings and state. A run is started by the poller
 * when due or by intake.mailbox.check; a failed run is tried again after
 * 30 s, 1, 2, 5 and then every 10 minutes, and the state says why.
 */
import { fieldError } from '../../../shared/api/errors';
import type { Output, ParsedInput } from '../../../shared/api/index';
import type { CallContext, HandlerMap } from '../context';
import { revealedSecret, secretProtection, updatedSecret, type StoredSecret } from '../secrets';
import { fetchMailbox, imapClient, mailError, type MailAccount } from './mail-fetch';
import { announce, runtimeOf, type IntakeRuntime, type MailState } from './runtime';

const SETTINGS_KEY = 'intake.mailbox';
const SYNC_KEY = 'intake.mailbox.lastSyncAt';
export const DEFAULT_RETRY_MS = [30_000, 60_000, 120_000, 300_000, 600_000] as const;
const DEFAULT_EVERY_MS = 60_000;

interface Mailbox {
  enabled: boolean;
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  password: StoredSecret | null;
  folders: string[];
  afterFetch: 'leave' | 'seen';
}

const readMailbox = (ctx: Pick<CallContext, 'stores'>) => ctx.stores.settings.get<Mailbox>(SETTINGS_KEY);

function publicState(rt: IntakeRuntime, m: Mailbox | null, stored: string | null): MailState {
  const s = rt.mail;
  if (!m?.enabled) return { status: 'off', lastSyncAt: s.lastSyncAt ?? stored, error: null, nextTryAt: null };
  // Switched on and not yet tried: the first run is coming.
  return { status: s.status === 'off' ? 'connecting' : s.status, lastSyncAt: s.lastSyncAt ?? stored, error: s.error, nextTryAt: s.nextTryAt };
}

async function view(ctx: CallContext, m: Mailbox | null): Promise<Output<'intake.mailbox.get'>> {
  return {
    enabled: m?.enabled ?? false,
    host: m?.host ?? '',
    port: m?.port ?? 993,
    security: m?.security ?? 'tls',
    username: m?.username ?? '',
    hasPassword: !!m?.password,
    passwordProtection: secretProtection(ctx.host, m?.password ?? null),
    folders: m?.folders ?? ['INBOX'],
    afterFetch: m?.afterFetch ?? 'leave',
    state: publicState(runtimeOf(ctx), m, await ctx.stores.settings.get<string>(SYNC_KEY)),
  };
}

function account(ctx: CallContext, m: Pick<Mailbox, 'host' | 'port' | 'security' | 'username' | 'folders' | 'afterFetch'>, password: StoredSecret | null): MailAccount {
  return { host: m.host, port: m.port, security: m.security, username: m.username, password: revealedSecret(ctx.host, password) ?? '', folders: m.folders, afterFetch: m.afterFetch };
}

/** One run now (or the one under way); the state after it. Errors are kept in the state, not thrown. */
export function runMailbox(rt: IntakeRuntime): Promise<MailState> {
  if (rt.mailRun) return rt.mailRun;
  const run = (async (): Promise<MailState> => {
    const ctx = rt.background('intake.mailbox.check');
    const m = await readMailbox(ctx);
    if (!m?.enabled) {
      rt.mail = { status: 'off', lastSyncAt: rt.mail.lastSyncAt, error: null, nextTryAt: null, failures: 0 };
      return publicState(rt, m, null);
    }
    rt.mail = { ...rt.mail, status: 'connecting' };
    try {
      const added = await fetchMailbox(() => rt.background('intake.mailbox.check'), account(ctx, m, m.password), rt.options.mailCa);
      const at = ctx.now();
      await rt.background('intake.mailbox.check').stores.settings.put(SYNC_KEY, at);
      const next = new Date(new Date(at).getTime() + (rt.options.mailEveryMs ?? DEFAULT_EVERY_MS)).toISOString();
      rt.mail = { status: 'ok', lastSyncAt: at, error: null, nextTryAt: next, failures: 0 };
      rt.mailDueAt = Date.now() + (rt.options.mailEveryMs ?? DEFAULT_EVERY_MS);
      announce(rt, added);
    } catch (e) {
      const delays = rt.options.mailRetryMs ?? DEFAULT_RETRY_MS;
      const failures = rt.mail.failures + 1;
      const wait = delays[Math.min(failures, delays.length) - 1] ?? DEFAULT_EVERY_MS;
      const next = new Date(new Date(ctx.now()).getTime() + wait).toISOString();
      rt.mail = { status: 'error', lastSyncAt: rt.mail.lastSyncAt, error: `Lỗi: ${mailError(e)}`, nextTryAt: next, failures };
      rt.mailDueAt = Date.now() + wait;
    }
    return publicState(rt, m, null);
  })();
  rt.mailRun = run.finally(() => (rt.mailRun = null));
  return rt.mailRun;
}

/** The poller's question: is a run due now? Timed by the machine's clock, whatever clock the core shows. */
export function mailboxDue(rt: IntakeRuntime): boolean {
  return !rt.mailRun && Date.now() >= rt.mailDueAt;
}

type Methods = 'intake.mailbox.get' | 'intake.mailbox.update' | 'intake.mailbox.check' | 'intake.mailbox.test';

async function storedPassword(ctx: CallContext, given: string | undefined) {
  return updatedSecret(ctx.host, (await readMailbox(ctx))?.password ?? null, given);
}

function checkFolders(v: ParsedInput<'intake.mailbox.update'>) {
  const seen = new Set<string>();
  for (const [i, f] of v.folders.entries()) {
    if (seen.has(f)) throw fieldError('VALIDATION', `folders.${i}`, `Thư mục thư "${f}" đã chọn rồi.`);
    seen.add(f);
  }
}

export const mailboxHandlers: HandlerMap<Methods> = {
  'intake.mailbox.get': async (ctx) => view(ctx, await readMailbox(ctx)),

  'intake.mailbox.update': async (ctx, v) => {
    checkFolders(v);
    const before = await readMailbox(ctx);
    const m: Mailbox = { enabled: v.enabled, host: v.host, port: v.port, security: v.security, username: v.username, password: await storedPassword(ctx, v.password), folders: v.folders, afterFetch: v.afterFetch };
    await ctx.stores.settings.put(SETTINGS_KEY, m);
    // New settings are tried at the next tick, not after the old ones' retry delay.
    const rt = runtimeOf(ctx);
    rt.mail = { ...rt.mail, status: v.enabled ? rt.mail.status : 'off', nextTryAt: null, failures: 0 };
    rt.mailDueAt = 0;
    const after = await view(ctx, m);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before: before ? await view(ctx, before) : null, after });
    return after;
  },

  'intake.mailbox.check': async (ctx) => runMailbox(runtimeOf(ctx)),

  'intake.mailbox.test': async (ctx, v) => {
    const client = imapClient(account(ctx, v, await storedPassword(ctx, v.password)), runtimeOf(ctx).options.mailCa, true);
    try {
      await client.connect();
      return { ok: true, message: `Kết nối được hộp thư ${v.username} trên ${v.host}.` };
    } catch (e) {
      return { ok: false, message: `Không kết nối được: ${mailError(e)}` };
    } finally {
      client.close();
    }
  },
};
