/** auth.* and users.*: first-run admin, sign-in and out, passwords, and the admin's user management. */
import { AppError, fieldError } from '../../../shared/api/errors';
import { allowedMethods } from '../access';
import { inTransaction } from '../stores';
import { hashPassword, IDLE_MINUTES, isLocalAddress, liveSince, loadUser, login, tokenHash, usersExist, verifyPassword } from './sign-in';
import type { CallContext, HandlerMap } from '../context';
import { checkUnits } from '../registers/documents';
import { isUniqueViolation } from '../../../db/errors';

const taken = (username: string) => fieldError('CONFLICT', 'username', `Tên đăng nhập ${username} đã có người dùng (không phân biệt chữ hoa, chữ thường).`);
const adminExists = () => new AppError('FORBIDDEN', 'Đã có tài khoản quản trị: hãy đăng nhập.');

/** Told before the slow hash; the unique index on lower(username) settles a race. */
async function checkUsername(ctx: CallContext, username: string) {
  if (await ctx.stores.auth.usernameTaken(username)) throw taken(username);
}

type NewUser = { username: string; fullName: string; password: string; role: 'admin' | 'clerk' | 'leader' | 'officer'; unitId: number | null; secretAccess: boolean };

/** firstOnly: the first-run admin, made once however many set-ups arrive together. */
async function insertUser(ctx: CallContext, v: NewUser, firstOnly = false) {
  await checkUsername(ctx, v.username);
  if (v.unitId) await checkUnits(ctx, [v.unitId], 'unitId', 'Đơn vị');
  if (v.role === 'officer' && !v.unitId) throw fieldError('VALIDATION', 'unitId', 'Chuyên viên phải thuộc một đơn vị: chọn đơn vị.');
  const now = ctx.now();
  // Hashing takes a moment and much memory: done before the short write.
  const password_hash = await hashPassword(v.password);
  return inTransaction(ctx, async (tx) => {
    // The insert comes first so that the count after it is read under the write lock.
    const id = await tx.stores.auth
      .insertUser({ username: v.username, full_name: v.fullName, password_hash, role: v.role, unit_id: v.unitId, secret_access: v.secretAccess ? 1 : 0, created_at: now, updated_at: now })
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? (firstOnly ? adminExists() : taken(v.username)) : e;
      });
    if (firstOnly && (await tx.stores.auth.countUsers()) > 1) throw adminExists();
    const user = await loadUser(tx, id);
    await tx.stores.audit.write({ at: now, actor: ctx.actor, action: ctx.method, entity: 'users', entityId: id, before: null, after: user });
    return user;
  });
}

