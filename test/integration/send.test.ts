import fs from 'node:fs';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { err, makeCore, ok, standardAgency, tempDir, type TestCore } from '../support/core';
import { withDb } from '../support/db';
import { startSmtp } from '../support/smtp';

let now = new Date('2026-11-25T09:00:00+07:00').getTime();
const clock = () => new Date(now);
const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

/** A core on the folder's database, found again when the app is opened again there. */
async function core(dir: string): Promise<TestCore> {
  const t = await makeCore({ dir, clock });
  open.push(t.core);
  return t;
}

/** The bytes behind one of the caller's handles. */
async function bytesOf(c: Core, fileId: string): Promise<Buffer> {
  return fs.readFileSync(ok(await c.download(null, fileId)).path);
}

/** Two files as an office sends them, uploaded: a Word report (binary) and an Excel table. */
async function files(c: Core) {
  const bytes = [Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)), Buffer.from('PK\u0003\u0004 bảng số liệu tháng 10', 'utf8')];
  const refs: { fileId: string }[] = [];
  for (const [i, name] of ['Bao-cao-thang-10.docx', 'Số liệu TTHC.xlsx'].entries()) refs.push({ fileId: ok(await c.upload(null, name, bytes[i]!)).fileId });
  return { refs, bytes };
}

async function setUp() {
  const dir = tempDir();
  const { core: c, database } = await core(dir);
  ok(await c.call('agency.update', standardAgency));
  const unit = ok(await c.call('units.create', { name: 'Văn phòng UBND tỉnh Lạng Sơn', kind: 'external', email: 'vpubnd@langson.gov.vn' })).id;
  const noMail = ok(await c.call('units.create', { name: 'Tỉnh ủy Lạng Sơn', kind: 'external' })).id;
  return { dir, database, c, unit, noMail, attachments: await files(c) };
}

const subject = 'Báo cáo kết quả thực hiện nhiệm vụ tháng 10 năm 2026';

describe('sending upward', () => {
  it('writes an .eml draft that a MIME parser reads back with every attachment byte-identical', async () => {
    const s = await setUp();
    const files = s.attachments.refs;
    expect(err(await s.c.call('send.draft', { files, toUnitIds: [s.noMail], subject, body: 'x' })).fields[0]!.message).toContain('chưa có địa chỉ thư');
    const r = ok(await s.c.call('send.draft', { files, toUnitIds: [s.unit], to: ['VanThu@langson.gov.vn'], subject, body: 'Kính gửi Văn phòng UBND tỉnh,\nSở gửi báo cáo tháng 10.' }));
    expect(r.name.endsWith('.eml')).toBe(true);
    const mail = await simpleParser(await bytesOf(s.c, r.fileId));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Sở gửi báo cáo tháng 10.');
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address))).toEqual(['vpubnd@langson.gov.vn', 'vanthu@langson.gov.vn']);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Bao-cao-thang-10.docx', 'Số liệu TTHC.xlsx']);
    mail.attachments.forEach((a, i) => expect(a.content.equals(s.attachments.bytes[i]!)).toBe(true));
  });

  it('packs the files into one .zip', async () => {
    const s = await setUp();
    const r = ok(await s.c.call('send.package', { files: s.attachments.refs }));
    const zip = await JSZip.loadAsync(await bytesOf(s.c, r.fileId));
    expect(Object.keys(zip.files).sort()).toEqual(['Bao-cao-thang-10.docx', 'Số liệu TTHC.xlsx']);
    expect((await zip.file('Bao-cao-thang-10.docx')!.async('nodebuffer')).equals(s.attachments.bytes[0]!)).toBe(true);
  });

  it('queues while the server is down, delivers exactly once when it is up, and loses nothing across a restart', async () => {
    const s = await setUp();
    // A port nothing listens on yet.
    const probe = await startSmtp('accept');
    const port = probe.port;
    await probe.close();

    ok(await s.c.call('send.updateSettings', { host: '127.0.0.1', port, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
    const queued = ok(await s.c.call('send.queue', { files: s.attachments.refs, toUnitIds: [s.unit], subject, body: 'Kính gửi.' }));
    expect(queued.status).toBe('pending');
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 0, failed: 1 });
    const failed = ok(await s.c.call('send.outbox', {})).items[0]!;
    expect(failed).toEqual(expect.objectContaining({ status: 'error', attempts: 1, lastError: expect.stringContaining('Chưa gửi được') }));

    // The app is closed and opened again while the line is down; the uploaded originals go with the run.
    await s.c.close();
    open.splice(open.indexOf(s.c), 1);
    const again = (await core(s.dir)).core;
    expect(ok(await again.call('send.outbox', {})).items.map((i) => i.status)).toEqual(['error']);

    const server = await startSmtp('accept', { port });
    try {
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 }); // not due yet
      now += 61_000;
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 1, failed: 0 });
      now += 3_600_000;
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
      const mail = await simpleParser(server.received[0]!);
      expect(mail.subject).toBe(subject);
      expect(mail.attachments.map((a, i) => a.content.equals(s.attachments.bytes[i]!))).toEqual([true, true]);
      expect(ok(await again.call('send.outbox', {})).items[0]).toEqual(expect.objectContaining({ status: 'sent', attempts: 1 }));
    } finally {
      await server.close();
    }
  });

  it('does not send again by itself a message the app was sending when it stopped: its fate is unknown', async () => {
    const s = await setUp();
    ok(await s.c.call('send.updateSettings', { host: '127.0.0.1', port: 1, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
    const q = ok(await s.c.call('send.queue', { files: s.attachments.refs, toUnitIds: [s.unit], subject, body: 'x' }));
    await s.c.close();
    open.splice(open.indexOf(s.c), 1);
    await withDb({ database: s.database }, (db) => db.run("update outbox set status = 'sending' where id = ?", q.id), { write: true });
    const again = (await core(s.dir)).core;
    if (s.database.engine === 'postgres') {
      // On PostgreSQL another app server may be sending it right now: it is left alone until silent for half an hour.
      expect(ok(await again.call('send.outbox', {})).items[0]).toEqual(expect.objectContaining({ status: 'sending' }));
      now += 31 * 60_000;
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 });
    }
    const item = ok(await again.call('send.outbox', {})).items[0]!;
    expect(item).toEqual(expect.objectContaining({ status: 'unknown', lastError: expect.stringContaining('có thể đã đi') }));
    now += 86_400_000;
    expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 });
  });
});
