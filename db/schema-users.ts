/** Table types of migrations 006 to 008 and 013: users, their sessions, the outbox, the answered requests. */
import type { Generated } from 'kysely';

export type Role = 'admin' | 'clerk' | 'leader' | 'officer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  secret_access: Generated<number>;
  failed_count: Generated<number>;
  locked_until: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  /** What the administrator sees and ends a session by: random, never derived from the token. */
  id: string;
  client_address: string | null;
  program: string | null;
}

/** A write's answer kept by the client's request id (user_id 0 while there are no users), pruned after a day. */
export interface RequestLogTable {
  id: Generated<number>;
  user_id: number;
  request_id: string;
  method: string;
  output_json: string;
  at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  message_id: string;
  to_json: string;
  subject: string;
  body: string;
  attachments_json: string;
  status: 'pending' | 'sending' | 'sent' | 'error' | 'unknown' | 'cancelled';
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTables {
  users: UsersTable;
  sessions: SessionsTable;
  outbox: OutboxTable;
  request_log: RequestLogTable;
}
