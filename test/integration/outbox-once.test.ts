/**
 * Mail goes out at most once. A server that may have taken the message (line
 * dropped after the data, answer after the client's timeout) gets it once,
 * whatever the outbox does by itself; a second copy only after the clerk's
 * "Gửi lại". Queuing copies the files first: when that fails nothing is queued.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/index';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { failInserts, rowsOf, withDb } from '../support/db';
import { startSmtp, type SmtpMode, type TestSmtp } from '../support/smtp';

let now = new Date('2026-11-25T09:00:00+07:00').getTime();
const clock = () => new Date(now);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const f of cleanups.splice(0).reverse()) await f();
});

const subject = 'Báo cáo tình hình thực hiện nhiệm vụ tháng 11 năm 2026';

/** A core whose SMTP client waits 1 s for an answer, so that a late server is found out without slowing the suite. */
async function setUp(mode: SmtpMode) {
  const t = await makeCore({ clock, options: { smtpTimeouts: { connectionMs: 5000, greetingMs: 5000, socketMs: 1000 } } });
  const { dir, core: c } = t;
  cleanups.push(() => t.close());
  const smtp = await startSmtp(mode, { lateMs: 2500 });
  cleanups.push(() => smtp.close());
  ok(await c.call('send.updateSettings', { host: '127.0.0.1', port: smtp.port, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
  const file = { fileId: ok(await c.upload(null, 'Bao-cao-thang-11.docx', Buffer.from('báo cáo tháng 11'))).fileId };
  return { dir, t, c, smtp, file };
}

/** The outbox left to itself for a day: "Gửi ngay" again and again, the clock past every retry delay. */
async function runForADay(c: Core): Promise<void> {
  for (let i = 0; i < 26; i++) {
    ok(await c.call('send.process', {}));
    now += 3_600_000;
  }
}

async function only(c: Core) {
  const items = ok(await c.call('send.outbox', {})).items;
  expect(items).toHaveLength(1);
  return items[0]!;
}

async function auditActions(t: TestCore): Promise<string[]> {
  return (await rowsOf<{ action: string }>(t, "select action from audit_log join audit_kinds using (kind) where entity = 'outbox' order by id")).map((r) => r.action);
}

/** The outbox and the audit log, every row and column. */
function snapshot(t: TestCore): Promise<unknown> {
  return withDb(t, async (db) => ({ outbox: await db.rows('select * from outbox order by id'), audit: await db.rows('select * from audit_log order by id') }));
}

function filesUnder(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];
}

async function queueOne(s: { c: Core; file: { fileId: string } }) {
  return ok(await s.c.call('send.queue', { files: [s.file], to: ['vpubnd@langson.gov.vn'], subject, body: 'Kính gửi Văn phòng UBND tỉnh.' }));
}

async function expectOnceThenUnknown(c: Core, smtp: TestSmtp, reason: RegExp) {
  await runForADay(c);
  expect(smtp.received).toHaveLength(1);
  const item = await only(c);
  expect(item).toEqual(expect.objectContaining({ status: 'unknown', attempts: 1 }));
  expect(item.lastError).toContain('Chưa rõ đã gửi được chưa');
  expect(item.lastError).toMatch(reason);
  return item;
}

describe('mail goes out at most once', () => {
  it('a server that drops the line after DATA gets the message once; only "Gửi lại" sends it again', async () => {
    const s = await setUp('drop');
    const q = await queueOne(s);
    await expectOnceThenUnknown(s.c, s.smtp, /Connection closed/);
    expect((await simpleParser(s.smtp.received[0]!)).subject).toBe(subject);

    s.smtp.mode = 'accept';
    expect(ok(await s.c.call('send.retry', { id: q.id })).status).toBe('pending');
    await runForADay(s.c);
    expect(s.smtp.received).toHaveLength(2);
    expect(await only(s.c)).toEqual(expect.objectContaining({ status: 'sent', lastError: null }));
    expect(await auditActions(s.t)).toEqual(['send.queue', 'send.retry']);
  });

  it('a server that answers after the client has stopped waiting gets the message once; "Gửi lại" sends it again, "Đánh dấu đã gửi" settles it', async () => {
    const s = await setUp('late');
    const q = await queueOne(s);
    await expectOnceThenUnknown(s.c, s.smtp, /Timeout/i);

    ok(await s.c.call('send.retry', { id: q.id }));
    ok(await s.c.call('send.process', {}));
    expect(s.smtp.received).toHaveLength(2);
    expect((await only(s.c)).status).toBe('unknown');

    const marked = ok(await s.c.call('send.markSent', { id: q.id }));
    expect(marked).toEqual(expect.objectContaining({ status: 'sent', sentAt: new Date(now).toISOString(), lastError: null }));
    await runForADay(s.c);
    expect(s.smtp.received).toHaveLength(2);
    const refused = err(await s.c.call('send.retry', { id: q.id }));
    expect(refused).toEqual(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('“Đã gửi”') }));
    expect(err(await s.c.call('send.markSent', { id: q.id })).code).toBe('CONFLICT');
    expect(err(await s.c.call('send.cancel', { id: q.id })).code).toBe('CONFLICT');
    expect(await auditActions(s.t)).toEqual(['send.queue', 'send.retry', 'send.markSent']);
  });

  it('a failure before DATA (recipient refused) stays an error and is tried again by itself after the growing delay', async () => {
    const s = await setUp('refuseRcpt');
    const q = await queueOne(s);
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 0, failed: 1 });
    expect(await only(s.c)).toEqual(expect.objectContaining({ status: 'error', attempts: 1, lastError: expect.stringContaining('Chưa gửi được') }));
    expect(err(await s.c.call('send.markSent', { id: q.id })).code).toBe('CONFLICT');
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 0, failed: 0 }); // not due before a minute
    now += 61_000;
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 0, failed: 1 });
    expect(s.smtp.rcptAttempts).toBe(2);
    s.smtp.mode = 'accept';
    now += 121_000;
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 1, failed: 0 });
    expect(s.smtp.received).toHaveLength(1);
  });

  it('"Gửi lại", "Đánh dấu đã gửi" and "Hủy" change nothing when their audit row cannot be written', async () => {
    const s = await setUp('drop');
    const q = await queueOne(s);
    await expectOnceThenUnknown(s.c, s.smtp, /Connection closed/);
    const before = await only(s.c);
    for (const method of ['send.retry', 'send.markSent', 'send.cancel'] as const) {
      await withDb(
        s.t,
        async (db) => {
          const undo = await failInserts(db, 'audit_log', 'nhật ký hỏng', method);
          expect(err(await s.c.call(method, { id: q.id })).message).toContain('nhật ký hỏng');
          expect(await only(s.c)).toEqual(before);
          await undo();
        },
        { write: true },
      );
    }
    expect(ok(await s.c.call('send.cancel', { id: q.id })).status).toBe('cancelled');
    expect(await auditActions(s.t)).toEqual(['send.queue', 'send.cancel']);
    await runForADay(s.c);
    expect(s.smtp.received).toHaveLength(1);
  });
});

