/**
 * Sending upward when the line comes and goes: a message is queued with
 * copies of its files, tried when due, and on failure tried again with a
 * growing delay (1, 2, 4 … minutes, at most an hour). It is marked 'sending'
 * in its own transaction before the SMTP exchange and 'sent' after, so a
 * crash in between never leads to an automatic second send. Mail goes out at
 * most once: a failure after the message began to go to the server (the line
 * dropped, the answer never came) leaves it 'unknown', and only the clerk
 * sends it again or marks it sent.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fieldError } from '../../../shared/api/errors';
import type { Output } from '../../../shared/api/index';
import { outboxStatusLabels } from '../../../shared/api/send';
import type { CallContext, HandlerMap } from '../context';
import { writeExport } from '../file-store';
import { revealedSecret, secretProtection, updatedSecret, type StoredSecret } from '../secrets';
import { composeMessage, defaultSmtpTimeouts, deliver, DeliveryError, recipients, resolveFiles, writeZip, type SendFile } from './mail';
import { inTransaction } from '../stores';
import type { OutboxChange, OutboxRow } from './store';

const SETTINGS_KEY = 'smtp';
type Item = Output<'send.outbox'>['items'][number];
type Row = OutboxRow;
interface Smtp {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  from: string;
  password: StoredSecret | null;
}

export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

async function readSmtp(ctx: Pick<CallContext, 'stores'>): Promise<Smtp | null> {
  return ctx.stores.settings.get<Smtp>(SETTINGS_KEY);
}

function view(s: Smtp | null, ctx: CallContext): Output<'send.settings'> {
  return {
    host: s?.host ?? '',
    port: s?.port ?? 587,
    secure: s?.secure ?? false,
    user: s?.user ?? '',
    from: s?.from ?? '',
    hasPassword: !!s?.password,
    passwordProtection: secretProtection(ctx.host, s?.password ?? null),
  };
}

function toItem(r: Row): Item {
  return {
    id: r.id,
    to: JSON.parse(r.to_json) as string[],
    subject: r.subject,
    files: (JSON.parse(r.attachments_json) as SendFile[]).map((f) => f.name),
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

async function loadItem(ctx: CallContext, id: number): Promise<Item> {
  const r = await ctx.stores.send.get(id);
  if (!r) throw fieldError('NOT_FOUND', 'id', `Không có thư mã ${id} trong hộp thư đi.`);
  return toItem(r);
}

function failure(e: unknown): DeliveryError {
  return e instanceof DeliveryError ? e : new DeliveryError(e instanceof Error ? e.message : String(e), false);
}

/** One due message: claimed, sent, recorded. Errors are kept on the message, not thrown. */
async function sendOne(ctx: CallContext, smtp: Smtp, row: Row): Promise<boolean> {
  if (!(await ctx.stores.send.claim(row.id, ctx.now()))) return false;
  const to = JSON.parse(row.to_json) as string[];
  let failed: DeliveryError | null = null;
  try {
    const password = revealedSecret(ctx.host, smtp.password);
    const raw = await composeMessage({ from: smtp.from, to, subject: row.subject, body: row.body, files: JSON.parse(row.attachments_json) as SendFile[], messageId: row.message_id });
    await deliver({ host: smtp.host, port: smtp.port, secure: smtp.secure, user: smtp.user, password: password ?? '' }, { from: smtp.from, to }, raw, ctx.smtpTimeouts ?? defaultSmtpTimeouts);
  } catch (e) {
    failed = failure(e);
  }
  // Outside the try: failing to record a delivery must not make it look undelivered (the row stays 'sending', settled at the next start).
  if (!failed) {
    await ctx.stores.send.change(row.id, { status: 'sent', sent_at: ctx.now(), last_error: null }, ctx.now());
    return true;
  }
  const attempts = row.attempts + 1;
  if (failed.mayHaveArrived) {
    const reason = `Chưa rõ đã gửi được chưa: ${failed.message}. Máy chủ có thể đã nhận thư nên thư không tự gửi lại. Hãy kiểm tra hộp thư đã gửi hoặc hỏi nơi nhận, rồi bấm “Gửi lại” hoặc “Đánh dấu đã gửi”.`;
    await ctx.stores.send.change(row.id, { status: 'unknown', attempts, last_error: reason }, ctx.now());
    return false;
  }
  const next = new Date(new Date(ctx.now()).getTime() + retryDelayMs(attempts)).toISOString();
  await ctx.stores.send.change(row.id, { status: 'error', attempts, next_attempt_at: next, last_error: `Chưa gửi được: ${failed.message}` }, ctx.now());
  return false;
}

