/**
 * Sign-in: scrypt password hashes (N=2^17, r=8, p=1, 16-byte salt) compared
 * in constant time, a growing delay after failed attempts, sessions stored by
 * hash that end after idle time. While no user exists every caller is
 * trusted (first run, setup scripts); the first user made is the admin.
 */
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { AppError, fieldError } from '../../../shared/api/errors';
import { roleLabels, type User } from '../../../shared/api/auth';
import { contracts, type MethodName } from '../../../shared/api/index';
import { mayCall, publicMethods, type SessionUser } from '../access';
import type { CallContext } from '../context';
import type { BaseContext } from '../registry';
import { inTransaction } from '../stores';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;
const N_LOG2 = 17;
const PARAMS = { N: 2 ** N_LOG2, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };
export const IDLE_MINUTES = 30;
const SESSION_HOURS = 12;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, 32, PARAMS);
  return `scrypt$${N_LOG2}$8$1$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, { N: 2 ** Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return crypto.timingSafeEqual(got, expected);
}

/** A hash to compare against when the username is unknown, so the answer takes as long. */
let dummyHash: Promise<string> | null = null;

export const tokenHash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Seconds to wait after n failed attempts: none for the first three, then 1, 2, 4… up to 15 minutes. */
export function lockSeconds(failed: number): number {
  return failed < 3 ? 0 : Math.min(2 ** (failed - 3), 900);
}

type Db = Pick<CallContext, 'stores'>;

export const usersExist = (ctx: Db): Promise<boolean> => ctx.stores.auth.usersExist();

export async function loadUser(ctx: Db, id: number): Promise<User> {
  const u = await ctx.stores.auth.user(id);
  if (!u) throw fieldError('NOT_FOUND', 'id', `Không có người dùng mã ${id}.`);
  return u;
}

/** The server's own machine: the desktop and browser shells (no address) or a loopback connection. */
export function isLocalAddress(address: string | null): boolean {
  if (address === null) return true;
  const a = address.replace(/^::ffff:/, '');
  return a === '::1' || /^127\./.test(a);
}

const notSetUp = () => new AppError('FORBIDDEN', 'Máy chủ chưa có tài khoản quản trị. Hãy tạo tài khoản quản trị trên chính máy chủ rồi đăng nhập từ máy này.');

/** The registry's gate: the session's user, checked against the method. */
export function authenticator(base: Pick<BaseContext, 'stores' | 'now'>) {
  return async (session: string | null, method: MethodName, clientAddress: string | null = null): Promise<SessionUser | null> => {
    const user = session ? await sessionUser(base, session) : null;
    if (publicMethods.has(method)) return user;
    if (!(await usersExist(base))) {
      // Until the first administrator exists everyone is trusted: only on the server's own machine, never over the LAN.
      if (!isLocalAddress(clientAddress)) throw notSetUp();
      return null;
    }
    if (!user) throw new AppError('UNAUTHORIZED', session ? 'Phiên đăng nhập đã hết hạn (lâu không dùng) hoặc đã bị người quản trị kết thúc. Hãy đăng nhập lại.' : 'Hãy đăng nhập để dùng chức năng này.');
    if (!mayCall(user.role, method)) throw new AppError('FORBIDDEN', `Vai trò ${roleLabels[user.role]} không được dùng chức năng: ${contracts[method].summary}.`);
    return user;
  };
}

/** Whether a session is still signed in, without counting this look as use (an open event stream must not keep it alive). */
export async function sessionLive(base: Pick<BaseContext, 'stores' | 'now'>, token: string): Promise<boolean> {
  const row = await base.stores.auth.session(tokenHash(token));
  return !!row && !row.disabled_at && !expired(row, new Date(base.now()).getTime());
}

const expired = (row: { created_at: string; last_seen_at: string }, now: number) =>
  now - new Date(row.last_seen_at).getTime() > IDLE_MINUTES * 60_000 || now - new Date(row.created_at).getTime() > SESSION_HOURS * 3_600_000;

/** Signed-in sessions not yet idle or too old: the ones the administrator sees. */
export function liveSince(now: string): { seenAfter: string; createdAfter: string } {
  const t = new Date(now).getTime();
  return { seenAfter: new Date(t - IDLE_MINUTES * 60_000).toISOString(), createdAfter: new Date(t - SESSION_HOURS * 3_600_000).toISOString() };
}

async function sessionUser(base: Pick<BaseContext, 'stores' | 'now'>, token: string): Promise<SessionUser | null> {
  const key = tokenHash(token);
  const row = await base.stores.auth.session(key);
  if (!row) return null;
  const now = new Date(base.now()).getTime();
  if (expired(row, now) || row.disabled_at) {
    await base.stores.auth.endSession(key);
    return null;
  }
  if (now - new Date(row.last_seen_at).getTime() > 60_000) await base.stores.auth.touchSession(key, base.now());
  return { id: row.id, username: row.username, role: row.role, unitId: row.unit_id, secretAccess: row.secret_access === 1 };
}


const later = (a: string | null, b: string) => (a && a > b ? a : b);

/**
 * Counts the attempt before its password is hashed, so that attempts arriving
 * together each see the ones before them. The increment is the transaction's
 * first statement: it holds the write lock before it reads, and no two
 * attempts read the same count. The wait follows the count, also for attempts
 * refused while waiting: those are counted too (each guess counts) and are
 * never hashed.
 */
async function countAttempt(ctx: CallContext, userId: number, now: string): Promise<{ failed: number; refused: boolean; until: string | null }> {
  return inTransaction(ctx, async (tx) => {
    const r = await tx.stores.auth.countFailure(userId);
    const refused = !!r.locked_until && r.locked_until > now;
    const seconds = lockSeconds(r.failed_count);
    const until = seconds ? later(r.locked_until, new Date(new Date(now).getTime() + seconds * 1000).toISOString()) : r.locked_until;
    if (until !== r.locked_until) await tx.stores.auth.setLockedUntil(userId, until);
    if (refused) await tx.stores.audit.write({ at: now, actor: r.username, action: 'auth.login', entity: 'users', entityId: userId, before: null, after: { failed: r.failed_count, refused: 'locked' } });
    return { failed: r.failed_count, refused, until };
  });
}

/** Failed sign-ins from one address, whatever the accounts: kept in memory by the running server. */
interface AddressAttempts {
  failed: number;
  until: number;
  last: number;
}
const byAddress = new WeakMap<object, Map<string, AddressAttempts>>();
/** Failures one address may make (typos at several desks share a NAT rarely, an office PC never) before each attempt waits. */
export const ADDRESS_FREE = 10;
const ADDRESS_FORGET_MS = 15 * 60_000;

/**
 * Counts a sign-in attempt from another PC before its password is hashed (so
 * attempts arriving together each see the ones before them); refuses it
 * unhashed while the address waits. A success takes its own count back
 * without clearing the others, so one known password does not reset a spray.
 */
function countFromAddress(ctx: CallContext, nowMs: number): { refused: number; succeeded(): void } {
  const address = ctx.clientAddress;
  if (address === null || isLocalAddress(address)) return { refused: 0, succeeded: () => undefined };
  let table = byAddress.get(ctx.events);
  if (!table) byAddress.set(ctx.events, (table = new Map()));
  let a = table.get(address);
  if (!a || nowMs - a.last > ADDRESS_FORGET_MS) table.set(address, (a = { failed: 0, until: 0, last: nowMs }));
  const entry = a;
  const refused = entry.until > nowMs ? Math.ceil((entry.until - nowMs) / 1000) : 0;
  entry.failed++;
  entry.last = nowMs;
  const seconds = entry.failed < ADDRESS_FREE ? 0 : Math.min(2 ** (entry.failed - ADDRESS_FREE), 900);
  if (seconds) entry.until = Math.max(entry.until, nowMs + seconds * 1000);
  return { refused, succeeded: () => void (entry.failed = Math.max(0, entry.failed - 1)) };
}

export async function login(ctx: CallContext, username: string, password: string): Promise<{ session: string; user: User }> {
  const fromAddress = countFromAddress(ctx, new Date(ctx.now()).getTime());
  if (fromAddress.refused) {
    throw new AppError('UNAUTHORIZED', `Máy ${ctx.clientAddress ?? ''} đã đăng nhập sai nhiều lần: hãy thử lại sau ${fromAddress.refused} giây.`, [{ path: 'password', message: `Thử lại sau ${fromAddress.refused} giây.` }]);
  }
  const u = await ctx.stores.auth.byUsername(username);
  const wrong = new AppError('UNAUTHORIZED', 'Tên đăng nhập hoặc mật khẩu không đúng.', [{ path: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' }]);
  if (!u) {
    dummyHash ??= hashPassword(crypto.randomBytes(12).toString('hex'));
    await verifyPassword(password, await dummyHash);
    throw wrong;
  }
  if (u.disabled_at) throw new AppError('UNAUTHORIZED', 'Tài khoản này đã bị khóa. Hãy liên hệ người quản trị.');
  const now = ctx.now();
  const attempt = await countAttempt(ctx, u.id, now);
  if (attempt.refused && attempt.until) {
    const wait = Math.ceil((new Date(attempt.until).getTime() - new Date(now).getTime()) / 1000);
    throw new AppError('UNAUTHORIZED', `Đăng nhập sai nhiều lần: hãy thử lại sau ${wait} giây.`, [{ path: 'password', message: `Thử lại sau ${wait} giây.` }]);
  }
  if (!(await verifyPassword(password, u.password_hash))) {
    await ctx.stores.audit.write({ at: now, actor: u.username, action: 'auth.login', entity: 'users', entityId: u.id, before: null, after: { failed: attempt.failed } });
    throw wrong;
  }
  fromAddress.succeeded();
  const token = crypto.randomBytes(32).toString('base64url');
  return inTransaction(ctx, async (tx) => {
    await tx.stores.auth.updateUser(u.id, { failed_count: 0, locked_until: null });
    await tx.stores.auth.insertSession({ token_hash: tokenHash(token), id: crypto.randomBytes(12).toString('hex'), user_id: u.id, created_at: now, last_seen_at: now, client_address: ctx.clientAddress, program: ctx.program });
    await tx.stores.audit.write({ at: now, actor: u.username, action: 'auth.login', entity: 'users', entityId: u.id, before: null, after: { ok: true } });
    return { session: token, user: await loadUser(tx, u.id) };
  });
}
