import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/core';
import { CALL_CHANNEL, DOWNLOAD_CHANNEL, UPLOAD_CHANNEL, EVENT_CHANNEL, registerIpc, type InvokeEventLike } from '../../electron/desktop/ipc';
import {
  APP_START_URL,
  isAllowedPermission,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  resolveAppPath,
  webPreferences,
  type FrameLike,
} from '../../electron/desktop/security';
import type { ApiResult } from '../../shared/api/errors';

describe('desktop shell security rules', () => {
  it('window preferences isolate the renderer', () => {
    const p = webPreferences('/app/preload.cjs');
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it.each([
    [APP_START_URL, true],
    ['app://vanthu/assets/index.js', true],
    ['app://other/index.html', false],
    ['file:///etc/passwd', false],
    ['https://example.com', false],
    ['not a url', false],
  ])('app url %s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));

  it.each([
    ['https://dichvucong.gov.vn/', true],
    ['http://example.com/a', true],
    ['https://user:pw@example.com', false],
    ['file:///C:/Windows/system32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
  ])('external url %s → %s', (url, expected) => expect(isSafeExternalUrl(url)).toBe(expected));

  it.each([
    ['notifications', 'app://vanthu/index.html', true],
    ['notifications', 'app://vanthu', true],
    ['notifications', 'https://evil.example/', false],
    ['notifications', 'file:///index.html', false],
    ['media', 'app://vanthu/index.html', false],
    ['geolocation', 'app://vanthu/index.html', false],
    ['clipboard-read', 'app://vanthu/index.html', false],
    ['openExternal', 'app://vanthu/index.html', false],
  ])('permission %s for %s → %s (only notifications, only for the app page)', (permission, url, expected) => expect(isAllowedPermission(permission, url)).toBe(expected));

  it('answers IPC only from the top frame of the app page', () => {
    const top: FrameLike = { url: APP_START_URL, parent: null };
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender({ url: 'app://vanthu/x.html', parent: top })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('maps app:// paths inside the renderer folder only', () => {
    expect(resolveAppPath('/r', 'app://vanthu/')).toBe('/r/index.html');
    expect(resolveAppPath('/r', 'app://vanthu/assets/a.js')).toBe('/r/assets/a.js');
    expect(resolveAppPath('/r', 'app://vanthu/../../etc/passwd')).toBe('/r/etc/passwd'); // URL parsing removes ..
    expect(resolveAppPath('/r', 'app://vanthu/%2e%2e/%2e%2e/etc/passwd')).toBe('/r/etc/passwd'); // so does the encoded form
    expect(resolveAppPath('/r', 'app://vanthu/a%5C..%5C..%5Cwin.ini')).toBeNull();
    expect(resolveAppPath('/r', 'app://vanthu/C:%5Cwin.ini')).toBeNull();
    expect(resolveAppPath('/r', 'https://vanthu/index.html')).toBeNull();
  });
});

describe('IPC glue (with fakes for Electron)', () => {
  function setup() {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const calls: [string, unknown][] = [];
    let emit: (e: { type: string }) => void = () => {};
    const sent: [string, unknown][] = [];
    const held = new Map<string, string>();
    const core = {
      call: async (method: string, input: unknown): Promise<ApiResult<unknown>> => {
        calls.push([method, input]);
        return { ok: true, value: { method } };
      },
      onEvent: (l: (e: { type: string }) => void) => {
        emit = l;
        return () => {};
      },
      upload: async (session: string | null, name: string, content: Uint8Array): Promise<ApiResult<unknown>> => {
        calls.push(['upload', { session, name, size: content.length }]);
        return { ok: true, value: { fileId: 'f'.repeat(24), name, size: content.length } };
      },
      download: async (session: string | null, fileId: string): Promise<ApiResult<{ open(): NodeJS.ReadableStream }>> => {
        calls.push(['download', { session, fileId }]);
        return held.has(fileId) ? { ok: true, value: { open: () => fs.createReadStream(held.get(fileId)!) } } : { ok: false, error: { code: 'NOT_FOUND', message: 'Không có tệp này.', fields: [] } };
      },
    };
    registerIpc({ handle: (ch, fn) => handlers.set(ch, fn) }, core, () => [{ send: (ch, p) => sent.push([ch, p]) }]);
    return { handler: handlers.get(CALL_CHANNEL)!, upload: handlers.get(UPLOAD_CHANNEL)!, download: handlers.get(DOWNLOAD_CHANNEL)!, held, calls, sent, emit: (e: { type: string }) => emit(e) };
  }

  it('forwards calls from the app frame to the core', async () => {
    const s = setup();
    const r = await s.handler({ senderFrame: { url: APP_START_URL, parent: null } }, 'units.list', {});
    expect(r).toEqual({ ok: true, value: { method: 'units.list' } });
    expect(s.calls).toEqual([['units.list', {}]]);
  });

  it('refuses other senders without calling the core', async () => {
    const s = setup();
    const r = (await s.handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'units.create', { name: 'x' })) as ApiResult<unknown>;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    expect(s.calls).toEqual([]);
  });

  it('uploads a picked file from the app frame only, with the window\'s session, never a path', async () => {
    const s = setup();
    const app = { senderFrame: { url: APP_START_URL, parent: null } };
    expect(await s.upload(app, 'Công văn.pdf', new Uint8Array([1, 2, 3]))).toMatchObject({ ok: true, value: { name: 'Công văn.pdf', size: 3 } });
    expect(s.calls).toEqual([['upload', { session: null, name: 'Công văn.pdf', size: 3 }]]);
    expect(await s.upload({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'x', new Uint8Array([1]))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.upload(app, 'x', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(s.calls).toHaveLength(1);
  });

  it("gives the app frame the bytes of a file the core holds for its own handle, refusing other senders and the core's NOT_FOUND", async () => {
    const s = setup();
    const file = path.join(tempDir(), 'cv.pdf');
    fs.writeFileSync(file, Buffer.from([37, 80, 68, 70]));
    s.held.set('h'.repeat(24), file);
    const app = { senderFrame: { url: APP_START_URL, parent: null } };
    expect(await s.download(app, 'h'.repeat(24))).toEqual({ ok: true, value: new Uint8Array([37, 80, 68, 70]) });
    expect(await s.download(app, 'x'.repeat(24))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.download({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'h'.repeat(24))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.download(app, { path: file })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(s.calls).toEqual([['download', { session: null, fileId: 'h'.repeat(24) }], ['download', { session: null, fileId: 'x'.repeat(24) }]]);
  });

  it('refuses a non-string method name', async () => {
    const s = setup();
    const r = (await s.handler({ senderFrame: { url: APP_START_URL, parent: null } }, { toString: () => 'x' }, {})) as ApiResult<unknown>;
    expect(!r.ok && r.error.code).toBe('UNKNOWN_METHOD');
    expect(s.calls).toEqual([]);
  });

  it('relays core events to the windows', () => {
    const s = setup();
    s.emit({ type: 'data.changed' });
    expect(s.sent).toEqual([[EVENT_CHANNEL, { type: 'data.changed' }]]);
  });

  it('drops the window\'s session when the window moves to another database (office server or this PC\'s own)', async () => {
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const seen: (string | null | undefined)[] = [];
    const core = {
      call: async (method: string, _input: unknown, opts?: { session?: string | null }): Promise<ApiResult<unknown>> => {
        seen.push(opts?.session);
        return method === 'auth.login' ? { ok: true, value: { session: 'phien-1', user: {} } } : { ok: true, value: {} };
      },
      onEvent: () => () => {},
      upload: async (): Promise<ApiResult<unknown>> => ({ ok: true, value: {} }),
      download: async (): Promise<ApiResult<never>> => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Không có tệp này.', fields: [] } }),
    };
    registerIpc({ handle: (ch, fn) => handlers.set(ch, fn) }, core, () => []);
    const call = handlers.get(CALL_CHANNEL)!;
    const app = { senderFrame: { url: APP_START_URL, parent: null }, sender: { id: 7 } };
    expect(await call(app, 'auth.login', {})).toMatchObject({ ok: true, value: { session: '' } });
    await call(app, 'units.list', {});
    await call(app, 'office.connect', {});
    await call(app, 'units.list', {});
    expect(seen).toEqual([null, 'phien-1', 'phien-1', null]);
  });
});
