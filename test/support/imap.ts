/**
 * A real IMAP server for the tests: Debian's dovecot (package dovecot-imapd)
 * started by the test on 127.0.0.1 at free ports with its own configuration
 * in a temporary folder (passwd-file login, maildir there, a self-signed
 * certificate made by openssl, ssl = required), not the system service.
 * Messages go in by IMAP APPEND.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { tempDir } from './core';

export const DOVECOT = '/usr/sbin/dovecot';
/** Why the IMAP tests are skipped, or null when they can run. */
export const noDovecot: string | null = !fs.existsSync(DOVECOT)
  ? `${DOVECOT} không có (cài gói dovecot-imapd): bỏ qua các kiểm thử IMAP.`
  : !fs.existsSync('/usr/bin/openssl')
    ? '/usr/bin/openssl không có: bỏ qua các kiểm thử IMAP.'
    : null;

export interface RunningImap {
  host: '127.0.0.1';
  /** IMAP over TLS from the start. */
  port: number;
  /** Plain IMAP that must STARTTLS before login. */
  starttlsPort: number;
  username: string;
  password: string;
  /** The server's self-signed certificate, to be trusted by the client. */
  ca: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Makes the server renumber INBOX (a new UIDVALIDITY), as after a mailbox rebuild; the server is restarted. */
  renumber(): Promise<void>;
  append(raw: Buffer | string, folder?: string): Promise<void>;
  uidValidity(folder?: string): Promise<string>;
  /** Every message of a folder: UID, flags, and Message-ID. */
  messages(folder?: string): Promise<{ uid: number; flags: string[]; messageId: string | null }[]>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot stopped at start: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
    const open = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

/** Dovecot refuses to run its login and mail processes as root: as root they run as its own system users. */
function identities(): { login: string; internal: string; group: string; uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) {
    const user = execFileSync('id', ['-un']).toString().trim();
    const group = execFileSync('id', ['-gn']).toString().trim();
    return { login: user, internal: user, group, uid, gid: process.getgid?.() ?? 0 };
  }
  const id = (flag: string, who: string) => Number(execFileSync('id', [flag, who]).toString().trim());
  return { login: 'dovenull', internal: 'dovecot', group: 'dovecot', uid: id('-u', 'dovecot'), gid: id('-g', 'dovecot') };
}

export async function startImap(): Promise<RunningImap> {
  const dir = tempDir('vanthu-imap-');
  fs.chmodSync(dir, 0o755);
  const [port, starttlsPort] = [await freePort(), await freePort()];
  const username = 'vanthu@so-tnmt.test';
  const password = 'mat-khau-hop-thu-2026';
  const who = identities();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  fs.writeFileSync(path.join(dir, 'passwd'), `${username}:{PLAIN}${password}\n`, { mode: 0o644 });
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  fs.chownSync(home, who.uid, who.gid);
  const log = path.join(dir, 'dovecot.log');
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <${dir}/cert.pem
ssl_key = <${dir}/key.pem
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
default_login_user = ${who.login}
default_internal_user = ${who.internal}
default_internal_group = ${who.group}
first_valid_uid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${who.uid} gid=${who.gid} home=${home}/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${starttlsPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${port}
    ssl = yes
  }
}
service anvil {
  chroot =
}
`,
  );
  const ca = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  let child: ChildProcess | null = null;

  async function start() {
    if (child) return;
    const c = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' });
    child = c;
    await waitForPort(port, c, log);
  }
  async function stop() {
    const c = child;
    if (!c) return;
    child = null;
    if (c.exitCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  }
  async function withClient<T>(fn: (client: ImapFlow) => Promise<T>): Promise<T> {
    const tls: NonNullable<ImapFlowOptions['tls']> & { ca: string } = { ca };
    const client = new ImapFlow({ host: '127.0.0.1', port, secure: true, auth: { user: username, pass: password }, logger: false, tls });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.logout();
    }
  }

  await start();
  return {
    host: '127.0.0.1',
    port,
    starttlsPort,
    username,
    password,
    ca,
    start,
    stop,
    async renumber() {
      await stop();
      // UIDVALIDITY is the time of the rebuild, in seconds: a new second gives a new value.
      await new Promise((r) => setTimeout(r, 1100));
      const maildir = path.join(home, username, 'Maildir');
      for (const f of fs.readdirSync(maildir)) if (f.startsWith('dovecot')) fs.rmSync(path.join(maildir, f), { recursive: true, force: true });
      await start();
    },
    async append(raw, folder = 'INBOX') {
      await withClient(async (c) => {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => undefined);
        await c.append(folder, raw);
      });
    },
    async uidValidity(folder = 'INBOX') {
      return withClient(async (c) => {
        const st = await c.status(folder, { uidValidity: true });
        return st ? String(st.uidValidity) : '';
      });
    },
    async messages(folder = 'INBOX') {
      return withClient(async (c) => {
        const lock = await c.getMailboxLock(folder);
        try {
          const out: { uid: number; flags: string[]; messageId: string | null }[] = [];
          if (typeof c.mailbox !== 'boolean' && c.mailbox.exists === 0) return out;
          for await (const m of c.fetch('1:*', { uid: true, flags: true, envelope: true })) out.push({ uid: m.uid, flags: [...(m.flags ?? [])], messageId: m.envelope?.messageId ?? null });
          return out;
        } finally {
          lock.release();
        }
      });
    },
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
