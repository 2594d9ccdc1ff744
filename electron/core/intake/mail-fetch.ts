/**
 * One run over the office mailbox: for each chosen folder, the messages with
 * a UID above the last one taken (all of them again when the server changed
 * the folder's UIDVALIDITY), each attachment an item, a message of text
 * alone one item of its text. A message's parts are remembered by
 * Message-ID + sha256, so a renumbered folder never gives an item twice.
 * Nothing is deleted on the server; \Seen is set only when the office chose it.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import JSZip from 'jszip';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { CallContext } from '../context';
import { addItem, type ArrivedFile } from './items';
import { inTransaction } from '../stores';

export interface MailAccount {
  host: string;
  port: number;
  security: 'tls' | 'starttls';
  username: string;
  password: string;
  folders: string[];
  afterFetch: 'leave' | 'seen';
}

/** The files the reader reads, and zips of them. */
export const DOCUMENT_FILE = /\.(pdf|jpe?g|png|tiff?|docx|edxml)$/i;
const MAX_MESSAGE_BYTES = 60 * 1024 * 1024;
const FETCH_BATCH = 10;

export function imapClient(a: Omit<MailAccount, 'folders' | 'afterFetch'>, ca: string | undefined, verifyOnly = false): ImapFlow {
  const tls: NonNullable<ImapFlowOptions['tls']> & { ca?: string } = { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(ca ? { ca } : {}) };
  const client = new ImapFlow({
    host: a.host,
    port: a.port,
    secure: a.security === 'tls',
    doSTARTTLS: a.security === 'starttls' ? true : undefined,
    auth: { user: a.username, pass: a.password },
    tls,
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    verifyOnly,
  });
  // A dropped line is told by the failing command; the event alone must not end the process.
  client.on('error', () => undefined);
  return client;
}

/** Why a run failed, in the clerk's words. */
export function mailError(e: unknown): string {
  const err = e as { authenticationFailed?: boolean; code?: string; message?: string; responseText?: string };
  if (err.authenticationFailed) return 'máy chủ thư không nhận tên đăng nhập hoặc mật khẩu.';
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return 'máy chủ thư không trả lời (kết nối bị từ chối).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'không tìm thấy máy chủ thư (kiểm tra tên máy chủ và mạng).';
  if (code === 'ETIMEDOUT' || code === 'ETIMEOUT' || code === 'CONNECT_TIMEOUT' || code === 'GREETING_TIMEOUT') return 'máy chủ thư không trả lời kịp (mạng chậm hoặc mất kết nối).';
  if (/certificate|self[- ]signed|CERT_/i.test(`${code} ${err.message ?? ''}`)) return `chứng thư TLS của máy chủ thư không hợp lệ (${err.message ?? code}).`;
  return `${err.responseText ?? err.message ?? String(e)}`;
}

/** The documents inside a zip (one level); a broken zip gives none. */
export async function expandZip(content: Buffer): Promise<ArrivedFile[]> {
  const zip = await JSZip.loadAsync(content).catch(() => null);
  if (!zip) return [];
  const out: ArrivedFile[] = [];
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && DOCUMENT_FILE.test(entry.name)) out.push({ name: path.basename(entry.name), content: await entry.async('nodebuffer') });
  }
  return out;
}

async function documentsOf(mail: ParsedMail): Promise<ArrivedFile[]> {
  const out: ArrivedFile[] = [];
  for (const a of mail.attachments) {
    const name = path.basename(a.filename ?? '');
    if (DOCUMENT_FILE.test(name)) out.push({ name, content: a.content });
    else if (/\.zip$/i.test(name)) out.push(...(await expandZip(a.content)));
  }
  return out;
}

interface Fetched {
  uid: number;
  source: Buffer;
  internalDate: Date | null;
}

const sha = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');

/** Turns one message into items, in the caller's transaction; the parts taken before are skipped. */
async function takeMessage(ctx: CallContext, folder: string, m: Fetched): Promise<number> {
  const mail = await simpleParser(m.source);
  const key = mail.messageId ?? `sha256:${sha(m.source)}`;
  const origin = {
    kind: 'mail' as const,
    from: mail.from?.value[0]?.address ?? mail.from?.text ?? '',
    subject: mail.subject ?? '',
    receivedAt: (m.internalDate ?? mail.date ?? new Date(ctx.now())).toISOString(),
    folder,
  };
  const files = await documentsOf(mail);
  const parts = files.length ? files.map((f) => ({ key: `${key}#${sha(f.content)}`, files: [f], text: null })) : [{ key: `${key}#text`, files: [], text: (mail.text ?? '').trim() }];
  let added = 0;
  for (const p of parts) {
    if (!(await ctx.stores.intake.markMailTaken(p.key, ctx.now()))) continue;
    await addItem(ctx, origin, p.files, p.text);
    added++;
  }
  return added;
}

/** The UIDs of the new messages of one folder, oldest first. */
async function newUids(client: ImapFlow, from: number): Promise<number[]> {
  const found = await client.search({ uid: `${from}:*` }, { uid: true });
  // "N:*" names the last message even when its UID is below N.
  return (found || []).filter((uid) => uid >= from).sort((a, b) => a - b);
}

/** A few messages at a time: a first run over a full mailbox never holds all of it in memory. */
async function fetchBatch(client: ImapFlow, uids: number[]): Promise<Fetched[]> {
  const out: Fetched[] = [];
  for await (const msg of client.fetch(uids.join(','), { uid: true, source: true, internalDate: true, size: true }, { uid: true })) {
    if (!msg.source || (msg.size ?? msg.source.length) > MAX_MESSAGE_BYTES) continue;
    const date = msg.internalDate;
    out.push({ uid: msg.uid, source: msg.source, internalDate: date ? new Date(date) : null });
  }
  return out.sort((a, b) => a.uid - b.uid);
}

/** One message's items and the folder's new place, in one transaction. */
function takeAndRecord(bg: () => CallContext, place: { folder: string; validity: string }, m: Fetched): Promise<number> {
  return inTransaction(bg(), async (tx) => {
    const n = await takeMessage(tx, place.folder, m);
    await tx.stores.intake.setMailPlace(place.folder, place.validity, m.uid);
    return n;
  });
}

/** A whole run; the count of new items. Each message is committed with the folder's new place, so a line that drops mid-run loses nothing and repeats nothing. */
export async function fetchMailbox(bg: () => CallContext, a: MailAccount, ca: string | undefined): Promise<number> {
  const client = imapClient(a, ca);
  await client.connect();
  let added = 0;
  try {
    for (const folder of a.folders) {
      const lock = await client.getMailboxLock(folder);
      try {
        const box = client.mailbox;
        if (typeof box === 'boolean') continue;
        const validity = String(box.uidValidity);
        const ctx = bg();
        const place = await ctx.stores.intake.mailPlace(folder);
        // A changed UIDVALIDITY: the folder is read again, and the taken keys keep each part once.
        const kept = place && place.uid_validity === validity ? place.last_uid : 0;
        const from = kept + 1;
        const uids = box.exists > 0 ? await newUids(client, from) : [];
        for (let i = 0; i < uids.length; i += FETCH_BATCH) {
          for (const m of await fetchBatch(client, uids.slice(i, i + FETCH_BATCH))) {
            added += await takeAndRecord(bg, { folder, validity }, m);
            if (a.afterFetch === 'seen') await client.messageFlagsAdd(String(m.uid), ['\\Seen'], { uid: true });
          }
        }
        if (uids.length === 0) await ctx.stores.intake.setMailPlace(folder, validity, kept);
      } finally {
        lock.release();
      }
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return added;
}
