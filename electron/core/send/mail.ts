/** Building what goes upward: the files checked, the recipients from the unit list, a MIME message, a .zip. */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import MailComposer from 'nodemailer/lib/mail-composer';
import { fieldError } from '../../../shared/api/errors';
import type { CallContext } from '../context';

export interface SendFile {
  path: string;
  name: string;
}

export function checkFiles(paths: readonly string[]): SendFile[] {
  return paths.map((p, i) => {
    const file = path.resolve(p);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw fieldError('VALIDATION', `files.${i}`, `Không tìm thấy tệp ${p}.`);
    return { path: file, name: path.basename(file) };
  });
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
  const seen = new Set<string>();
  for (const f of files) {
    let name = f.name;
    for (let i = 2; seen.has(name); i++) name = f.name.replace(/(\.[^.]*)?$/, `-${i}$1`);
    seen.add(name);
    zip.file(name, fs.readFileSync(f.path));
  }
  fs.writeFileSync(target, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}
