/**
 * Files cross the API as handles. Each finding of the "Trust" review that let
 * a user read or write any file of the PC has a test here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { HANDLE_TTL_MS } from '../../electron/core/file-store';
import { err, heldPath, makeCore, ok, standardAgency, tempDir, upload, type TestCore } from '../support/core';
import { post, startWeb, type RunningWeb } from '../support/web';

/** Property names that would carry a path of this PC. */
const PATHLIKE = /(path|paths|dir|directory|folder|file|files)$/i;

/** A free text field (optional ones are "string or null"); a sort direction ('asc' | 'desc') is a choice, not a path. */
function isText(schema: unknown): boolean {
  const s = (schema ?? {}) as { type?: string; enum?: unknown; anyOf?: unknown[] };
  return (s.type === 'string' && !s.enum) || (s.anyOf ?? []).some(isText);
}

function pathProperties(schema: unknown, at = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[]; oneOf?: unknown[]; allOf?: unknown[] };
  const out: string[] = [];
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    const type = (v as { type?: string }).type;
    if (PATHLIKE.test(k) && isText(v)) out.push(`${at}${k}`);
    if (type === 'array' && PATHLIKE.test(k) && isText((v as { items?: unknown }).items)) out.push(`${at}${k}[]`);
    out.push(...pathProperties(v, `${at}${k}.`));
  }
  for (const sub of [s.items, ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) out.push(...pathProperties(sub, at));
  return out;
}

describe('files by handle in the core', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await makeCore();
    ok(await t.core.call('agency.update', standardAgency));
  });
  afterAll(() => t.close());

  it('no method takes a filesystem path, except the backup folder and the watched folders settings', () => {
    const found = t.core.describe().flatMap((m) => pathProperties(m.input).map((p) => `${m.name}: ${p}`));
    expect(found).toEqual(['backup.updateSettings: dir', 'intake.folders.add: path', 'intake.folders.update: path']);
  });

  it('send.package of a backup and /etc/shadow is refused: files are handles, and nothing is written', async () => {
    const e = err(await t.core.call('send.package', { files: ['/etc/shadow', t.dbPath] } as never));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields[0]?.path).toBe('files.0');
    // A made-up handle is no better than a path.
    expect(err(await t.core.call('send.package', { files: [{ fileId: 'a'.repeat(24) }] })).code).toBe('NOT_FOUND');
  });

  it('attachments.add takes an upload, never a path on the PC (not /etc/passwd, not the live -wal file)', async () => {
    const doc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-03-05', senderName: 'Sở Nội vụ', notation: '5/TB-SNV', documentDate: '2025-03-04', subject: 'Thông báo' }));
    for (const sourcePath of ['/etc/passwd', `${t.dbPath}-wal`]) {
      const e = err(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: doc.id, fileName: 'x.txt', sourcePath } as never));
      expect(e.fields.map((f) => f.path)).toContain('fileId');
    }
    expect(ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: doc.id })).items).toEqual([]);
  });

  it('a FIFO named as a path cannot freeze a request: templates, imports and task documents take handles', async () => {
    const dir = tempDir();
    const fifo = path.join(dir, 'treo');
    execFileSync('mkfifo', [fifo]);
    const answers = await Promise.all([
      t.core.call('templates.set', { export: 'monthlyReport', path: fifo } as never),
      t.core.call('imports.registerXlsx', { kind: 'incoming', path: fifo, dryRun: true } as never),
      t.core.call('tasks.readDocument', { fileName: 'a.docx', path: fifo } as never),
    ]);
    for (const a of answers) expect(a.ok ? [] : a.error.fields.map((f) => f.path)).toContain('fileId');
  });

  it('an upload is kept under a safe name; its bytes are what was sent', async () => {
    const fileId = await upload(t.core, '..\\..\\Windows\\win.ini', 'nội dung');
    const held = await heldPath(t.core, { fileId });
    expect(path.basename(held)).toBe('win.ini');
    expect(held.startsWith(t.dir)).toBe(true);
    expect(fs.readFileSync(held, 'utf8')).toBe('nội dung');
    expect(err(await t.core.upload(null, 'rong.txt', Buffer.alloc(0))).message).toContain('rỗng');
  });
});

