/** Tasks read from a document's text: the proposal, then the reviewed list saved in one transaction. */
import { AppError, fieldError } from '../../../shared/api/errors';
import { readTaskDocument } from '../../../shared/tasks/document';
import { documentYear } from '../../../shared/tasks/phrases';
import { describeRecurrence, parseRecurrence } from '../../../shared/tasks/recurrence';
import { foldVietnamese } from '../../../shared/text';
import type { HandlerMap } from '../context';
import { docxText } from '../docx-text';
import { createTask } from './handlers';

/** Names compared without diacritics, case, punctuation or "phòng"/"Phòng" spelling. */
function key(name: string): string {
  return foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim();
}

const NOT_IN_ABBREVIATION = new Set(['phong', 'va', 'so', 'cua', 'tinh', 'thuoc']);

/** "Phòng Đo đạc và Khoáng sản" → "ĐĐKS"; a digit is added when the agency already uses it. */
export function proposeAbbreviation(name: string, taken: ReadonlySet<string>): string {
  const words = name.split(/[\s\-–,]+/).filter((w) => w && !NOT_IN_ABBREVIATION.has(foldVietnamese(w)));
  const base = (words.map((w) => w.charAt(0)).join('') || 'DV').toLocaleUpperCase('vi').slice(0, 12);
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLocaleUpperCase('vi')); n++) candidate = `${base}${n}`;
  return candidate;
}

export const taskImportHandlers: HandlerMap<'tasks.readDocument' | 'tasks.importFromText' | 'tasks.importCommit'> = {
  async 'tasks.readDocument'(ctx, v) {
    const { content: data, name } = ctx.files.read(ctx.user, v.fileId, 30 * 1024 * 1024);
    if (!/\.(txt|docx)$/i.test(name)) throw fieldError('VALIDATION', 'fileId', `Tệp "${name}": chỉ đọc được tệp .txt hoặc .docx.`);
    if (/\.txt$/i.test(name)) return { text: new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '') };
    return { text: await docxText(data) };
  },
  async 'tasks.importFromText'(ctx, v) {
    const units = await ctx.stores.tasks.internalUnits();
    const byKey = new Map(units.flatMap((u) => [[key(u.name), u] as const, ...(u.abbreviation ? [[key(u.abbreviation), u] as const] : [])]));
    const match = (name: string | null) => (name ? byKey.get(key(name)) ?? null : null);
    const doc = readTaskDocument(v.text, { knownUnits: units.map((u) => u.name) });
    return {
      source: doc.source,
      references: doc.references,
      documentYear: documentYear(v.text),
      tasks: doc.tasks.map((t) => {
        const lead = match(t.unitName);
        const coordinating = t.coordinatingUnitNames.map((n) => ({ n, u: match(n) }));
        const recurrence = parseRecurrence(t.timeText);
        return {
          ...t,
          unitId: lead?.id ?? null,
          coordinatingUnitIds: coordinating.flatMap((c) => (c.u ? [c.u.id] : [])),
          unknownUnitNames: [...(t.unitName && !lead ? [t.unitName] : []), ...coordinating.filter((c) => !c.u).map((c) => c.n)],
          recurrence: recurrence && t.recurrence ? { kind: t.recurrence, label: describeRecurrence(recurrence) } : null,
        };
      }),
    };
  },
  async 'tasks.importCommit'(ctx, v) {
    const createdUnits: { id: number; name: string }[] = [];
    const created: number[] = [];
    const units = await ctx.stores.tasks.internalUnits();
    for (const [i, t] of v.tasks.entries()) {
      let leadUnitId = t.leadUnitId;
      if (t.newLeadUnitName) {
        const k = key(t.newLeadUnitName);
        const existing = units.find((u) => key(u.name) === k) ?? createdUnits.find((u) => key(u.name) === k);
        if (existing) leadUnitId = existing.id;
        else {
          const now = ctx.now();
          const order = units.length + createdUnits.length + 1;
          const taken = new Set((await ctx.stores.tasks.unitAbbreviations()).map((a) => a.toLocaleUpperCase('vi')));
          const unit = { name: t.newLeadUnitName, name_fold: foldVietnamese(t.newLeadUnitName), abbreviation: proposeAbbreviation(t.newLeadUnitName, taken), kind: 'internal' as const, parent_id: null, email: null, sort_order: order, created_at: now, updated_at: now, archived_at: null };
          const id = await ctx.stores.tasks.insertUnit(unit);
          await ctx.stores.audit.write({ at: now, actor: ctx.actor, action: ctx.method, entity: 'units', entityId: id, before: null, after: { id, ...unit } });
          createdUnits.push({ id, name: t.newLeadUnitName });
          leadUnitId = id;
        }
      }
      try {
        const task = await createTask(ctx, {
          content: t.content,
          sourceIncomingId: v.sourceIncomingId,
          sourceOutgoingId: null,
          sourceText: v.sourceText,
          assignedBy: v.assignedBy,
          leadUnitId,
          coordinatingUnitIds: t.coordinatingUnitIds,
          person: null,
          startDate: null,
          deadline: t.deadline,
          timeText: t.timeText,
          focus: t.focus,
          field: null,
          targetQuantity: null,
          targetUnit: null,
          inSuperiorProgramme: false,
          note: null,
        });
        created.push(task.id);
      } catch (e) {
        // Name the row, so the review screen can point at it; the transaction writes nothing.
        if (e instanceof AppError && e.code === 'VALIDATION') {
          const fields = e.fields.map((f) => ({ path: `tasks.${i}.${f.path}`, message: `Nhiệm vụ thứ ${i + 1}: ${f.message}` }));
          throw new AppError('VALIDATION', `Nhiệm vụ thứ ${i + 1}: ${e.message}`, fields);
        }
        throw e;
      }
    }
    return { created, createdUnits };
  },
};
