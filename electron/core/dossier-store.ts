/** Reading work files: the row, its documents' dates and sheets, its hand-over and the hand-over warning. */
import { addYears, format, parseISO, subDays } from 'date-fns';
import { sql } from 'kysely';
import { fieldError } from '../../shared/api/errors';
import type { Dossier, Heading } from '../../shared/api/dossiers';
import { visibleLinkColumns } from './access';
import type { CallContext } from './context';

const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
export function roman(n: number): string {
  let out = '';
  let left = n;
  for (const [v, s] of ROMAN) {
    while (left >= v) {
      out += s;
      left -= v;
    }
  }
  return out;
}

export interface DossierFilter {
  ids?: readonly number[];
  year?: number | null;
  unitId?: number | null;
  state?: Dossier['state'] | null;
  qFold?: string | null;
}

/** Warned from 30 days before the hand-over is due: one year after the work ended. */
export function handoverOf(state: Dossier['state'], workEndedAt: string | null, today: string): Pick<Dossier, 'handoverDue' | 'handoverWarning'> {
  if (!workEndedAt) return { handoverDue: null, handoverWarning: null };
  const due = format(addYears(parseISO(workEndedAt), 1), 'yyyy-MM-dd');
  if (state !== 'closed') return { handoverDue: due, handoverWarning: null };
  const warnFrom = format(subDays(parseISO(due), 30), 'yyyy-MM-dd');
  return { handoverDue: due, handoverWarning: today > due ? 'overdue' : today >= warnFrom ? 'soon' : null };
}

export async function loadDossiers(ctx: CallContext, f: DossierFilter, withDocuments = false): Promise<Dossier[]> {
  // A registered document the caller may not see is left out of the file's entries, dates and sheet count alike.
  const shown = sql`x.dossier_id = f.id and x.deleted_at is null and ${visibleLinkColumns(ctx.user, 'x')}`;
  let q = ctx.db
    .selectFrom('dossiers as f')
    .leftJoin('units as u', 'u.id', 'f.keeper_unit_id')
    .leftJoin('dossier_handovers as h', 'h.id', 'f.handover_id')
    .selectAll('f')
    .select(['u.name as unit_name', 'h.date as h_date', 'h.receiver as h_receiver'])
    .select([
      sql<number>`(select count(*) from dossier_documents x where ${shown})`.as('doc_count'),
      sql<number>`(select coalesce(sum(x.sheets), 0) from dossier_documents x where ${shown})`.as('doc_sheets'),
      sql<string | null>`(select min(x.doc_date) from dossier_documents x where ${shown})`.as('start_date'),
      sql<string | null>`(select max(x.doc_date) from dossier_documents x where ${shown})`.as('end_date'),
    ])
    .where('f.deleted_at', 'is', null);
  if (f.ids) q = q.where('f.id', 'in', f.ids.length ? [...f.ids] : [0]);
  if (f.year) q = q.where('f.year', '=', f.year);
  if (f.unitId) q = q.where('f.keeper_unit_id', '=', f.unitId);
  if (f.state) q = q.where('f.state', '=', f.state);
  if (f.qFold) {
    const like = `%${f.qFold}%`;
    q = q.where((eb) => eb.or([eb('f.title_fold', 'like', like), eb('f.code', 'like', like)]));
  }
  const rows = await q.orderBy('f.year').orderBy('f.code').execute();
  const docs = withDocuments && rows.length ? await documentsOf(ctx, rows.map((r) => r.id)) : new Map<number, Dossier['documents']>();
  const today = ctx.today();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    headingId: r.heading_id,
    code: r.code,
    title: r.title,
    retention: r.retention_years === 0 ? 'permanent' : r.retention_years,
    keeperUnit: r.keeper_unit_id !== null ? { id: r.keeper_unit_id, name: r.unit_name ?? '' } : null,
    keeperPerson: r.keeper_person,
    note: r.note,
    state: r.state,
    startDate: r.start_date,
    endDate: r.end_date,
    documentCount: Number(r.doc_count),
    sheets: Number(r.doc_sheets) + r.extra_sheets,
    workEndedAt: r.work_ended_at,
    ...handoverOf(r.state, r.work_ended_at, today),
    handover: r.handover_id !== null ? { id: r.handover_id, date: r.h_date ?? '', receiver: r.h_receiver ?? '' } : null,
    documents: docs.get(r.id) ?? [],
  }));
}

async function documentsOf(ctx: CallContext, ids: number[]): Promise<Map<number, Dossier['documents']>> {
  const rows = await ctx.db
    .selectFrom('dossier_documents as x')
    .selectAll('x')
    .where('x.dossier_id', 'in', ids)
    .where('x.deleted_at', 'is', null)
    .where(visibleLinkColumns(ctx.user, 'x'))
    .orderBy('x.doc_date')
    .orderBy('x.id')
    .execute();
  const out = new Map<number, Dossier['documents']>();
  for (const d of rows) {
    const list = out.get(d.dossier_id) ?? [];
    list.push({
      id: d.id,
      kind: d.incoming_id !== null ? 'incoming' : d.outgoing_id !== null ? 'outgoing' : 'other',
      incomingId: d.incoming_id,
      outgoingId: d.outgoing_id,
      notation: d.notation,
      date: d.doc_date,
      title: d.title,
      author: d.author,
      sheets: d.sheets,
    });
    out.set(d.dossier_id, list);
  }
  return out;
}

export async function loadDossier(ctx: CallContext, id: number, path = 'id'): Promise<Dossier> {
  const [d] = await loadDossiers(ctx, { ids: [id] }, true);
  if (!d) throw fieldError('NOT_FOUND', path, `Không tìm thấy hồ sơ mã ${id}.`);
  return d;
}

export async function loadHeadings(ctx: CallContext, year: number): Promise<Heading[]> {
  const rows = await ctx.db.selectFrom('dossier_headings').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('position').execute();
  const top = rows.filter((r) => r.parent_id === null);
  const out: Heading[] = [];
  top.forEach((t, i) => {
    out.push({ id: t.id, year, parentId: null, position: t.position, label: roman(i + 1), title: t.title });
    rows.filter((r) => r.parent_id === t.id).forEach((c, j) => out.push({ id: c.id, year, parentId: t.id, position: c.position, label: String(j + 1), title: c.title }));
  });
  return out;
}
