/**
 * The trash's SQL over the five deletable tables: each record's label as the
 * trash shows it, the records that point to it (purging is refused while there
 * are any) and the rows that go with it when it is purged.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { unindexDoc } from '../../../db/search';
import type { TrashKind } from '../../../shared/api/trash';
import type { StoreHandle } from '../stores';

interface Spec {
  table: 'incoming' | 'outgoing' | 'tasks' | 'dossiers' | 'tthc_dossiers';
  label: RawBuilder<string>;
  /** Records that still point to it, and what they are called. */
  references: [table: string, column: string, what: string][];
  /** Rows that belong to it and go with it on purge. */
  dependents: (id: number) => RawBuilder<unknown>[];
}

const specs: Record<TrashKind, Spec> = {
  incoming: {
    table: 'incoming',
    label: sql<string>`'Văn bản đến số ' || case when arrival_number < 10 then '0' else '' end || cast(arrival_number as text) || ' năm ' || coalesce(cast(year as text), '') || ' — ' || subject`,
    references: [['tasks', 'source_incoming_id', 'nhiệm vụ'], ['dossier_documents', 'incoming_id', 'hồ sơ công việc'], ['outgoing_replies', 'incoming_id', 'văn bản trả lời']],
    dependents: (id) => [sql`delete from incoming_coordinators where incoming_id = ${id}`, sql`delete from attachments where owner_kind = 'incoming' and owner_id = ${id}`],
  },
  outgoing: {
    table: 'outgoing',
    label: sql<string>`coalesce(notation, 'Dự thảo') || ' — ' || subject`,
    references: [['tasks', 'source_outgoing_id', 'nhiệm vụ'], ['dossier_documents', 'outgoing_id', 'hồ sơ công việc'], ['incoming', 'reply_outgoing_id', 'văn bản đến được trả lời']],
    dependents: (id) => [sql`delete from outgoing_recipients where outgoing_id = ${id}`, sql`delete from outgoing_replies where outgoing_id = ${id}`, sql`delete from attachments where owner_kind = 'outgoing' and owner_id = ${id}`],
  },
  tasks: {
    table: 'tasks',
    label: sql<string>`content`,
    references: [],
    dependents: (id) => [
      sql`delete from task_progress where occurrence_id in (select id from task_occurrences where task_id = ${id})`,
      sql`delete from task_reminders where occurrence_id in (select id from task_occurrences where task_id = ${id})`,
      sql`delete from task_occurrences where task_id = ${id}`,
      sql`delete from task_coordinators where task_id = ${id}`,
    ],
  },
  dossiers: {
    table: 'dossiers',
    label: sql<string>`code || ' — ' || title || ' (' || year || ')'`,
    references: [],
    dependents: (id) => [sql`delete from dossier_documents where dossier_id = ${id}`],
  },
  tthc: {
    table: 'tthc_dossiers',
    label: sql<string>`code || ' — ' || applicant_name`,
    references: [],
    dependents: () => [],
  },
};

export const trashKinds = Object.keys(specs) as TrashKind[];
/** The audit log's entity for a kind: its table. */
export const trashTable = (kind: TrashKind) => specs[kind].table;

/** The access rule over a kind's table (unaliased); none: every row. */
export type TrashVisibility = (kind: TrashKind) => RawBuilder<SqlBool> | undefined;
const everyRow = sql<SqlBool>`1 = 1`;

export interface TrashRow {
  kind: TrashKind;
  id: number;
  label: string;
  deleted_at: string;
  actor: string | null;
  /** The delete's audit change (db/audit-codec.ts). */
  changes: Buffer | null;
}

export function trashStore(h: StoreHandle) {
  return {
    /** A record of the kind, deleted or not, if the rule lets the caller see it. */
    async find(kind: TrashKind, id: number, visible: TrashVisibility) {
      const s = specs[kind];
      const r = await sql<{ id: number; label: string; deleted_at: string | null }>`select id, ${s.label} as label, deleted_at from ${sql.table(s.table)} where id = ${id} and ${visible(kind) ?? everyRow}`.execute(h.db);
      return r.rows[0];
    },
    outgoingIssue: (id: number) => h.db.selectFrom('outgoing').select(['status', 'notation']).where('id', '=', id).executeTakeFirst(),
    dossierState: (id: number) => h.db.selectFrom('dossiers').select(['state', 'code']).where('id', '=', id).executeTakeFirst(),
    async setDeleted(kind: TrashKind, id: number, at: string | null) {
      await sql`update ${sql.table(specs[kind].table)} set deleted_at = ${at} where id = ${id}`.execute(h.db);
    },
    /** A page of the deleted records of the kinds, newest deletion first, with who deleted each and the delete's audit row. */
    async list(kinds: TrashKind[], visible: TrashVisibility, page: number, pageSize: number): Promise<{ total: number; rows: TrashRow[] }> {
      const union = sql.join(
        kinds.map((k) => sql`select ${sql.lit(k)} as kind, id, ${specs[k].label} as label, deleted_at from ${sql.table(specs[k].table)} where deleted_at is not null and ${visible(k) ?? everyRow}`),
        sql` union all `,
      );
      const total = await sql<{ n: number }>`select count(*) as n from (${union}) u`.execute(h.db);
      const rows = await sql<TrashRow>`
      select t.kind, t.id, t.label, t.deleted_at, a.actor, a.changes from (${union}) t
      left join audit_log a on a.id = (select max(id) from audit_log x where x.entity_id = t.id
        and x.kind in (select k.kind from audit_kinds k where k.entity = case t.kind when 'tthc' then 'tthc_dossiers' else t.kind end and k.action like '%.delete'))
      order by t.deleted_at desc limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(h.db);
      return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows };
    },
    /** What of the records pointing to it still exists (the first kind found), or null. */
    async referencedBy(kind: TrashKind, id: number): Promise<string | null> {
      for (const [table, column, what] of specs[kind].references) {
        const used = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(h.db);
        if (Number(used.rows[0]?.n ?? 0) > 0) return what;
      }
      return null;
    },
    /** The record, the rows that belong to it and its search entry, for good. */
    async purge(kind: TrashKind, id: number) {
      for (const q of specs[kind].dependents(id)) await q.execute(h.db);
      if (kind === 'incoming' || kind === 'outgoing') await unindexDoc(h.db, kind, id);
      await sql`delete from ${sql.table(specs[kind].table)} where id = ${id}`.execute(h.db);
    },
  };
}