describe('handles belong to their user and expire', () => {
  it('another user gets NOT_FOUND; no session is UNAUTHORIZED; an old handle is gone', async () => {
    let now = new Date('2026-12-01T08:00:00Z').getTime();
    const dir = tempDir();
    const core = await createCore({ dbPath: path.join(dir, 'a.sqlite'), clock: () => new Date(now) });
    ok(await core.call('auth.setupAdmin', { username: 'admin', fullName: 'Quản trị', password: 'mat-khau-dai-1' }));
    const admin = ok(await core.call('auth.login', { username: 'admin', password: 'mat-khau-dai-1' })).session;
    ok(await core.call('users.create', { username: 'vanthu', fullName: 'Văn thư', password: 'mat-khau-dai-2', role: 'clerk' }, { session: admin }));
    const clerk = ok(await core.call('auth.login', { username: 'vanthu', password: 'mat-khau-dai-2' })).session;
    const fileId = await upload(core, 'bao-cao.txt', 'của quản trị', admin);
    expect(ok(await core.download(admin, fileId)).name).toBe('bao-cao.txt');
    expect(err(await core.download(clerk, fileId)).code).toBe('NOT_FOUND');
    expect(err(await core.download(null, fileId)).code).toBe('UNAUTHORIZED');
    expect(err(await core.call('files.save', { fileId }, { session: clerk })).code).toBe('NOT_FOUND');
    now += HANDLE_TTL_MS + 1000;
    const later = ok(await core.call('auth.login', { username: 'admin', password: 'mat-khau-dai-1' })).session;
    expect(err(await core.download(later, fileId)).code).toBe('NOT_FOUND');
    await core.close();
  });

  it('the desktop saves through its dialog in the main process; a cancel saves nothing', async () => {
    const dir = tempDir();
    const saved: string[] = [];
    const answers = [true, false];
    const core = await createCore({ dbPath: path.join(dir, 'a.sqlite'), host: { saveFile: async (source, name) => (saved.push(`${name}:${fs.readFileSync(source, 'utf8')}`), answers.shift() ?? false) } });
    const fileId = await upload(core, 'thu.txt', 'abc');
    expect(ok(await core.call('files.save', { fileId }))).toEqual({ saved: true, downloadUrl: null });
    expect(ok(await core.call('files.save', { fileId }))).toEqual({ saved: false, downloadUrl: null });
    expect(saved).toEqual(['thu.txt:abc', 'thu.txt:abc']);
    await core.close();
  });
});

describe('files in the browser shell', () => {
  let web: RunningWeb;
  beforeAll(async () => {
    web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'w.sqlite')]);
  });
  afterAll(() => web.stop());

  async function login(username: string, password: string): Promise<string> {
    return ((await post(web, 'auth.login', { username, password })).body.value as { session: string }).session;
  }
  const uploadTo = (name: string, body: string, session: string, token = web.token) =>
    fetch(`${web.origin}/api/files`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-session': session, 'x-file-name': encodeURIComponent(name) }, body });

  it('uploads with token and session, downloads for its owner only; the old export route is gone', async () => {
    await post(web, 'auth.setupAdmin', { username: 'admin', fullName: 'Quản trị', password: 'mat-khau-dai-1' });
    const admin = await login('admin', 'mat-khau-dai-1');
    await post(web, 'users.create', { username: 'vt', fullName: 'Văn thư', password: 'mat-khau-dai-2', role: 'clerk' }, web.token, admin);
    const clerk = await login('vt', 'mat-khau-dai-2');
    await post(web, 'agency.update', standardAgency, web.token, admin);

    expect((await uploadTo('a.txt', 'x', '', 'sai')).status).toBe(401);
    expect((await uploadTo('a.txt', 'x', '')).status).toBe(401);
    const up = await uploadTo('Bản quét.pdf', '%PDF-1.4 quét', clerk);
    expect(up.status).toBe(200);
    const { fileId } = ((await up.json()) as { value: { fileId: string } }).value;

    const get = (session: string | null) => fetch(`${web.origin}/api/files/${fileId}`, { headers: { authorization: `Bearer ${web.token}`, ...(session !== null ? { 'x-session': session } : {}) } });
    const mine = await get(clerk);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toContain("filename*=UTF-8''B%E1%BA%A3n%20qu%C3%A9t.pdf");
    expect(Buffer.from(await mine.arrayBuffer()).toString()).toBe('%PDF-1.4 quét');
    expect((await get(null)).status).toBe(401);
    expect((await get(admin)).status).toBe(404);
    // The token in the query no longer opens files, and the exports folder is not served by name.
    expect((await fetch(`${web.origin}/api/files/${fileId}?token=${web.token}&session=${clerk}`)).status).toBe(401);
    expect((await fetch(`${web.origin}/api/files/exports/goi.zip?token=${web.token}`)).status).toBe(401);

    // An export is a handle the maker downloads; the register's bytes never reach another user.
    const exp = await post(web, 'exports.incomingRegister', { from: '2025-01-01', to: '2025-12-31', format: 'xlsx' }, web.token, clerk);
    const handle = exp.body.value as { fileId: string; name: string; size: number };
    expect(handle.name).toBe('So-van-ban-den_2025-01-01_2025-12-31.xlsx');
    const save = await post(web, 'files.save', { fileId: handle.fileId }, web.token, clerk);
    expect(save.body.value).toEqual({ saved: false, downloadUrl: `/api/files/${handle.fileId}` });
    const dl = await fetch(`${web.origin}/api/files/${handle.fileId}`, { headers: { authorization: `Bearer ${web.token}`, 'x-session': clerk } });
    expect(Buffer.from(await dl.arrayBuffer()).length).toBe(handle.size);
    expect((await fetch(`${web.origin}/api/files/${handle.fileId}`, { headers: { authorization: `Bearer ${web.token}`, 'x-session': admin } })).status).toBe(404);
  });
});
