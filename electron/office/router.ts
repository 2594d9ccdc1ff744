/**
 * The shells' one way in: office.* is answered here (this PC's connection and
 * its office server), everything else goes to the core in use — this PC's own
 * database, or the office server when the PC is a client of one.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { AppError, contracts, isShellMethod, shellContracts, type ApiError, type ApiResult, type ShellMethodName, type ShellOutput } from '../../shared/api/index';
import type { FileHandle } from '../../shared/api/files';
import { zodIssuesToFields } from '../core/registry';
import { fieldsMessage } from '../../shared/api/errors';
import { announceServer, discoverServers, type Announcement } from './announce';
import { clientSettingsStore, serverSettingsStore } from './connection';
import { normaliseFingerprint, probeServer } from './pinned';
import { createRemoteCore, type RemoteCore, type RemoteOptions } from './remote';
import { startOfficeServer } from './server';

type Listener = (e: { type: string }) => void;
export interface CallOpts { session?: string | null; clientAddress?: string | null; requestId?: string | null }
type Download = { name: string; size: number; open(): NodeJS.ReadableStream };

/** What the router needs of this PC's own core (the local Core satisfies it). */
export interface LocalCore {
  call(method: string, input: unknown, opts?: CallOpts): Promise<ApiResult<unknown>>;
  upload(session: string | null, name: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<ApiResult<FileHandle>>;
  download(session: string | null, fileId: string): Promise<ApiResult<Download>>;
  subscribe(session: string | null, listener: Listener): Promise<ApiResult<() => void>>;
  onEvent(listener: Listener): () => void;
  describe(): unknown;
  close(): Promise<void>;
}

export interface RouterOptions<L extends LocalCore> {
  /** This PC's data folder: may-tram.json, may-chu.json and the server's certificate (may-chu/). */
  dataDir: string;
  /** Opens this PC's own database; not opened at all while the PC is a client. */
  openLocal: () => Promise<L>;
  /** The built renderer, served by the office server too. */
  staticDir?: string;
  /** Desktop: an export of the server saved with the PC's own dialog (files.save in client mode). */
  saveFile?: (name: string, content: NodeJS.ReadableStream) => Promise<boolean>;
  remote?: Omit<RemoteOptions, 'url' | 'fingerprint'>;
  /** Name announced on the LAN. */
  serverName?: string;
}

/** The registry's validation, for the methods the shell answers itself. */
function validated<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.output<S> } | { ok: false; error: ApiError } {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = zodIssuesToFields(parsed.error.issues);
  return { ok: false, error: { code: 'VALIDATION', message: fieldsMessage(fields), fields } };
}

const notAllowed = new AppError('FORBIDDEN', 'Chỉ người quản trị của máy này mới được thay đổi máy chủ văn phòng.');

export function ipv4Addresses(): { name: string; address: string }[] {
  return Object.entries(os.networkInterfaces()).flatMap(([name, list]) => (list ?? []).filter((a) => a.family === 'IPv4').map((a) => ({ name, address: a.address })));
}

