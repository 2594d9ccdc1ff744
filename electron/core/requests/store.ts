/** The answers of writes sent with a request id (X-Request-Id), so that a repeated write is answered, not done again. */
import type { StoreHandle } from '../stores';

export function requestsStore(h: StoreHandle) {
  return {
    /** The method and answer of a request this user already sent under this id. */
    find: (userId: number, requestId: string) => h.db.selectFrom('request_log').select(['method', 'output_json']).where('user_id', '=', userId).where('request_id', '=', requestId).executeTakeFirst(),
    /** Keeps an answer, and lets go of those from before `forgetBefore`. */
    async remember(userId: number, requestId: string, method: string, output: unknown, at: string, forgetBefore: string) {
      await h.db.deleteFrom('request_log').where('at', '<', forgetBefore).execute();
      await h.db.insertInto('request_log').values({ user_id: userId, request_id: requestId, method, output_json: JSON.stringify(output ?? null), at }).execute();
    },
  };
}