/** Sends what is due; called by the shells every few seconds and by "Gửi ngay". */
export async function processOutbox(ctx: CallContext): Promise<{ sent: number; failed: number }> {
  // Another app server on the same database may have stopped in the middle of a send.
  if (ctx.engine === 'postgres') await settleInterrupted(ctx);
  const smtp = await readSmtp(ctx);
  if (!smtp) return { sent: 0, failed: 0 };
  const due = await ctx.stores.send.due(ctx.now(), 20);
  let sent = 0;
  for (const row of due) if (await sendOne(ctx, smtp, row)) sent++;
  return { sent, failed: due.length - sent };
}

/** After a crash during a send, the message may have left: it waits for the user instead of going twice. */
export async function settleInterrupted(ctx: Pick<CallContext, 'stores' | 'now' | 'engine'>): Promise<void> {
  // On SQLite this program is the only sender, so at its start every send in progress was cut off.
  // On PostgreSQL another app server may be sending right now: only a send silent for longer than any
  // send takes was cut off.
  const before = ctx.engine === 'postgres' ? new Date(new Date(ctx.now()).getTime() - SEND_CUT_OFF_MS).toISOString() : undefined;
  // Reading first: a read-only database must still open.
  if (!(await ctx.stores.send.anyIn('sending', before))) return;
  await ctx.stores.send.moveAll('sending', 'unknown', 'Chương trình bị tắt giữa lúc gửi: thư có thể đã đi. Kiểm tra hộp thư đã gửi rồi bấm “Gửi lại” hoặc “Đánh dấu đã gửi”.', ctx.now(), before);
}

/** Longer than a send can take (the SMTP timeouts allow half a minute of silence per step, a large attachment minutes). */
const SEND_CUT_OFF_MS = 30 * 60_000;

type Status = Row['status'];

/** The clerk's decision on one message, allowed only from the given statuses, recorded in the audit log of the same transaction. */
async function decide(ctx: CallContext, id: number, from: readonly Status[], only: string, set: OutboxChange): Promise<Item> {
  const before = await loadItem(ctx, id);
  if (!from.includes(before.status)) throw fieldError('CONFLICT', 'id', `Thư “${before.subject}” đang ở trạng thái “${outboxStatusLabels[before.status]}”: ${only}`);
  await ctx.stores.send.change(id, set, ctx.now());
  const after = await loadItem(ctx, id);
  const brief = (i: Item) => ({ status: i.status, lastError: i.lastError, sentAt: i.sentAt, nextAttemptAt: i.nextAttemptAt });
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'outbox', entityId: id, before: brief(before), after: brief(after) });
  return after;
}

/** The message's own copies of its files, under names of their own (the attachment names stay in the message); nothing is left when one fails. */
function copyFiles(files: readonly SendFile[], dir: string): SendFile[] {
  let at = 0;
  try {
    fs.mkdirSync(dir, { recursive: true });
    return files.map((f, i) => {
      at = i;
      const copy = path.join(dir, String(i + 1));
      fs.copyFileSync(f.path, copy, fs.constants.COPYFILE_EXCL);
      return { path: copy, name: f.name };
    });
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    // The system's code, not its message: that one names the core's folders.
    const code = (e as { code?: unknown }).code;
    throw fieldError('IO', `files.${at}`, `Không chép được tệp gửi kèm “${files[at]?.name ?? ''}” (${typeof code === 'string' ? code : 'lỗi đọc ghi'}); ổ đĩa có thể đã đầy. Thư chưa được đưa vào hộp thư đi; hãy giải phóng dung lượng rồi thử lại.`);
  }
}