export function createShellRouter<L extends LocalCore>(opts: RouterOptions<L>) {
  const clientStore = clientSettingsStore(opts.dataDir);
  const serverStore = serverSettingsStore(opts.dataDir);
  const certDir = path.join(opts.dataDir, 'may-chu');
  let local: L | null = null;
  let opening: Promise<L> | null = null;
  let remote: RemoteCore | null = null;
  let served: { url: string; host: string; port: number; fingerprint: string; close(): Promise<void> } | null = null;
  let announced: Announcement | null = null;
  let serverMessage: string | null = null;
  const raw = new Set<Listener>();
  const subs = new Map<Listener, { session: string | null; off: () => void }>();
  let offRaw: () => void = () => undefined;

  const ensureLocal = (): Promise<L> => {
    if (local) return Promise.resolve(local);
    opening ??= opts.openLocal().then((c) => (local = c));
    return opening;
  };
  async function backend(): Promise<L | RemoteCore> {
    return remote ?? ensureLocal();
  }

  /** Listeners follow whichever core is in use. */
  async function rewire(): Promise<void> {
    offRaw();
    const b = await backend();
    offRaw = b.onEvent((e) => {
      for (const l of raw) l(e);
    });
    for (const [listener, s] of subs) {
      s.off();
      const r = await b.subscribe(s.session, listener);
      s.off = r.ok ? r.value : () => undefined;
    }
  }

  async function mayManage(session: string | null): Promise<void> {
    if (remote) return;
    const c = await ensureLocal();
    const r = await c.call('auth.status', {}, { session });
    if (!r.ok) throw notAllowed;
    const s = r.value as { usersExist: boolean; user: { role: string } | null };
    if (s.usersExist && s.user?.role !== 'admin') throw notAllowed;
  }

  function serverStatus(): ShellOutput<'office.serverStatus'> {
    const saved = serverStore.read();
    return {
      running: served !== null,
      url: served?.url ?? null,
      fingerprint: served?.fingerprint ?? null,
      host: served?.host ?? saved?.host ?? null,
      port: served?.port ?? saved?.port ?? null,
      addresses: ipv4Addresses(),
      enabled: saved?.enabled ?? false,
      message: serverMessage,
    };
  }

  async function serve(host: string, port: number): Promise<void> {
    if (remote) throw new AppError('CONFLICT', 'Máy này đang kết nối tới máy chủ văn phòng khác: hãy ngắt kết nối trước khi bật máy chủ trên máy này.');
    await stopServing();
    const c = await ensureLocal();
    let started: NonNullable<typeof served>;
    try {
      started = await startOfficeServer({ core: c, listen: { host, port }, certDir, ...(opts.staticDir ? { staticDir: opts.staticDir } : {}) });
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = code === 'EADDRINUSE' ? `cổng ${port} đang có chương trình khác dùng` : code === 'EADDRNOTAVAIL' ? `máy này không có địa chỉ ${host}` : e instanceof Error ? e.message : String(e);
      throw new AppError('IO', `Không bật được máy chủ văn phòng: ${why}.`, [{ path: code === 'EADDRNOTAVAIL' ? 'host' : 'port', message: `Không bật được máy chủ: ${why}.` }]);
    }
    served = started;
    serverMessage = null;
    // A loopback server is reachable from this PC only: nothing to tell the LAN.
    if (!host.startsWith('127.')) announced = announceServer({ name: opts.serverName ?? `Văn thư ${os.hostname()}`, host, port: started.port, fingerprint: started.fingerprint });
  }
  async function stopServing(): Promise<void> {
    const s = served;
    served = null;
    await announced?.stop();
    announced = null;
    await s?.close();
  }

  async function connect(url: string, fingerprint: string): Promise<ShellOutput<'office.connect'>> {
    const pin = normaliseFingerprint(fingerprint);
    if (!pin) throw new AppError('VALIDATION', 'Dấu vân tay không hợp lệ.', [{ path: 'fingerprint', message: 'Dấu vân tay phải là 64 chữ số hệ 16 (SHA-256).' }]);
    const next = createRemoteCore({ url, fingerprint: pin, ...opts.remote });
    // Refused here, before a password is ever typed, when the certificate is not the confirmed one.
    await next.connect();
    await remote?.close();
    remote = next;
    clientStore.write({ url, fingerprint: pin, confirmedAt: new Date().toISOString() });
    await rewire();
    return { url, fingerprint: pin };
  }

  const office: { [M in ShellMethodName]: (input: z.output<(typeof shellContracts)[M]['input']>, session: string | null) => Promise<ShellOutput<M>> } = {
    'office.connectionStatus': async () => {
      const s = remote?.status();
      return { mode: remote ? 'client' : 'local', url: remote?.url ?? null, fingerprint: remote?.fingerprint ?? null, state: s?.state ?? null, message: s?.message ?? null };
    },
    'office.probe': async ({ url }) => probeServer(url, { timeoutMs: 10_000 }),
    'office.connect': async ({ url, fingerprint }, session) => {
      await mayManage(session);
      return connect(url, fingerprint);
    },
    'office.disconnect': async () => {
      if (!remote) return { disconnected: false };
      const r = remote;
      remote = null;
      clientStore.clear();
      await r.close();
      await rewire();
      return { disconnected: true };
    },
    'office.discover': async () => ({ servers: await discoverServers() }),
    'office.serverStatus': async () => serverStatus(),
    'office.serverStart': async ({ host, port }, session) => {
      await mayManage(session);
      await serve(host, port);
      // A port chosen by the system (0) is kept as the one it gave, so clients find it again.
      serverStore.write({ host, port: serverStatus().port ?? port, enabled: true });
      return serverStatus();
    },
    'office.serverStop': async (_input, session) => {
      await mayManage(session);
      await stopServing();
      const saved = serverStore.read();
      if (saved) serverStore.write({ ...saved, enabled: false });
      return serverStatus();
    },
  };

  async function callOffice(method: ShellMethodName, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
    const parsed = validated(shellContracts[method].input, input);
    if (!parsed.ok) return parsed;
    try {
      const run = office[method] as (i: unknown, s: string | null) => Promise<unknown>;
      return { ok: true, value: await run(parsed.value, session) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toApiError() };
      return { ok: false, error: { code: 'INTERNAL', message: `Lỗi khi thực hiện "${method}": ${e instanceof Error ? e.message : String(e)}`, fields: [] } };
    }
  }

  /** Desktop in client mode: the server's export comes down and is saved with this PC's dialog. */
  async function saveRemote(r: RemoteCore, saveFile: NonNullable<RouterOptions<L>['saveFile']>, input: unknown, session: string | null): Promise<ApiResult<unknown>> {
    const parsed = validated(contracts['files.save'].input, input);
    if (!parsed.ok) return parsed;
    const file = await r.download(session, parsed.value.fileId);
    if (!file.ok) return file;
    return { ok: true, value: { saved: await saveFile(file.value.name, file.value.open()), downloadUrl: null } };
  }

  return {
    /** Applies the saved settings: a client connects to its server; a serving PC starts serving. */
    async start(): Promise<void> {
      const client = clientStore.read();
      if (client) {
        remote = createRemoteCore({ url: client.url, fingerprint: client.fingerprint, ...opts.remote });
        // The server may still be starting: the PC stays a client and keeps trying.
        await remote.connect().catch((e: unknown) => console.error(`Chưa kết nối được máy chủ văn phòng ${client.url}: ${e instanceof Error ? e.message : String(e)}`));
      }
      await rewire();
      const server = serverStore.read();
      if (!client && server?.enabled) {
        await serve(server.host, server.port).catch((e: unknown) => {
          serverMessage = e instanceof Error ? e.message : String(e);
          console.error(serverMessage);
        });
      }
    },
    mode: (): 'local' | 'client' => (remote ? 'client' : 'local'),
    /** This PC's own core, if it is open (backups, the outbox). */
    local: (): L | null => local,
    async call(method: string, input: unknown, callOpts: CallOpts = {}): Promise<ApiResult<unknown>> {
      const session = callOpts.session ?? null;
      if (isShellMethod(method)) return callOffice(method, input, session);
      if (remote) {
        if (method === 'files.save' && opts.saveFile) return saveRemote(remote, opts.saveFile, input, session);
        return remote.call(method, input, { session, ...(callOpts.requestId ? { requestId: callOpts.requestId } : {}) });
      }
      return (await ensureLocal()).call(method, input, callOpts);
    },
    async upload(session: string | null, name: string, content: AsyncIterable<Uint8Array> | Uint8Array): Promise<ApiResult<FileHandle>> {
      return (await backend()).upload(session, name, content);
    },
    async download(session: string | null, fileId: string): Promise<ApiResult<Download>> {
      return (await backend()).download(session, fileId);
    },
    async subscribe(session: string | null, listener: Listener): Promise<ApiResult<() => void>> {
      const r = await (await backend()).subscribe(session, listener);
      if (!r.ok) return r;
      subs.set(listener, { session, off: r.value });
      return { ok: true, value: () => { subs.get(listener)?.off(); subs.delete(listener); } };
    },
    onEvent(listener: Listener): () => void {
      raw.add(listener);
      return () => raw.delete(listener);
    },
    describe(): unknown {
      return remote ? remote.describe() : local?.describe() ?? [];
    },
    async close(): Promise<void> {
      await stopServing();
      offRaw();
      await remote?.close();
      await local?.close();
    },
  };
}

export type ShellRouter<L extends LocalCore = LocalCore> = ReturnType<typeof createShellRouter<L>>;
