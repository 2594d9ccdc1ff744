import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/index';
import type { ApiResult } from '../../shared/api/errors';

export function tempDir(prefix = 'vanthu-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestCore {
  core: Core;
  dir: string;
  dbPath: string;
  close(): Promise<void>;
}

export async function makeCore(opts: { clock?: () => Date; dir?: string; queryPlugins?: CoreOptions['queryPlugins']; options?: Omit<CoreOptions, 'dbPath' | 'clock' | 'queryPlugins'> } = {}): Promise<TestCore> {
  const dir = opts.dir ?? tempDir();
  const dbPath = path.join(dir, 'van-thu.sqlite');
  const core = await createCore({ dbPath, ...opts.options, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.queryPlugins ? { queryPlugins: opts.queryPlugins } : {}) });
  return { core, dir, dbPath, close: () => core.close() };
}

/** The value of a successful call; a failed one fails the test with its message. */
export function ok<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`Expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

export function err<T>(r: ApiResult<T>) {
  if (r.ok) throw new Error(`Expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

export const standardAgency = {
  name: 'Sở Tài nguyên và Môi trường',
  parentName: 'UBND tỉnh Lạng Sơn',
  abbreviation: 'STNMT',
  place: 'Lạng Sơn',
};

/** Uploads bytes as the browser or the desktop would: the handle's fileId. */
export async function upload(core: Core, name: string, content: Buffer | string, session: string | null = null): Promise<string> {
  return ok(await core.upload(session, name, typeof content === 'string' ? Buffer.from(content) : content)).fileId;
}

/** Uploads a file of this machine (test fixtures) under its own name. */
export function uploadPath(core: Core, file: string, session: string | null = null): Promise<string> {
  return upload(core, path.basename(file), fs.readFileSync(file), session);
}

/** Where the core keeps an export it answered with a handle (to read it in a test). */
export async function heldPath(core: Core, handle: { fileId: string }, session: string | null = null): Promise<string> {
  return ok(await core.download(session, handle.fileId)).path;
}

/** A loopback port nobody listens on now (for a server the test stops and starts again on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
