/** The office server on a loopback address with TLS, driven by clients that pin its certificate. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeServer, type OfficeServer } from '../../electron/office/server';
import { pinnedEvents, pinnedRequest, probeServer } from '../../electron/office/pinned';
import { makeCore, ok, type TestCore } from '../support/core';

let t: TestCore;
let server: OfficeServer;

beforeAll(async () => {
  t = await makeCore();
  server = await startOfficeServer({ core: t.core, listen: { host: '127.0.0.1', port: 0 }, certDir: path.join(t.dir, 'may-chu') });
});
afterAll(async () => {
  await server.close();
  await t.close();
});

async function api(method: string, input: unknown, session = '', extra: Record<string, string> = {}) {
  const r = await pinnedRequest({ url: server.url, fingerprint: server.fingerprint, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-session': session, ...extra }, body: Buffer.from(JSON.stringify(input)) });
  return { status: r.status, body: JSON.parse(r.body.toString('utf8')) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

describe('office server', () => {
  it('smoke', async () => {
    const p = await probeServer(server.url);
    expect(p.fingerprint).toBe(server.fingerprint);
    const setup = await api('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: 'mat-khau-quan-tri-2026' });
    expect(setup.body.ok).toBe(true);
    const login = await api('auth.login', { username: 'quantri', password: 'mat-khau-quan-tri-2026' });
    const session = (login.body.value as { session: string }).session;
    const got: string[] = [];
    const stop = pinnedEvents({ url: server.url, fingerprint: server.fingerprint, session, onEvent: (e) => got.push(e.type), onEnd: () => undefined });
    await new Promise((r) => setTimeout(r, 300));
    const u = await api('units.create', { name: 'Phòng A', abbreviation: 'PA', kind: 'internal' }, session);
    expect(u.body).toMatchObject({ ok: true });
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(got).toContain('data.changed');
    const s = ok(await t.core.call('auth.sessions', {}, { session }));
    expect(s.sessions[0]?.clientAddress).toBe('127.0.0.1');
  });
});
