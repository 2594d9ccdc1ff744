/**
 * Who may call what. Quản trị: everything. Văn thư: the registers, dossiers
 * and exports, not users, restores, purges or the audit log. Lãnh đạo: sees
 * everything, assigns and follows tasks. Chuyên viên: what is assigned to
 * their unit, and reports progress. Secret documents only with the grant.
 */
import type { Role } from '../../../shared/api/auth';
import { contracts, type MethodName } from '../../../shared/api/index';

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  unitId: number | null;
  secretAccess: boolean;
}

/** Callable without a session (the login screen, first-run setup). */
export const publicMethods: ReadonlySet<string> = new Set(['auth.status', 'auth.login', 'auth.setupAdmin']);

const everyone = new Set(['jobs.cancel', 'auth.logout', 'auth.changePassword', 'agency.get', 'units.list', 'calendar.year', 'search.global', 'files.save', 'tasks.sources', 'tasks.settings', 'attachments.list', 'attachments.open', 'documents.signatures']);
const adminOnly = new Set(['auth.sessions', 'auth.endSession', 'users.list', 'users.create', 'users.update', 'users.resetPassword', 'backup.updateSettings', 'backup.restore', 'backup.compact', 'trash.purge', 'agency.update', 'audit.list', 'exports.audit', 'trust.list', 'trust.add', 'trust.remove']);
const leaderWrites = new Set(['incoming.assign', 'incoming.complete', 'tasks.remind', 'backup.create']);
const officer = new Set(['incoming.list', 'incoming.get', 'outgoing.list', 'outgoing.get', 'tasks.list', 'tasks.get', 'tasks.summary', 'tasks.reportProgress', 'tasks.complete']);

/** The intake queue is the registering clerks' (its items are not yet documents anyone else may see); its watched folders are settings of this PC. */
const intakeAdmin = new Set(['intake.folders.add', 'intake.folders.update', 'intake.folders.remove']);

export function mayCall(role: Role, method: MethodName): boolean {
  if (publicMethods.has(method) || everyone.has(method) || method.startsWith('notifications.') || role === 'admin') return true;
  if (adminOnly.has(method) || intakeAdmin.has(method)) return false;
  if (method.startsWith('intake.')) return role === 'clerk';
  if (role === 'clerk') return true;
  if (role === 'leader') return (contracts[method].mode ?? 'write') === 'read' || method.startsWith('tasks.') || method.startsWith('exports.') || leaderWrites.has(method);
  return officer.has(method);
}

export function allowedMethods(role: Role): string[] {
  return (Object.keys(contracts) as MethodName[]).filter((m) => mayCall(role, m));
}

/** What of the registers a user sees: secret documents only with the grant; a Chuyên viên only their unit's. */
export function documentScope(user: SessionUser | null): { hideSecret: boolean; unitId: number | null } {
  if (!user) return { hideSecret: false, unitId: null };
  return { hideSecret: !user.secretAccess, unitId: user.role === 'officer' ? (user.unitId ?? 0) : null };
}

/** Said instead of a linked document's notation when the user may not see it. */
export const HIDDEN_SOURCE = 'Văn bản ngoài phạm vi được xem';