export const authHandlers: HandlerMap<'auth.status' | 'auth.setupAdmin' | 'auth.login' | 'auth.logout' | 'auth.changePassword' | 'auth.sessions' | 'auth.endSession' | 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword'> = {
  async 'auth.status'(ctx) {
    const exist = await usersExist(ctx);
    const user = ctx.user ? await loadUser(ctx, ctx.user.id) : null;
    return { usersExist: exist, user, allowed: user ? allowedMethods(user.role) : exist ? [] : allowedMethods('admin'), idleMinutes: IDLE_MINUTES };
  },
  async 'auth.setupAdmin'(ctx, v) {
    // Whoever reaches a new server first over the LAN must not become its administrator.
    if (!isLocalAddress(ctx.clientAddress)) throw new AppError('FORBIDDEN', `Chỉ tạo được tài khoản quản trị đầu tiên trên chính máy chủ (không phải từ máy ${ctx.clientAddress ?? ''}). Hãy làm việc này trên máy chủ, rồi đăng nhập từ máy này.`);
    if (await usersExist(ctx)) throw adminExists();
    return insertUser(ctx, { ...v, role: 'admin', unitId: null, secretAccess: true }, true);
  },
  'auth.login': (ctx, v) => login(ctx, v.username, v.password),
  async 'auth.logout'(ctx) {
    if (ctx.session) await ctx.stores.auth.endSession(tokenHash(ctx.session));
    return { ok: true };
  },
  async 'auth.changePassword'(ctx, v) {
    if (!ctx.user) throw new AppError('UNAUTHORIZED', 'Hãy đăng nhập trước khi đổi mật khẩu.');
    if (!(await verifyPassword(v.current, await ctx.stores.auth.passwordHash(ctx.user.id)))) throw fieldError('VALIDATION', 'current', 'Mật khẩu hiện tại không đúng.');
    const password_hash = await hashPassword(v.next);
    const id = ctx.user.id;
    return inTransaction(ctx, async (tx) => {
      await tx.stores.auth.updateUser(id, { password_hash, updated_at: tx.now() });
      await tx.stores.audit.write({ at: tx.now(), actor: tx.actor, action: tx.method, entity: 'users', entityId: id, before: null, after: { passwordChanged: true } });
      return { ok: true };
    });
  },
  async 'auth.sessions'(ctx) {
    const live = liveSince(ctx.now());
    const rows = await ctx.stores.auth.liveSessions(live.seenAfter, live.createdAfter);
    const mine = ctx.session ? tokenHash(ctx.session) : null;
    return {
      sessions: rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        username: r.username,
        fullName: r.full_name,
        clientAddress: r.client_address,
        program: r.program,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        current: r.token_hash === mine,
      })),
    };
  },
  async 'auth.endSession'(ctx, v) {
    const s = await ctx.stores.auth.sessionById(v.id);
    if (!s) throw fieldError('NOT_FOUND', 'id', 'Không có phiên này (người đó đã đăng xuất hoặc phiên đã hết hạn).');
    await ctx.stores.auth.endSessionById(v.id);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'users', entityId: s.user_id, before: { session: v.id, username: s.username, clientAddress: s.client_address, program: s.program }, after: { ended: true } });
    return { ended: true as const };
  },
  async 'users.list'(ctx) {
    const ids = await ctx.stores.auth.userIds();
    return { items: await Promise.all(ids.map((id) => loadUser(ctx, id))) };
  },
  'users.create': (ctx, v) => insertUser(ctx, v),
  async 'users.update'(ctx, v) {
    const before = await loadUser(ctx, v.id);
    if (v.unitId) await checkUnits(ctx, [v.unitId], 'unitId', 'Đơn vị');
    const role = v.role ?? before.role;
    if (role === 'officer' && !(v.unitId !== undefined ? v.unitId : before.unit?.id)) throw fieldError('VALIDATION', 'unitId', 'Chuyên viên phải thuộc một đơn vị: chọn đơn vị.');
    if (before.role === 'admin' && (role !== 'admin' || v.disabled)) {
      if ((await ctx.stores.auth.activeAdmins()) <= 1) throw fieldError('CONFLICT', 'role', 'Đây là tài khoản quản trị cuối cùng: không đổi vai trò hay khóa được.');
    }
    await ctx.stores.auth.updateUser(v.id, {
      ...(v.fullName !== undefined ? { full_name: v.fullName } : {}),
      ...(v.role !== undefined ? { role: v.role } : {}),
      ...(v.unitId !== undefined ? { unit_id: v.unitId } : {}),
      ...(v.secretAccess !== undefined ? { secret_access: v.secretAccess ? 1 : 0 } : {}),
      ...(v.disabled !== undefined ? { disabled_at: v.disabled ? ctx.now() : null } : {}),
      updated_at: ctx.now(),
    });
    if (v.disabled) await ctx.stores.auth.endSessionsOf(v.id);
    const after = await loadUser(ctx, v.id);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'users', entityId: v.id, before, after });
    return after;
  },
  async 'users.resetPassword'(ctx, v) {
    await loadUser(ctx, v.id);
    const password_hash = await hashPassword(v.password);
    return inTransaction(ctx, async (tx) => {
      await tx.stores.auth.updateUser(v.id, { password_hash, failed_count: 0, locked_until: null, updated_at: tx.now() });
      await tx.stores.auth.endSessionsOf(v.id);
      await tx.stores.audit.write({ at: tx.now(), actor: tx.actor, action: tx.method, entity: 'users', entityId: v.id, before: null, after: { passwordReset: true } });
      return { ok: true };
    });
  },
};