export const sendHandlers: HandlerMap<'send.package' | 'send.draft' | 'send.queue' | 'send.outbox' | 'send.process' | 'send.retry' | 'send.markSent' | 'send.cancel' | 'send.settings' | 'send.updateSettings'> = {
  async 'send.package'(ctx, v) {
    const files = await resolveFiles(ctx, v.files);
    return writeExport(ctx.files, ctx.user, 'Goi-gui.zip', async (file) => {
      await writeZip(files, file);
      return files.length;
    });
  },
  async 'send.draft'(ctx, v) {
    const files = await resolveFiles(ctx, v.files);
    const to = await recipients(ctx, v.toUnitIds, v.to);
    const smtp = await readSmtp(ctx);
    const eml = await composeMessage({ from: smtp?.from ?? '', to, subject: v.subject, body: v.body, files, draft: true });
    const handle = await writeExport(ctx.files, ctx.user, 'Thu-gui.eml', async (file) => {
      fs.writeFileSync(file, eml);
      return files.length;
    });
    const opened = ctx.host.openPath ? await ctx.host.openPath(ctx.files.get(ctx.user, handle.fileId).path) : false;
    return { ...handle, to, opened };
  },
  async 'send.queue'(ctx, v) {
    const files = await resolveFiles(ctx, v.files);
    const to = await recipients(ctx, v.toUnitIds, v.to);
    const now = ctx.now();
    // The copies first (the originals may be moved or overwritten before the message leaves), then the message in one transaction.
    const dir = path.join(ctx.dataDir, 'outbox', crypto.randomUUID());
    const copies = copyFiles(files, dir);
    try {
      return await inTransaction(ctx, async (tx) => {
        const id = await tx.stores.send.insert({ message_id: `<${crypto.randomUUID()}@van-thu.local>`, to_json: JSON.stringify(to), subject: v.subject, body: v.body, attachments_json: JSON.stringify(copies), status: 'pending', next_attempt_at: now, created_at: now, updated_at: now });
        await tx.stores.audit.write({ at: now, actor: ctx.actor, action: ctx.method, entity: 'outbox', entityId: id, before: null, after: { to, subject: v.subject, files: files.map((f) => f.name) } });
        return loadItem(tx, id);
      });
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  },
  async 'send.outbox'(ctx) {
    const rows = await ctx.stores.send.list(200);
    return { items: rows.map(toItem) };
  },
  'send.process': (ctx) => processOutbox(ctx),
  'send.retry': (ctx, v) => decide(ctx, v.id, ['error', 'unknown'], 'chỉ gửi lại được thư lỗi hoặc chưa rõ đã gửi được chưa.', { status: 'pending', next_attempt_at: ctx.now() }),
  'send.markSent': (ctx, v) => decide(ctx, v.id, ['unknown'], 'chỉ đánh dấu đã gửi được thư chưa rõ đã gửi được chưa.', { status: 'sent', sent_at: ctx.now(), last_error: null }),
  'send.cancel': (ctx, v) => decide(ctx, v.id, ['pending', 'error', 'unknown'], 'chỉ hủy được thư chưa gửi.', { status: 'cancelled' }),
  async 'send.settings'(ctx) {
    return view(await readSmtp(ctx), ctx);
  },
  async 'send.updateSettings'(ctx, v) {
    const before = await readSmtp(ctx);
    const password = updatedSecret(ctx.host, before?.password ?? null, v.password);
    const s: Smtp = { host: v.host, port: v.port, secure: v.secure, user: v.user, from: v.from, password };
    await ctx.stores.settings.put(SETTINGS_KEY, s);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: null, before: view(before, ctx), after: view(s, ctx) });
    return view(s, ctx);
  },
};
