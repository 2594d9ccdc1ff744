/** Users, their sessions (stored by the token's hash) and the sign-in throttle's counts. */
import { sql, type Insertable, type Updateable } from 'kysely';
import type { User } from '../../../shared/api/auth';
import type { DB } from '../../../db/schema';
import type { StoreHandle } from '../stores';

export function authStore(h: StoreHandle) {
  // A batch's calls are each authenticated; within its transaction the answer
  // is asked once. Users are never deleted, and only job-mode methods create
  // them, which never run inside a transaction of the registry's (a batch, a
  // write call); SQLite's transaction also holds the write lock. Kept only in a
  // transaction's stores, which go with it.
  let known: boolean | null = null;
  return {
    async usersExist(): Promise<boolean> {
      if (known !== null) return known;
      const found = !!(await h.db.selectFrom('users').select('id').limit(1).executeTakeFirst());
      if (h.db.isTransaction) known = found;
      return found;
    },
    async countUsers(): Promise<number> {
      const n = await h.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(n.n);
    },
    /** A user as the API shows it, with their unit's name. */
    async user(id: number): Promise<User | undefined> {
      const u = await h.db.selectFrom('users as u').leftJoin('units as d', 'd.id', 'u.unit_id').selectAll('u').select('d.name as unit_name').where('u.id', '=', id).executeTakeFirst();
      if (!u) return undefined;
      return {
        id: u.id,
        username: u.username,
        fullName: u.full_name,
        role: u.role,
        unit: u.unit_id !== null ? { id: u.unit_id, name: u.unit_name ?? '' } : null,
        secretAccess: u.secret_access === 1,
        disabled: u.disabled_at !== null,
      };
    },
    /** Every user's id, by user name. */
    userIds: async () => (await h.db.selectFrom('users').select('id').orderBy('username').execute()).map((r) => r.id),
    /** The whole row of a user name, in any case. */
    byUsername: (username: string) => h.db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase())).executeTakeFirst(),
    async usernameTaken(username: string): Promise<boolean> {
      return !!(await h.db.selectFrom('users').select('id').where(sql<string>`lower(username)`, '=', username.toLowerCase()).executeTakeFirst());
    },
    /** Rejects with the database's error when the (case-insensitive) user name is taken. */
    async insertUser(values: Insertable<DB['users']>): Promise<number> {
      const { id } = await h.db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
      known = true;
      return id;
    },
    async updateUser(id: number, values: Updateable<DB['users']>) {
      await h.db.updateTable('users').set(values).where('id', '=', id).execute();
    },
    async activeAdmins(): Promise<number> {
      return (await h.db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute()).length;
    },
    passwordHash: async (id: number) => (await h.db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash,
    /** The failed attempt counted first: the increment holds the write lock before anything is read. */
    countFailure: (id: number) =>
      h.db
        .updateTable('users')
        .set((eb) => ({ failed_count: eb('failed_count', '+', 1) }))
        .where('id', '=', id)
        .returning(['failed_count', 'locked_until', 'username'])
        .executeTakeFirstOrThrow(),
    async setLockedUntil(id: number, until: string | null) {
      await h.db.updateTable('users').set({ locked_until: until }).where('id', '=', id).execute();
    },

    /** A session by its token's hash, with its user. */
    session: (tokenHash: string) =>
      h.db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.created_at', 's.last_seen_at', 'u.id', 'u.username', 'u.role', 'u.unit_id', 'u.secret_access', 'u.disabled_at'])
        .where('s.token_hash', '=', tokenHash)
        .executeTakeFirst(),
    sessionById: (id: string) => h.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id').select(['s.user_id', 's.client_address', 's.program', 'u.username']).where('s.id', '=', id).executeTakeFirst(),
    /** Sessions seen and begun after the given instants, of users not locked, the most recently seen first. */
    liveSessions: (seenAfter: string, createdAfter: string) =>
      h.db
        .selectFrom('sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['s.id', 's.token_hash', 's.user_id', 'u.username', 'u.full_name', 's.client_address', 's.program', 's.created_at', 's.last_seen_at'])
        .where('s.last_seen_at', '>', seenAfter)
        .where('s.created_at', '>', createdAfter)
        .where('u.disabled_at', 'is', null)
        .orderBy('s.last_seen_at', 'desc')
        .execute(),
    async insertSession(values: Insertable<DB['sessions']>) {
      await h.db.insertInto('sessions').values(values).execute();
    },
    async touchSession(tokenHash: string, at: string) {
      await h.db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
    },
    async endSession(tokenHash: string) {
      await h.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async endSessionById(id: string) {
      await h.db.deleteFrom('sessions').where('id', '=', id).execute();
    },
    async endSessionsOf(userId: number) {
      await h.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
