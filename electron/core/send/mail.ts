/** Building what goes upward: the files checked, the recipients from the unit list, a MIME message, a .zip, its delivery. */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { fieldError } from '../../../shared/api/errors';
import type { SendFileRef } from '../../../shared/api/send';
import { readableAttachment } from '../attachments/handlers';
import type { CallContext, SmtpTimeouts } from '../context';

export interface SendFile {
  path: string;
  name: string;
}

/** The caller's handles and the attachments they may see, each under a name of its own (report.txt, report-2.txt…). */
export async function resolveFiles(ctx: CallContext, refs: readonly SendFileRef[]): Promise<SendFile[]> {
  const seen = new Set<string>();
  const out: SendFile[] = [];
  for (const [i, ref] of refs.entries()) {
    const f = 'fileId' in ref ? ctx.files.get(ctx.user, ref.fileId, `files.${i}`) : await readableAttachment(ctx, ref.attachmentId, `files.${i}`).then((a) => ({ path: a.file, name: a.row.file_name }));
    let name = f.name;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = f.name.replace(/(\.[^.]*)?$/, `-${n}$1`);
    seen.add(name.toLowerCase());
    out.push({ path: f.path, name });
  }
  return out;
}

/** The receiving units' addresses, then the typed ones; a unit without an address is named. */
export async function recipients(ctx: CallContext, unitIds: readonly number[], typed: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  if (unitIds.length) {
    const units = await ctx.stores.send.unitAddresses(unitIds);
    for (const [i, id] of unitIds.entries()) {
      const u = units.find((x) => x.id === id);
      if (!u) throw fieldError('VALIDATION', `toUnitIds.${i}`, `Đơn vị nhận: không có đơn vị mã ${id}.`);
      if (!u.email) throw fieldError('VALIDATION', `toUnitIds.${i}`, `${u.name} chưa có địa chỉ thư điện tử: nhập ở trang Đơn vị.`);
      out.push(u.email);
    }
  }
  const all = [...new Set([...out, ...typed.map((t) => t.toLowerCase())])];
  if (!all.length) throw fieldError('VALIDATION', 'to', 'Chọn đơn vị nhận hoặc nhập địa chỉ thư điện tử.');
  return all;
}

export interface MailParts {
  from: string;
  to: string[];
  subject: string;
  body: string;
  files: SendFile[];
  messageId?: string;
  /** A draft for the mail program: opened as a new message, not as one received. */
  draft?: boolean;
}

export function composeMessage(m: MailParts): Promise<Buffer> {
  const composer = new MailComposer({
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.body,
    ...(m.messageId ? { messageId: m.messageId } : {}),
    headers: m.draft ? { 'X-Unsent': '1' } : {},
    attachments: m.files.map((f) => ({ filename: f.name, path: f.path })),
  });
  return new Promise((resolve, reject) => composer.compile().build((err, message) => (err ? reject(err) : resolve(message))));
}

export async function writeZip(files: SendFile[], target: string): Promise<void> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, fs.readFileSync(f.path));
  fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

export const defaultSmtpTimeouts: SmtpTimeouts = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

export interface SmtpServer {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

/**
 * A delivery that failed. `mayHaveArrived`: the message had begun to go to the
 * server, which may have taken it although no answer came back.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly mayHaveArrived: boolean,
  ) {
    super(message);
  }
}

/** The server answered the message itself with a refusal (4xx/5xx after the final dot): it did not take it. */
function refusedMessage(e: unknown): boolean {
  const { code, responseCode } = e as { code?: unknown; responseCode?: unknown };
  return code === 'EMESSAGE' && typeof responseCode === 'number' && responseCode >= 400;
}

/**
 * One message over one SMTP session. smtp-connection pipes the message only
 * after the server has accepted MAIL, RCPT and DATA (354), so the first read
 * of the message tells the phases apart: a failure before it (refused
 * connection, login, recipient, greeting timeout) left nothing at the server;
 * any failure after it, except an explicit refusal, may have delivered it.
 */
export function deliver(server: SmtpServer, envelope: { from: string; to: string[] }, raw: Buffer, t: SmtpTimeouts): Promise<void> {
  const conn = new SMTPConnection({ host: server.host, port: server.port, secure: server.secure, connectionTimeout: t.connectionMs, greetingTimeout: t.greetingMs, socketTimeout: t.socketMs, logger: false });
  let reading = false;
  const message = new Readable({
    read() {
      reading = true;
      this.push(raw);
      this.push(null);
    },
  });
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      conn.close();
      reject(new DeliveryError(e instanceof Error ? e.message : String(e), reading && !refusedMessage(e)));
    };
    // The connection also emits what it hands to the callbacks; an unheard 'error' would throw.
    conn.on('error', fail);
    const send = () =>
      conn.send(envelope, message, (e) => {
        if (e) return fail(e);
        settled = true;
        conn.quit();
        resolve();
      });
    conn.connect((e) => {
      if (e) return fail(e);
      if (server.user && conn.allowsAuth) conn.login({ user: server.user, pass: server.password }, (le) => (le ? fail(le) : send()));
      else send();
    });
  });
}
