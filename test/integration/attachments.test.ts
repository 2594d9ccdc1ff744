import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, makeCore, ok, standardAgency, tempDir, upload, type TestCore } from '../support/core';
import { post, startWeb, type RunningWeb } from '../support/web';

let t: TestCore;
let docId: number;
beforeAll(async () => {
  t = await makeCore();
  ok(await t.core.call('agency.update', standardAgency));
  docId = ok(await t.core.call('incoming.register', { arrivalDate: '2025-03-05', senderName: 'Sở Nội vụ', notation: '5/TB-SNV', documentDate: '2025-03-04', subject: 'Thông báo' })).id;
});
afterAll(() => t.close());

describe('attachments', () => {
  it('copies the file into the data folder under its content hash', async () => {
    const content = Buffer.from('%PDF-1.4 bản quét văn bản đến');
    const a = ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: docId, fileId: await upload(t.core, 'Công văn 5.pdf', content) }));
    const sha = crypto.createHash('sha256').update(content).digest('hex');
    expect(a).toMatchObject({ fileName: 'Công văn 5.pdf', size: content.length, mediaType: 'application/pdf', sha256: sha });
    const stored = path.join(t.dir, 'attachments', sha.slice(0, 2), sha);
    expect(fs.readFileSync(stored)).toEqual(content);
    ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: docId, fileId: await upload(t.core, 'scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])) }));
    expect(ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: docId })).items.map((i) => i.fileName)).toEqual(['Công văn 5.pdf', 'scan.png']);
  });

  it('refuses too large, empty, unknown-owner and missing files with clear messages', async () => {
    const e = err(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: docId, fileId: await upload(t.core, 'big.pdf', Buffer.alloc(50 * 1024 * 1024 + 10, 1)) }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/quá lớn/);
    expect(err(await t.core.upload(null, 'rong.pdf', Buffer.alloc(0))).message).toMatch(/rỗng/);
    expect(err(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: 999, fileId: await upload(t.core, 'a.pdf', 'a') })).code).toBe('NOT_FOUND');
    expect(err(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: docId } as never)).fields[0]?.path).toBe('fileId');
  });

  it('removing keeps the file (soft delete)', async () => {
    const a = ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: docId, fileId: await upload(t.core, 'tam.txt', 'tạm') }));
    ok(await t.core.call('attachments.remove', { id: a.id }));
    expect(ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: docId })).items.map((i) => i.id)).not.toContain(a.id);
    expect(fs.existsSync(path.join(t.dir, 'attachments', a.sha256.slice(0, 2), a.sha256))).toBe(true);
  });
});

describe('attachments in the browser shell', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'w.sqlite')]);
  });
  afterAll(() => web.stop());

  it('downloads the stored bytes with the file name; the token is required', async () => {
    await post(web, 'agency.update', standardAgency);
    const d = await post(web, 'incoming.register', { arrivalDate: '2025-03-05', senderName: 'Sở Tư pháp', notation: '9/CV-STP', documentDate: '2025-03-01', subject: 'Công văn' });
    const bytes = crypto.randomBytes(3000);
    const up = await fetch(`${web.origin}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${web.token}`, 'x-file-name': encodeURIComponent('Bản quét.pdf') }, body: new Uint8Array(bytes) });
    const { fileId } = ((await up.json()) as { value: { fileId: string } }).value;
    const a = await post(web, 'attachments.add', { ownerKind: 'incoming', ownerId: (d.body.value as { id: number }).id, fileId });
    const open = await post(web, 'attachments.open', { id: (a.body.value as { id: number }).id });
    const v = open.body.value as { opened: boolean; file: { fileId: string; name: string } };
    expect(v.opened).toBe(false);
    expect(v.file.name).toBe('Bản quét.pdf');
    const res = await fetch(`${web.origin}/api/files/${v.file.fileId}`, { headers: { authorization: `Bearer ${web.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''B%E1%BA%A3n%20qu%C3%A9t.pdf");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    expect((await fetch(`${web.origin}/api/files/${v.file.fileId}`)).status).toBe(401);
  });
});
