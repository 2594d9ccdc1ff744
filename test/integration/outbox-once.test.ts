/**
 * Mail goes out at most once. A server that may have taken the message (line
 * dropped after the data, answer after the client's timeout) gets it once,
 * whatever the outbox does by itself; a second copy only after the clerk's
 * "Gửi lại".
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { err, ok, tempDir } from '../support/core';
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
  const dir = tempDir();
  const c = await createCore({ dbPath: path.join(dir, 'van-thu.sqlite'), clock, smtpTimeouts: { connectionMs: 5000, greetingMs: 5000, socketMs: 1000 } });
  cleanups.push(() => c.close());
  const smtp = await startSmtp(mode, { lateMs: 2500 });
  cleanups.push(() => smtp.close());
  ok(await c.call('send.updateSettings', { host: '127.0.0.1', port: smtp.port, secure: false, user: '', from: 'stnmt@langson.gov.vn' }));
  const file = { fileId: ok(await c.upload(null, 'Bao-cao-thang-11.docx', Buffer.from('báo cáo tháng 11'))).fileId };
  return { dir, c, smtp, file };
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

function auditActions(c: Core): string[] {
  const db = new Database(c.dbPath, { readonly: true });
  try {
    return (db.prepare("select action from audit_log where entity = 'outbox' order by id").all() as { action: string }[]).map((r) => r.action);
  } finally {
    db.close();
  }
}

/** A statement on a second connection to the database file (a trigger that plays a failing disk). */
function withSql(c: Core, statement: string): void {
  const db = new Database(c.dbPath);
  try {
    db.exec(statement);
  } finally {
    db.close();
  }
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
    expect(auditActions(s.c)).toEqual(['send.queue', 'send.retry']);
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
    expect(auditActions(s.c)).toEqual(['send.queue', 'send.retry', 'send.markSent']);
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
      withSql(s.c, `create trigger no_audit before insert on audit_log when new.action = '${method}' begin select raise(abort, 'nhật ký hỏng'); end`);
      expect(err(await s.c.call(method, { id: q.id })).message).toContain('nhật ký hỏng');
      expect(await only(s.c)).toEqual(before);
      withSql(s.c, 'drop trigger no_audit');
    }
    expect(ok(await s.c.call('send.cancel', { id: q.id })).status).toBe('cancelled');
    expect(auditActions(s.c)).toEqual(['send.queue', 'send.cancel']);
    await runForADay(s.c);
    expect(s.smtp.received).toHaveLength(1);
  });
});
