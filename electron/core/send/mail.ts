/** Building what goes upward: the files checked, the recipients from the unit list, a MIME message, a .zip. */
import fs from 'node:fs';
import JSZip from 'jszip';
import MailComposer from 'nodemailer/lib/mail-composer';
import { fieldError } from '../../../shared/api/errors';
import type { SendFileRef } from '../../../shared/api/send';
import { readableAttachment } from '../attachments';
import type { CallContext } from '../context';

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
    const units = await ctx.db.selectFrom('units').select(['id', 'name', 'email']).where('id', 'in', [...unitIds]).execute();
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
