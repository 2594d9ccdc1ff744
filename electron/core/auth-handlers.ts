/** auth.* and users.*: first-run admin, sign-in and out, passwords, and the admin's user management. */
import { sql } from 'kysely';
import { writeAudit } from '../../db/audit';
import { AppError, fieldError } from '../../shared/api/errors';
import { allowedMethods } from './access';
import { hashPassword, IDLE_MINUTES, inTransaction, isLocalAddress, liveSince, loadUser, login, tokenHash, usersExist, verifyPassword } from './auth';
import type { CallContext, HandlerMap } from './context';
import { checkUnits } from './documents';
import { isUniqueViolation } from '../../db/errors';

const taken = (username: string) => fieldError('CONFLICT', 'username', `Tên đăng nhập ${username} đã có người dùng (không phân biệt chữ hoa, chữ thường).`);
const adminExists = () => new AppError('FORBIDDEN', 'Đã có tài khoản quản trị: hãy đăng nhập.');

/** Told before the slow hash; the unique index on lower(username) settles a race. */
async function checkUsername(ctx: CallContext, username: string) {
  const row = await ctx.db.selectFrom('users').select('id').where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst();
  if (row) throw taken(username);
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
    const r = await tx.db
      .insertInto('users')
      .values({ username: v.username, full_name: v.fullName, password_hash, role: v.role, unit_id: v.unitId, secret_access: v.secretAccess ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        throw isUniqueViolation(e) ? (firstOnly ? adminExists() : taken(v.username)) : e;
      });
    if (firstOnly) {
      const n = await tx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      if (Number(n.n) > 1) throw adminExists();
    }
    const user = await loadUser(tx, r.id);
    await writeAudit(tx.db, { at: now, actor: ctx.actor, action: ctx.method, entity: 'users', entityId: r.id, before: null, after: user });
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
    if (ctx.session) await ctx.db.deleteFrom('sessions').where('token_hash', '=', tokenHash(ctx.session)).execute();
    return { ok: true };
  },
  async 'auth.changePassword'(ctx, v) {
    if (!ctx.user) throw new AppError('UNAUTHORIZED', 'Hãy đăng nhập trước khi đổi mật khẩu.');
    const u = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', ctx.user.id).executeTakeFirstOrThrow();
    if (!(await verifyPassword(v.current, u.password_hash))) throw fieldError('VALIDATION', 'current', 'Mật khẩu hiện tại không đúng.');
    const password_hash = await hashPassword(v.next);
    const id = ctx.user.id;
    return inTransaction(ctx, async (tx) => {
      await tx.db.updateTable('users').set({ password_hash, updated_at: tx.now() }).where('id', '=', id).execute();
      await writeAudit(tx.db, { at: tx.now(), actor: tx.actor, action: tx.method, entity: 'users', entityId: id, before: null, after: { passwordChanged: true } });
      return { ok: true };
    });
  },
  async 'auth.sessions'(ctx) {
    const live = liveSince(ctx.now());
    const rows = await ctx.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.token_hash', 's.user_id', 'u.username', 'u.full_name', 's.client_address', 's.program', 's.created_at', 's.last_seen_at'])
      .where('s.last_seen_at', '>', live.seenAfter)
      .where('s.created_at', '>', live.createdAfter)
      .where('u.disabled_at', 'is', null)
      .orderBy('s.last_seen_at', 'desc')
      .execute();
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
    const s = await ctx.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.user_id', 's.client_address', 's.program', 'u.username']).where('s.id', '=', v.id).executeTakeFirst();
    if (!s) throw fieldError('NOT_FOUND', 'id', 'Không có phiên này (người đó đã đăng xuất hoặc phiên đã hết hạn).');
    await ctx.db.deleteFrom('sessions').where('id', '=', v.id).execute();
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'users', entityId: s.user_id, before: { session: v.id, username: s.username, clientAddress: s.client_address, program: s.program }, after: { ended: true } });
    return { ended: true as const };
  },
  async 'users.list'(ctx) {
    const ids = await ctx.db.selectFrom('users').select('id').orderBy('username').execute();
    return { items: await Promise.all(ids.map((r) => loadUser(ctx, r.id))) };
  },
  'users.create': (ctx, v) => insertUser(ctx, v),
  async 'users.update'(ctx, v) {
    const before = await loadUser(ctx, v.id);
    if (v.unitId) await checkUnits(ctx, [v.unitId], 'unitId', 'Đơn vị');
    const role = v.role ?? before.role;
    if (role === 'officer' && !(v.unitId !== undefined ? v.unitId : before.unit?.id)) throw fieldError('VALIDATION', 'unitId', 'Chuyên viên phải thuộc một đơn vị: chọn đơn vị.');
    if (before.role === 'admin' && (role !== 'admin' || v.disabled)) {
      const admins = await ctx.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute();
      if (admins.length <= 1) throw fieldError('CONFLICT', 'role', 'Đây là tài khoản quản trị cuối cùng: không đổi vai trò hay khóa được.');
    }
    await ctx.db
      .updateTable('users')
      .set({
        ...(v.fullName !== undefined ? { full_name: v.fullName } : {}),
        ...(v.role !== undefined ? { role: v.role } : {}),
        ...(v.unitId !== undefined ? { unit_id: v.unitId } : {}),
        ...(v.secretAccess !== undefined ? { secret_access: v.secretAccess ? 1 : 0 } : {}),
        ...(v.disabled !== undefined ? { disabled_at: v.disabled ? ctx.now() : null } : {}),
        updated_at: ctx.now(),
      })
      .where('id', '=', v.id)
      .execute();
    if (v.disabled) await ctx.db.deleteFrom('sessions').where('user_id', '=', v.id).execute();
    const after = await loadUser(ctx, v.id);
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'users', entityId: v.id, before, after });
    return after;
  },
  async 'users.resetPassword'(ctx, v) {
    await loadUser(ctx, v.id);
    const password_hash = await hashPassword(v.password);
    return inTransaction(ctx, async (tx) => {
      await tx.db.updateTable('users').set({ password_hash, failed_count: 0, locked_until: null, updated_at: tx.now() }).where('id', '=', v.id).execute();
      await tx.db.deleteFrom('sessions').where('user_id', '=', v.id).execute();
      await writeAudit(tx.db, { at: tx.now(), actor: tx.actor, action: tx.method, entity: 'users', entityId: v.id, before: null, after: { passwordReset: true } });
      return { ok: true };
    });
  },
};
