/** The browser shell started as `npm run web` starts it, checked over real HTTP. */
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { countOf } from '../support/db';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let dbPath: string;

beforeAll(async () => {
  dbPath = path.join(tempDir(), 'a.sqlite');
  web = await startWeb(['--port', '0', '--db', dbPath]);
});
afterAll(() => web.stop());

function rawRequest(opts: http.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(opts, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser shell', () => {
  it('prints the URL with a random token as its first line, on 127.0.0.1', () => {
    expect(web.firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
  });

  it('GET /api lists the methods with input and output schemas', async () => {
    const res = await fetch(`${web.origin}/api`, { headers: { authorization: `Bearer ${web.token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { methods: { name: string; input: { type: string }; output: { type: string } }[] };
    const names = body.methods.map((m) => m.name);
    for (const n of ['agency.get', 'agency.update', 'units.list', 'units.create', 'units.update', 'units.archive']) expect(names).toContain(n);
    for (const m of body.methods) {
      expect(m.input.type).toBe('object');
      expect(m.output.type).toBe('object');
    }
  });

  it('answers 401 without the token or with a wrong one', async () => {
    expect((await fetch(`${web.origin}/api`)).status).toBe(401);
    expect((await fetch(`${web.origin}/api`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const r = await post(web, 'units.create', { name: 'X', kind: 'external' }, 'wrong');
    expect(r.status).toBe(401);
    expect(r.body.error?.code).toBe('UNAUTHORIZED');
  });

  it('POST units.create with an empty name: VALIDATION, a Vietnamese message for name, no row written', async () => {
    const r = await post(web, 'units.create', { name: '' });
    expect(r.status).toBe(400);
    expect(r.body.ok).toBe(false);
    expect(r.body.error?.code).toBe('VALIDATION');
    expect(r.body.error?.fields).toContainEqual({ path: 'name', message: 'Tên đơn vị không được để trống.' });
    // The browser shell serves one PC's SQLite file (npm run web -- --db FILE) on either test engine.
    expect(await countOf({ database: { engine: 'sqlite', file: dbPath } }, 'units')).toBe(0);
  });

  it('creates and lists a unit', async () => {
    const c = await post(web, 'units.create', { name: 'Sở Nội vụ', kind: 'external', email: 'snv@langson.gov.vn' });
    expect(c.status).toBe(200);
    const l = await post(web, 'units.list', {});
    expect(l.body.value).toMatchObject({ items: [{ name: 'Sở Nội vụ', kind: 'external' }] });
  });

  it('rejects bad JSON and unknown methods clearly', async () => {
    const res = await fetch(`${web.origin}/api/units.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${web.token}` },
      body: '{name:',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/JSON/);
    expect((await post(web, 'units.nothing', {})).status).toBe(404);
  });

  it('serves the app page with a strict CSP', async () => {
    const res = await fetch(`${web.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('listens on 127.0.0.1 only and refuses other Host names', async () => {
    const port = Number(new URL(web.origin).port);
    expect(await rawRequest({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } })).toBe(421);
    const others = (await import('node:os')).networkInterfaces();
    const external = Object.values(others)
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (external) {
      await expect(rawRequest({ host: external.address, port, path: '/' })).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  // Last: it makes the first administrator, after which every call needs a session.
  it('sends events only to a signed-in session, which EventSource carries in the query', async () => {
    const events = async (query: string) => {
      const stop = new AbortController();
      const res = await fetch(`${web.origin}/api/events?token=${web.token}${query}`, { signal: stop.signal });
      const first = res.status === 200 ? new TextDecoder().decode((await res.body!.getReader().read()).value) : '';
      stop.abort();
      return { status: res.status, first };
    };
    expect((await post(web, 'auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: 'mat-khau-quan-tri-2026' })).body.ok).toBe(true);
    const session = ((await post(web, 'auth.login', { username: 'quantri', password: 'mat-khau-quan-tri-2026' })).body.value as { session: string }).session;
    expect((await events('')).status).toBe(401);
    expect((await events('&session=khong-phai-phien')).status).toBe(401);
    expect(await events(`&session=${encodeURIComponent(session)}`)).toEqual({ status: 200, first: ': ok\n\n' });
  });
});
