/** Reading the audit log: the rows of a filter the caller may see, with who acted by name. */
import type { RawBuilder, SqlBool } from 'kysely';
import { readAt, storedAt } from '../../../db/instant';
import { decodeChange } from '../../../db/audit-codec';
import type { StoreHandle } from '../stores';

/** Plain values: `at` bounds as UTC instants in ISO text (the store converts them), the rest as written. */
export interface AuditFilter {
  atFrom: string | null;
  atBefore: string | null;
  entity: string | null;
  actor: string | null;
  entityId?: number | null | undefined;
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export function auditLogStore(h: StoreHandle) {
  /** The numbers of the table's (action, table) pairs: the log holds those, not the names. */
  const kindsOf = (entity: string) => h.db.selectFrom('audit_kinds').select('kind').where('entity', '=', entity);
  /** visible: the access rule over alias `a`. */
  function query(f: AuditFilter, visible: RawBuilder<SqlBool>) {
    let q = h.db.selectFrom('audit_log as a').where(visible);
    if (f.atFrom) q = q.where('a.at', '>=', storedAt(f.atFrom));
    if (f.atBefore) q = q.where('a.at', '<', storedAt(f.atBefore));
    if (f.entity) q = q.where('a.kind', 'in', kindsOf(f.entity));
    if (f.actor) q = q.where('a.actor', '=', f.actor);
    if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
    return q;
  }
  const rows = (f: AuditFilter, visible: RawBuilder<SqlBool>) =>
    query(f, visible)
      .innerJoin('audit_kinds as k', 'k.kind', 'a.kind')
      .leftJoin('users as u', 'u.username', 'a.actor')
      .select(['a.id', 'a.at', 'a.actor', 'u.full_name as actor_name', 'k.action', 'k.entity', 'a.entity_id', 'a.changes']);
  /** The rows with their change's JSON as it was written. */
  const read = async (q: Promise<(Omit<AuditRow, 'at' | 'before_json' | 'after_json'> & { at: number; changes: Buffer | null })[]>): Promise<AuditRow[]> =>
    (await q).map(({ at, changes, ...r }) => ({ ...r, at: readAt(at), ...decodeChange(changes) }));
  /**
   * Within a period the rows come in the order of the index on `at` (then id,
   * which the index holds): the page of newest rows reads just those, where
   * ordering by id alone made SQLite read the log back from its end.
   */
  const ordered = <Q extends ReturnType<typeof rows>>(q: Q, f: AuditFilter, dir: 'asc' | 'desc'): Q =>
    (f.atFrom || f.atBefore ? q.orderBy('a.at', dir).orderBy('a.id', dir) : q.orderBy('a.id', dir)) as Q;
  return {
    async count(f: AuditFilter, visible: RawBuilder<SqlBool>): Promise<number> {
      const r = await query(f, visible).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** Newest first. */
    page: (f: AuditFilter, visible: RawBuilder<SqlBool>, page: number, pageSize: number): Promise<AuditRow[]> =>
      read(ordered(rows(f, visible), f, 'desc').limit(pageSize).offset((page - 1) * pageSize).execute()),
    /** Oldest first, as the export prints them. */
    all: (f: AuditFilter, visible: RawBuilder<SqlBool>): Promise<AuditRow[]> => read(ordered(rows(f, visible), f, 'asc').execute()),
  };
}