describe('queuing copies the files first', () => {
  it('two files named alike arrive as two attachments with distinct names and their own contents', async () => {
    const s = await setUp('accept');
    const a = ok(await s.c.upload(null, 'report.txt', Buffer.from('báo cáo của phòng A')));
    const b = ok(await s.c.upload(null, 'report.txt', Buffer.from('báo cáo của phòng B, dài hơn')));
    const q = ok(await s.c.call('send.queue', { files: [{ fileId: a.fileId }, { fileId: b.fileId }], to: ['vpubnd@langson.gov.vn'], subject, body: 'x' }));
    expect(q.files).toEqual(['report.txt', 'report-2.txt']);
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 1, failed: 0 });
    const mail = await simpleParser(s.smtp.received[0]!);
    expect(mail.attachments.map((x) => [x.filename, x.content.toString('utf8')])).toEqual([
      ['report.txt', 'báo cáo của phòng A'],
      ['report-2.txt', 'báo cáo của phòng B, dài hơn'],
    ]);
  });

  it('a full disk while copying queues nothing: no message, no audit row, no copy left, and the answer says so', async () => {
    const s = await setUp('accept');
    const second = { fileId: ok(await s.c.upload(null, 'Phu-luc.xlsx', Buffer.from('phụ lục'))).fileId };
    const tables = await snapshot(s.t);
    const copy = fs.copyFileSync.bind(fs);
    let copies = 0;
    vi.spyOn(fs, 'copyFileSync').mockImplementation((from, to, mode) => {
      if (++copies === 2) throw Object.assign(new Error('ENOSPC: no space left on device, copyfile'), { code: 'ENOSPC' });
      copy(from, to, mode);
    });
    const e = err(await s.c.call('send.queue', { files: [s.file, second], to: ['vpubnd@langson.gov.vn'], subject, body: 'x' }));
    expect(copies).toBe(2);
    expect(e).toEqual(expect.objectContaining({ code: 'IO', message: expect.stringContaining('Thư chưa được đưa vào hộp thư đi') }));
    expect(e.fields).toEqual([{ path: 'files.1', message: expect.stringContaining('“Phu-luc.xlsx” (ENOSPC)') }]);
    expect(e.message).not.toContain(s.dir);
    expect(await snapshot(s.t)).toEqual(tables);
    expect(filesUnder(path.join(s.dir, 'outbox'))).toEqual([]);
    vi.restoreAllMocks();
    await runForADay(s.c);
    expect(s.smtp.received).toHaveLength(0);
  });

  it('a message that cannot be written after its files were copied leaves neither the message nor the copies', async () => {
    const s = await setUp('accept');
    const tables = await snapshot(s.t);
    await withDb(
      s.t,
      async (db) => {
        const undo = await failInserts(db, 'outbox', 'database or disk is full');
        expect(err(await s.c.call('send.queue', { files: [s.file], to: ['vpubnd@langson.gov.vn'], subject, body: 'x' })).message).toContain('disk is full');
        await undo();
      },
      { write: true },
    );
    expect(await snapshot(s.t)).toEqual(tables);
    expect(filesUnder(path.join(s.dir, 'outbox'))).toEqual([]);
    // The same request goes through once the disk has room.
    await queueOne(s);
    expect(ok(await s.c.call('send.process', {}))).toEqual({ sent: 1, failed: 0 });
    expect(s.smtp.received).toHaveLength(1);
    expect(filesUnder(path.join(s.dir, 'outbox'))).toHaveLength(1);
  });
});
