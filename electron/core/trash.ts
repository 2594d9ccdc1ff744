/**
 * Deleting never destroys: a deleted record keeps its row with deleted_at
 * set, every list already leaves it out, and the trash brings it back.
 * Purging (xóa hẳn) is explicit and refused while other records point to it.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { writeAudit } from '../../db/audit';
import { unindexDoc } from '../../db/search';
import { AppError, fieldError } from '../../shared/api/errors';
import type { TrashKind } from '../../shared/api/trash';
import { visibleIncoming, visibleOutgoing, visibleTask, type SessionUser } from './access';
import type { CallContext, HandlerMap } from './context';

interface Spec {
  table: 'incoming' | 'outgoing' | 'tasks' | 'dossiers' | 'tthc_dossiers';
  label: RawBuilder<string>;
  /** The access rule over the table (unaliased): what the caller may not see is not in their trash either. */
  visible?: (user: SessionUser | null) => RawBuilder<SqlBool>;
  /** Why this record may not be deleted, if it may not. */
  guard?: (ctx: CallContext, id: number) => Promise<string | null>;
  /** Records that still point to it: purging is refused while there are any. */
  references: [table: string, column: string, what: string][];
  /** Rows that belong to it and go with it on purge. */
  dependents: (id: number) => RawBuilder<unknown>[];
}

