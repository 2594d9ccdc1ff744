/**
 * The office mailbox against a real IMAP server (dovecot on 127.0.0.1, TLS):
 * messages with a signed PDF, an edXML package and a zip become items once
 * each, also after a restart of the core, after the server was down for a
 * while, and after the server renumbered the folder; a message of text alone
 * becomes an item of its text; nothing is deleted or marked on the server
 * unless the office chose \Seen.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../electron/core/index';
import type { Input } from '../../shared/api/index';
import { makeCore, ok, standardAgency, tempDir, type TestCore } from '../support/core';
import { noDovecot, startImap, type RunningImap } from '../support/imap';
import { readAll } from '../support/intake';
import { issue, signPdf, unsignedPdf } from '../support/pki';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/incoming-documents');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const clock = () => new Date('2026-11-25T09:00:00+07:00');
if (noDovecot) console.log(noDovecot);

function message(o: Mail.Options): Promise<Buffer> {
  return new Promise((resolve, reject) => new MailComposer({ from: 'van.thu@stc.langson.gov.vn', to: 'vanthu@so-tnmt.test', ...o }).compile().build((e, b) => (e ? reject(e) : resolve(b))));
}

async function signedPdf(): Promise<Buffer> {
  const notBefore = new Date('2026-01-01T00:00:00Z');
  const notAfter = new Date('2027-12-31T00:00:00Z');
  const root = await issue({ cn: 'CA thử nghiệm', ca: true, notBefore, notAfter });
  const signer = await issue({ cn: 'Sở Tài chính', o: 'UBND tỉnh Lạng Sơn', issuer: root, ca: false, notBefore, notAfter });
  const at = new Date('2026-11-24T08:00:00Z');
  return signPdf(unsignedPdf('Cong van 15/STC-QLNS', 'So Tai chinh', at), { signer, chain: [root], signedAt: at });
}

describe.skipIf(noDovecot !== null)('intake from the office mailbox (IMAP, dovecot)', () => {
  let imap: RunningImap;
  let t: TestCore;
  const dir = tempDir();
  const events: CoreEvent[] = [];
  const open = async () => {
    t = await makeCore({ clock, dir, options: { intake: { mailCa: imap.ca } } });
    t.core.onEvent((e) => events.push(e));
  };
  const check = async () => ok(await t.core.call('intake.mailbox.check', {}));
  /** Every item, whatever became of it, in the order it came. */
  const all = async () => {
    await readAll(t.core);
    const lists = await Promise.all((['waiting', 'registered'] as const).map(async (status) => ok(await t.core.call('intake.list', { status, pageSize: 500 })).items));
    return lists.flat().sort((a, b) => a.id - b.id);
  };
  let account: Input<'intake.mailbox.update'>;

  beforeAll(async () => {
    imap = await startImap();
    account = { enabled: true, host: imap.host, port: imap.port, security: 'tls', username: imap.username, password: imap.password, folders: ['INBOX'], afterFetch: 'leave' };
    await open();
    ok(await t.core.call('agency.update', standardAgency));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await imap?.close();
  });

  it('takes a signed PDF, an edXML package, a zip of documents and a text-only message once each', async () => {
    const pdf = await signedPdf();
    const zip = await new JSZip().file('giay-moi.pdf', fixture('gm-ubnd-tien-yen-nong-thon-moi.pdf')).file('ghi-chu.txt', 'không phải văn bản').generateAsync({ type: 'nodebuffer' });
    await imap.append(await message({ subject: 'Công văn 15/STC-QLNS (có chữ ký số)', messageId: '<m1@stc.test>', text: 'Gửi kèm công văn.', attachments: [{ filename: 'cong-van-15.pdf', content: pdf }] }));
    await imap.append(await message({ subject: 'Gói edXML', messageId: '<m2@snv.test>', text: 'Gói liên thông.', attachments: [{ filename: 'cv-snv-lang-son-can-bo-xa.edxml', content: fixture('cv-snv-lang-son-can-bo-xa.edxml') }] }));
    await imap.append(await message({ subject: 'Giấy mời (nén)', messageId: '<m3@ubnd.test>', text: 'Tệp nén.', attachments: [{ filename: 'giay-moi.zip', content: zip }] }));
    await imap.append(await message({ subject: 'Đề nghị cung cấp số liệu', messageId: '<m4@ubnd.test>', text: 'Đề nghị Sở gửi số liệu quý IV trước ngày 30/11/2026.' }));
    expect(ok(await t.core.call('intake.mailbox.update', account)).state.status).toBe('connecting');
    const state = await check();
    expect(state).toMatchObject({ status: 'ok', error: null });
    expect(state.lastSyncAt).toBe(clock().toISOString());
    const items = await all();
    expect(items.map((i) => [i.origin.kind === 'mail' && i.origin.subject, i.files.map((f) => f.name)])).toEqual([
      ['Công văn 15/STC-QLNS (có chữ ký số)', ['cong-van-15.pdf']],
      ['Gói edXML', ['cv-snv-lang-son-can-bo-xa.edxml']],
      ['Giấy mời (nén)', ['giay-moi.pdf']],
      ['Đề nghị cung cấp số liệu', []],
    ]);
    expect(items[0]!.origin).toMatchObject({ kind: 'mail', from: 'van.thu@stc.langson.gov.vn', folder: 'INBOX' });
    expect(items[3]!.text).toBe('Đề nghị Sở gửi số liệu quý IV trước ngày 30/11/2026.');
    expect(items.map((i) => i.reading)).toEqual(['done', 'done', 'done', 'done']);
    expect(items[1]!.fields?.notation).toBe('1532/SNV-CCVC');
    expect(items[2]!.fields?.notation).toBe('87/GM-UBND');
    // The signed bytes are kept as they came: the signature still verifies.
    const got = ok(await t.core.call('intake.get', { id: items[0]!.id }));
    expect(fs.readFileSync(ok(await t.core.download(null, got.files[0]!.fileId)).path).equals(pdf)).toBe(true);
    // An edXML package is registered with the package (for the status answers) and the document inside it.
    const fields = items[1]!.fields!;
    const { incomingId } = ok(await t.core.call('intake.register', { id: items[1]!.id, document: { arrivalDate: '2026-11-25', senderName: fields.senderName ?? 'Sở Nội vụ', notation: fields.notation, documentDate: fields.documentDate, subject: fields.subject ?? 'Văn bản' } }));
    const attached = ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: incomingId })).items.map((a) => a.fileName);
    expect(attached[0]).toBe('cv-snv-lang-son-can-bo-xa.edxml');
    expect(attached.slice(1).some((n) => n.endsWith('.pdf'))).toBe(true);
    expect(events.filter((e) => e.type === 'intake.new')).toEqual([{ type: 'intake.new', count: 4 }]);
    // Asked again: nothing new.
    await check();
    expect(await all()).toHaveLength(4);
    expect(ok(await t.core.call('intake.list', { status: 'registered' })).total).toBe(1);
  }, 120_000);

  it('after a restart of the core nothing is taken again', async () => {
    await t.close();
    await open();
    expect((await check()).status).toBe('ok');
    expect(await all()).toHaveLength(4);
  }, 60_000);

  it('while the server is down the state says so and the delays grow; once it is back, new mail comes without duplicates', async () => {
    await imap.stop();
    const first = await check();
    expect(first.status).toBe('error');
    expect(first.error).toContain('kết nối bị từ chối');
    const second = await check();
    const after = (s: typeof first) => new Date(s.nextTryAt!).getTime() - clock().getTime();
    expect([after(first), after(second)]).toEqual([30_000, 60_000]);
    expect(ok(await t.core.call('intake.mailbox.get', {})).state).toMatchObject({ status: 'error', nextTryAt: second.nextTryAt });
    await imap.start();
    await imap.append(await message({ subject: 'Sau khi mạng có lại', messageId: '<m5@stc.test>', attachments: [{ filename: 'quyet-dinh.pdf', content: fixture('qd-ubnd-thanh-hoa-to-cong-tac.pdf') }] }));
    expect(await check()).toMatchObject({ status: 'ok', error: null });
    const items = await all();
    expect(items).toHaveLength(5);
    expect(items[4]!.files.map((f) => f.name)).toEqual(['quyet-dinh.pdf']);
  }, 60_000);

  it('a folder renumbered by the server (new UIDVALIDITY) is read again, and still gives each message once', async () => {
    const before = await imap.messages();
    const validity = await imap.uidValidity();
    await imap.renumber();
    expect(await imap.uidValidity()).not.toBe(validity);
    await check();
    expect(await all()).toHaveLength(5);
    // Nothing was deleted or marked on the server.
    const now = await imap.messages();
    expect(now.map((m) => m.messageId)).toEqual(before.map((m) => m.messageId));
    expect(now.every((m) => !m.flags.includes('\\Seen'))).toBe(true);
  }, 60_000);

  it('marks fetched mail \\Seen only when the office chose so, and connects by STARTTLS too', async () => {
    ok(await t.core.call('intake.mailbox.update', { ...account, port: imap.starttlsPort, security: 'starttls', password: undefined, afterFetch: 'seen' }));
    await imap.append(await message({ subject: 'Qua STARTTLS', messageId: '<m6@stc.test>', attachments: [{ filename: 'thong-bao.pdf', content: fixture('tb-vp-ubnd-quang-ninh-ket-luan.pdf') }] }));
    expect((await check()).status).toBe('ok');
    expect(await all()).toHaveLength(6);
    const flags = (await imap.messages()).map((m) => [m.messageId, m.flags.includes('\\Seen')]);
    expect(flags.at(-1)).toEqual(['<m6@stc.test>', true]);
    expect(flags.slice(0, -1).every(([, seen]) => !seen)).toBe(true);
    expect(ok(await t.core.call('intake.mailbox.test', { ...account, port: imap.starttlsPort, security: 'starttls' })).ok).toBe(true);
    expect(ok(await t.core.call('intake.mailbox.test', { ...account, password: 'sai-mat-khau' }))).toMatchObject({ ok: false, message: expect.stringContaining('mật khẩu') });
  }, 60_000);

  it('the core fetches by itself while it runs, and tells the renderer', async () => {
    await t.close();
    t = await makeCore({ clock, dir, options: { intakeEveryMs: 100, intake: { mailCa: imap.ca, mailEveryMs: 200 } } });
    const news: CoreEvent[] = [];
    t.core.onEvent((e) => e.type === 'intake.new' && news.push(e));
    ok(await t.core.call('intake.mailbox.update', account));
    const had = (await all()).length;
    // The first run finds nothing new; the message comes after it.
    for (let i = 0; i < 150 && ok(await t.core.call('intake.mailbox.get', {})).state.status !== 'ok'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(news).toEqual([]);
    await imap.append(await message({ subject: 'Tự nhận', messageId: '<m7@stc.test>', attachments: [{ filename: 'cong-van.pdf', content: fixture('cv-stc-ngan-sach.pdf') }] }));
    for (let i = 0; i < 150 && news.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(news).toEqual([{ type: 'intake.new', count: 1 }]);
    expect(await all()).toHaveLength(had + 1);
  }, 60_000);
});
