/**
 * Deleting never destroys: a deleted record keeps its row with deleted_at
 * set, every list already leaves it out, and the trash brings it back.
 * Purging (xóa hẳn) is explicit and refused while other records point to it.
 */
import { AppError, fieldError } from '../../../shared/api/errors';
import type { TrashKind } from '../../../shared/api/trash';
import { visibleIncoming, visibleOutgoing, visibleTask } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { trashKinds, trashTable, type TrashVisibility } from './store';
import { isUniqueViolation } from '../../../db/errors';
import { decodeChange } from '../../../db/audit-codec';

/** What the caller may not see is not in their trash either: the access rule over each table. */
const visibleTo =
  (ctx: CallContext): TrashVisibility =>
  (kind) =>
    kind === 'incoming' ? visibleIncoming(ctx.user, 'incoming') : kind === 'outgoing' ? visibleOutgoing(ctx.user, 'outgoing') : kind === 'tasks' ? visibleTask(ctx.user, 'tasks') : undefined;

/** Why a record may not be deleted, if it may not. */
const guards: Partial<Record<TrashKind, (ctx: CallContext, id: number) => Promise<string | null>>> = {
  outgoing: async (ctx, id) => {
    const r = await ctx.stores.trash.outgoingIssue(id);
    return r && r.status !== 'draft' ? `Văn bản ${r.notation ?? ''} đã được cấp số: không xóa được, hãy dùng “Hủy số” để giữ dấu vết trong sổ.` : null;
  },
  dossiers: async (ctx, id) => {
    const r = await ctx.stores.trash.dossierState(id);
    return r?.state === 'handed_over' ? `Hồ sơ ${r.code} đã nộp lưu: thuộc Lưu trữ cơ quan, không xóa được ở đây.` : null;
  },
};

/** Deleting, restoring and purging find only what the caller may see. */
async function row(ctx: CallContext, kind: TrashKind, id: number) {
  const found = await ctx.stores.trash.find(kind, id, visibleTo(ctx));
  if (!found) throw fieldError('NOT_FOUND', 'id', `Không tìm thấy mã ${id}.`);
  return found;
}

const audit = (ctx: CallContext, kind: TrashKind, id: number, before: unknown, after: unknown) =>
  ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: trashTable(kind), entityId: id, before, after });

async function softDelete(ctx: CallContext, kind: TrashKind, id: number, reason: string | null) {
  const r = await row(ctx, kind, id);
  if (r.deleted_at) throw fieldError('CONFLICT', 'id', `“${r.label}” đã ở trong thùng rác.`);
  const refused = await guards[kind]?.(ctx, id);
  if (refused) throw fieldError('CONFLICT', 'id', refused);
  const at = ctx.now();
  await ctx.stores.trash.setDeleted(kind, id, at);
  await audit(ctx, kind, id, { label: r.label }, { deletedAt: at, reason });
  return { kind, id, label: r.label, deletedAt: at };
}

/** The reason the delete's audit row holds. */
function deleteReason(changes: Buffer | null): string | null {
  const after = decodeChange(changes).after_json;
  return after ? ((JSON.parse(after) as { reason?: string | null }).reason ?? null) : null;
}

const del = (kind: TrashKind) => (ctx: CallContext, v: { id: number; reason: string | null }) => softDelete(ctx, kind, v.id, v.reason);

export const trashHandlers: HandlerMap<'incoming.delete' | 'outgoing.delete' | 'tasks.delete' | 'dossiers.delete' | 'tthc.delete' | 'trash.list' | 'trash.restore' | 'trash.purge'> = {
  'incoming.delete': del('incoming'),
  'outgoing.delete': del('outgoing'),
  'tasks.delete': del('tasks'),
  'dossiers.delete': del('dossiers'),
  'tthc.delete': del('tthc'),
  async 'trash.list'(ctx, v) {
    const { total, rows } = await ctx.stores.trash.list(v.kind ? [v.kind] : trashKinds, visibleTo(ctx), v.page, v.pageSize);
    return {
      total,
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        label: r.label,
        deletedAt: r.deleted_at,
        deletedBy: r.actor,
        reason: deleteReason(r.changes),
      })),
    };
  },
  async 'trash.restore'(ctx, v) {
    const r = await row(ctx, v.kind, v.id);
    if (!r.deleted_at) throw fieldError('CONFLICT', 'id', `“${r.label}” không ở trong thùng rác.`);
    try {
      await ctx.stores.trash.setDeleted(v.kind, v.id, null);
    } catch (e) {
      if (isUniqueViolation(e)) throw fieldError('CONFLICT', 'id', `Không khôi phục được “${r.label}”: đã có một bản ghi khác cùng số hoặc mã.`);
      throw e;
    }
    await audit(ctx, v.kind, v.id, { deletedAt: r.deleted_at }, { deletedAt: null });
    return { kind: v.kind, id: v.id, label: r.label, deletedAt: r.deleted_at };
  },
  async 'trash.purge'(ctx, v) {
    const r = await row(ctx, v.kind, v.id);
    if (!r.deleted_at) throw fieldError('CONFLICT', 'id', `Chỉ xóa hẳn được mục đã ở trong thùng rác; “${r.label}” chưa bị xóa.`);
    const what = await ctx.stores.trash.referencedBy(v.kind, v.id);
    if (what) throw new AppError('CONFLICT', `Không xóa hẳn được “${r.label}”: còn ${what} dẫn tới nó.`, [{ path: 'id', message: `Còn ${what} dẫn tới văn bản này.` }]);
    await ctx.stores.trash.purge(v.kind, v.id);
    await audit(ctx, v.kind, v.id, { label: r.label, deletedAt: r.deleted_at }, null);
    return { purged: true };
  },
};