const specs: Record<TrashKind, Spec> = {
  incoming: {
    table: 'incoming',
    label: sql<string>`'Văn bản đến số ' || printf('%02d', arrival_number) || ' năm ' || coalesce(year, '') || ' — ' || subject`,
    visible: (user) => visibleIncoming(user, 'incoming'),
    references: [['tasks', 'source_incoming_id', 'nhiệm vụ'], ['dossier_documents', 'incoming_id', 'hồ sơ công việc'], ['outgoing_replies', 'incoming_id', 'văn bản trả lời']],
    dependents: (id) => [sql`delete from incoming_coordinators where incoming_id = ${id}`, sql`delete from attachments where owner_kind = 'incoming' and owner_id = ${id}`],
  },
  outgoing: {
    table: 'outgoing',
    label: sql<string>`coalesce(notation, 'Dự thảo') || ' — ' || subject`,
    visible: (user) => visibleOutgoing(user, 'outgoing'),
    guard: async (ctx, id) => {
      const r = await ctx.db.selectFrom('outgoing').select(['status', 'notation']).where('id', '=', id).executeTakeFirst();
      return r && r.status !== 'draft' ? `Văn bản ${r.notation ?? ''} đã được cấp số: không xóa được, hãy dùng “Hủy số” để giữ dấu vết trong sổ.` : null;
    },
    references: [['tasks', 'source_outgoing_id', 'nhiệm vụ'], ['dossier_documents', 'outgoing_id', 'hồ sơ công việc'], ['incoming', 'reply_outgoing_id', 'văn bản đến được trả lời']],
    dependents: (id) => [sql`delete from outgoing_recipients where outgoing_id = ${id}`, sql`delete from outgoing_replies where outgoing_id = ${id}`, sql`delete from attachments where owner_kind = 'outgoing' and owner_id = ${id}`],
  },
  tasks: {
    table: 'tasks',
    label: sql<string>`content`,
    visible: (user) => visibleTask(user, 'tasks'),
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
    guard: async (ctx, id) => {
      const r = await ctx.db.selectFrom('dossiers').select(['state', 'code']).where('id', '=', id).executeTakeFirst();
      return r?.state === 'handed_over' ? `Hồ sơ ${r.code} đã nộp lưu: thuộc Lưu trữ cơ quan, không xóa được ở đây.` : null;
    },
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

const visibleIn = (ctx: CallContext, kind: TrashKind) => specs[kind].visible?.(ctx.user) ?? sql<SqlBool>`1 = 1`;

/** Deleting, restoring and purging find only what the caller may see. */
async function row(ctx: CallContext, kind: TrashKind, id: number) {
  const s = specs[kind];
  const r = await sql<{ id: number; label: string; deleted_at: string | null }>`select id, ${s.label} as label, deleted_at from ${sql.table(s.table)} where id = ${id} and ${visibleIn(ctx, kind)}`.execute(ctx.db);
  const found = r.rows[0];
  if (!found) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy mã ${id}.`);
  return found;
}

const audit = (ctx: CallContext, kind: TrashKind, id: number, before: unknown, after: unknown) =>
  writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: specs[kind].table, entityId: id, before, after });

export async function softDelete(ctx: CallContext, kind: TrashKind, id: number, reason: string | null) {
  const r = await row(ctx, kind, id);
  if (r.deleted_at) throw fieldError('CONFLICT', 'id', `“${r.label}” đã ở trong thùng rác.`);
  const refused = await specs[kind].guard?.(ctx, id);
  if (refused) throw fieldError('CONFLICT', 'id', refused);
  const at = ctx.now();
  await sql`update ${sql.table(specs[kind].table)} set deleted_at = ${at} where id = ${id}`.execute(ctx.db);
  await audit(ctx, kind, id, { label: r.label }, { deletedAt: at, reason });
  return { kind, id, label: r.label, deletedAt: at };
}

const del = (kind: TrashKind) => (ctx: CallContext, v: { id: number; reason: string | null }) => softDelete(ctx, kind, v.id, v.reason);

export const trashHandlers: HandlerMap<'incoming.delete' | 'outgoing.delete' | 'tasks.delete' | 'dossiers.delete' | 'tthc.delete' | 'trash.list' | 'trash.restore' | 'trash.purge'> = {
  'incoming.delete': del('incoming'),
  'outgoing.delete': del('outgoing'),
  'tasks.delete': del('tasks'),
  'dossiers.delete': del('dossiers'),
  'tthc.delete': del('tthc'),
  async 'trash.list'(ctx, v) {
    const kinds = v.kind ? [v.kind] : (Object.keys(specs) as TrashKind[]);
    const union = sql.join(
      kinds.map((k) => sql`select ${k} as kind, id, ${specs[k].label} as label, deleted_at from ${sql.table(specs[k].table)} where deleted_at is not null and ${visibleIn(ctx, k)}`),
      sql` union all `,
    );
    const total = await sql<{ n: number }>`select count(*) as n from (${union})`.execute(ctx.db);
    const rows = await sql<{ kind: TrashKind; id: number; label: string; deleted_at: string; actor: string | null; after_json: string | null }>`
      select t.kind, t.id, t.label, t.deleted_at, a.actor, a.after_json from (${union}) t
      left join audit_log a on a.id = (select max(id) from audit_log x where x.entity = case t.kind when 'tthc' then 'tthc_dossiers' else t.kind end and x.entity_id = t.id and x.action like '%.delete')
      order by t.deleted_at desc limit ${v.pageSize} offset ${(v.page - 1) * v.pageSize}`.execute(ctx.db);
    return {
      total: Number(total.rows[0]?.n ?? 0),
      items: rows.rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        deletedAt: r.deleted_at,
        deletedBy: r.actor,
        reason: r.after_json ? ((JSON.parse(r.after_json) as { reason?: string | null }).reason ?? null) : null,
      })),
    };
  },
  async 'trash.restore'(ctx, v) {
    const r = await row(ctx, v.kind, v.id);
    if (!r.deleted_at) throw fieldError('CONFLICT', 'id', `“${r.label}” không ở trong thùng rác.`);
    try {
      await sql`update ${sql.table(specs[v.kind].table)} set deleted_at = null where id = ${v.id}`.execute(ctx.db);
    } catch (e) {
      if (e instanceof Error && /UNIQUE/.test(e.message)) throw fieldError('CONFLICT', 'id', `Không khôi phục được “${r.label}”: đã có một bản ghi khác cùng số hoặc mã.`);
      throw e;
    }
    await audit(ctx, v.kind, v.id, { deletedAt: r.deleted_at }, { deletedAt: null });
    return { kind: v.kind, id: v.id, label: r.label, deletedAt: r.deleted_at };
  },
  async 'trash.purge'(ctx, v) {
    const s = specs[v.kind];
    const r = await row(ctx, v.kind, v.id);
    if (!r.deleted_at) throw fieldError('CONFLICT', 'id', `Chỉ xóa hẳn được mục đã ở trong thùng rác; “${r.label}” chưa bị xóa.`);
    for (const [table, column, what] of s.references) {
      const used = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} where ${sql.ref(column)} = ${v.id}`.execute(ctx.db);
      if (Number(used.rows[0]?.n ?? 0) > 0) throw new AppError('CONFLICT', `Không xóa hẳn được “${r.label}”: còn ${what} dẫn tới nó.`, [{ path: 'id', message: `Còn ${what} dẫn tới văn bản này.` }]);
    }
    for (const q of s.dependents(v.id)) await q.execute(ctx.db);
    if (v.kind === 'incoming' || v.kind === 'outgoing') await unindexDoc(ctx.db, v.kind, v.id);
    await sql`delete from ${sql.table(s.table)} where id = ${v.id}`.execute(ctx.db);
    await audit(ctx, v.kind, v.id, { label: r.label, deletedAt: r.deleted_at }, null);
    return { purged: true };
  },
};
