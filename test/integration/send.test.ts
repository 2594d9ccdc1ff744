import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { err, ok, standardAgency, tempDir } from '../support/core';

let now = new Date('2026-11-25T09:00:00+07:00').getTime();
const clock = () => new Date(now);
const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

async function core(dbPath: string): Promise<Core> {
  const c = await createCore({ dbPath, clock });
  open.push(c);
  return c;
}

/** Two files as an office sends them: a Word report (binary) and an Excel table. */
function files(dir: string): string[] {
  const a = path.join(dir, 'Bao-cao-thang-10.docx');
  const b = path.join(dir, 'Số liệu TTHC.xlsx');
  fs.writeFileSync(a, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256)));
  fs.writeFileSync(b, Buffer.from('PK\u0003\u0004 bảng số liệu tháng 10', 'utf8'));
  return [a, b];
}

async function setUp() {
  const dir = tempDir();
  const dbPath = path.join(dir, 'van-thu.sqlite');
  const c = await core(dbPath);
  ok(await c.call('agency.update', standardAgency));
  const unit = ok(await c.call('units.create', { name: 'Văn phòng UBND tỉnh Lạng Sơn', kind: 'external', email: 'vpubnd@langson.gov.vn' })).id;
  const noMail = ok(await c.call('units.create', { name: 'Tỉnh ủy Lạng Sơn', kind: 'external' })).id;
  return { dir, dbPath, c, unit, noMail, attachments: files(dir) };
}

const subject = 'Báo cáo kết quả thực hiện nhiệm vụ tháng 10 năm 2026';

describe('sending upward', () => {
  it('writes an .eml draft that a MIME parser reads back with every attachment byte-identical', async () => {
    const s = await setUp();
    expect(err(await s.c.call('send.draft', { files: s.attachments, toUnitIds: [s.noMail], subject, body: 'x', path: path.join(s.dir, 'thu') })).fields[0]!.message).toContain('chưa có địa chỉ thư');
    const r = ok(await s.c.call('send.draft', { files: s.attachments, toUnitIds: [s.unit], to: ['VanThu@langson.gov.vn'], subject, body: 'Kính gửi Văn phòng UBND tỉnh,\nSở gửi báo cáo tháng 10.', path: path.join(s.dir, 'thu') }));
    expect(r.path.endsWith('.eml')).toBe(true);
    const mail = await simpleParser(fs.readFileSync(r.path));
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Sở gửi báo cáo tháng 10.');
    expect((Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value.map((v) => v.address))).toEqual(['vpubnd@langson.gov.vn', 'vanthu@langson.gov.vn']);
    expect(mail.attachments.map((a) => a.filename)).toEqual(['Bao-cao-thang-10.docx', 'Số liệu TTHC.xlsx']);
    mail.attachments.forEach((a, i) => expect(a.content.equals(fs.readFileSync(s.attachments[i]!))).toBe(true));
  });

  it('packs the files into one .zip', async () => {
    const s = await setUp();
    const r = ok(await s.c.call('send.package', { files: s.attachments, path: path.join(s.dir, 'goi-gui') }));
    const zip = await JSZip.loadAsync(fs.readFileSync(r.path));
    expect(Object.keys(zip.files).sort()).toEqual(['Bao-cao-thang-10.docx', 'Số liệu TTHC.xlsx']);
    expect((await zip.file('Bao-cao-thang-10.docx')!.async('nodebuffer')).equals(fs.readFileSync(s.attachments[0]!))).toBe(true);
  });

  it('queues while the server is down, delivers exactly once when it is up, and loses nothing across a restart', async () => {
    const s = await setUp();
    const received: string[] = [];
    const makeServer = () =>
      new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, done) {
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            received.push(Buffer.concat(chunks).toString('utf8'));
            done();
          });
        },
      });
    // A port nothing listens on yet.
    const probe = makeServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.server.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));

    ok(await s.c.call('send.updateSettings', { host: '127.0.0.1', port, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
    const queued = ok(await s.c.call('send.queue', { files: s.attachments, toUnitIds: [s.unit], subject, body: 'Kính gửi.' }));
    expect(queued.status).toBe('pending');
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 0, failed: 1 });
    const failed = ok(await s.c.call('send.outbox', {})).items[0]!;
    expect(failed).toEqual(expect.objectContaining({ status: 'error', attempts: 1, lastError: expect.stringContaining('Chưa gửi được') }));

    // The app is closed and opened again while the line is down; the originals are deleted meanwhile.
    await s.c.close();
    open.splice(open.indexOf(s.c), 1);
    for (const f of s.attachments) fs.rmSync(f);
    const again = await core(s.dbPath);
    expect(ok(await again.call('send.outbox', {})).items.map((i) => i.status)).toEqual(['error']);

    const server = makeServer();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 }); // not due yet
      now += 61_000;
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 1, failed: 0 });
      now += 3_600_000;
      expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 });
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0]!);
      expect(mail.subject).toBe(subject);
      expect(mail.attachments).toHaveLength(2);
      expect(ok(await again.call('send.outbox', {})).items[0]).toEqual(expect.objectContaining({ status: 'sent', attempts: 1 }));
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('does not send again by itself a message the app was sending when it stopped', async () => {
    const s = await setUp();
    ok(await s.c.call('send.updateSettings', { host: '127.0.0.1', port: 1, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
    const q = ok(await s.c.call('send.queue', { files: s.attachments, toUnitIds: [s.unit], subject, body: 'x' }));
    await s.c.close();
    open.splice(open.indexOf(s.c), 1);
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(s.dbPath);
    db.prepare("update outbox set status = 'sending' where id = ?").run(q.id);
    db.close();
    const again = await core(s.dbPath);
    const item = ok(await again.call('send.outbox', {})).items[0]!;
    expect(item).toEqual(expect.objectContaining({ status: 'error', lastError: expect.stringContaining('có thể đã đi') }));
    now += 86_400_000;
    expect(ok(await again.call('send.process', {}))).toEqual({ sent: 0, failed: 0 });
  });
});
