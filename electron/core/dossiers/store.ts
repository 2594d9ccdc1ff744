/** The work files' SQL: the yearly list and its headings, the files, their documents and hand-overs. */
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { DossierDocumentsTable } from '../../../db/schema-dossiers';
import type { Dossier, Heading } from '../../../shared/api/dossiers';
import { foldVietnamese } from '../../../shared/text';
import type { StoreHandle } from '../stores';
import { handoverOf, roman } from './rules';

export interface DossierFilter {
  ids?: readonly number[];
  year?: number | null;
  unitId?: number | null;
  state?: Dossier['state'] | null;
  qFold?: string | null;
}

/** The access rule over a table with incoming_id and outgoing_id, for the alias given. */
export type LinkAccess = (alias: string) => Expression<SqlBool>;

/** The file's own fields as the API names them; retention is stored as years, 0 for permanent. */
export interface DossierFields {
  headingId?: number | null;
  code?: string;
  title?: string;
  retention?: Dossier['retention'];
  keeperUnitId?: number | null;
  keeperPerson?: string | null;
  note?: string | null;
}

/** A document's entry in a file's index, as copied from its register or typed. */
export type DocumentEntry = Omit<Selectable<DossierDocumentsTable>, 'id' | 'dossier_id' | 'created_at' | 'deleted_at'>;

const retentionYears = (r: Dossier['retention']) => (r === 'permanent' ? 0 : r);

function columns(v: DossierFields) {
  return {
    ...(v.headingId !== undefined ? { heading_id: v.headingId } : {}),
    ...(v.code !== undefined ? { code: v.code } : {}),
    // Searched without diacritics: the folded title is kept beside it.
    ...(v.title !== undefined ? { title: v.title, title_fold: foldVietnamese(v.title) } : {}),
    ...(v.retention !== undefined ? { retention_years: retentionYears(v.retention) } : {}),
    ...(v.keeperUnitId !== undefined ? { keeper_unit_id: v.keeperUnitId } : {}),
    ...(v.keeperPerson !== undefined ? { keeper_person: v.keeperPerson } : {}),
    ...(v.note !== undefined ? { note: v.note } : {}),
  };
}

export function dossiersStore({ db }: StoreHandle) {
  async function documentsOf(ids: number[], shown: LinkAccess): Promise<Map<number, Dossier['documents']>> {
    const rows = await db.selectFrom('dossier_documents as x').selectAll('x').where('x.dossier_id', 'in', ids).where('x.deleted_at', 'is', null).where(shown('x')).orderBy('x.doc_date').orderBy('x.id').execute();
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

  return {
    /** The files with their documents' dates and sheets, the documents themselves when asked. */
    async list(f: DossierFilter, access: LinkAccess, today: string, withDocuments = false): Promise<Dossier[]> {
      // A registered document the caller may not see is left out of the file's entries, dates and sheet count alike.
      const shown = sql`x.dossier_id = f.id and x.deleted_at is null and ${access('x')}`;
      let q = db
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
      const docs = withDocuments && rows.length ? await documentsOf(rows.map((r) => r.id), access) : new Map<number, Dossier['documents']>();
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
    },

    /** The year's headings, numbered I, II… and 1, 2… under each. */
    async headings(year: number): Promise<Heading[]> {
      const rows = await db.selectFrom('dossier_headings').selectAll().where('year', '=', year).where('deleted_at', 'is', null).orderBy('position').execute();
      const out: Heading[] = [];
      rows.filter((r) => r.parent_id === null).forEach((t, i) => {
        out.push({ id: t.id, year, parentId: null, position: t.position, label: roman(i + 1), title: t.title });
        rows.filter((r) => r.parent_id === t.id).forEach((c, j) => out.push({ id: c.id, year, parentId: t.id, position: c.position, label: String(j + 1), title: c.title }));
      });
      return out;
    },

    heading: (id: number) => db.selectFrom('dossier_headings').select(['year', 'parent_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst(),

    /** A heading put last among its siblings. */
    async appendHeading(v: { year: number; parentId: number | null; title: string }): Promise<number> {
      const last = await db
        .selectFrom('dossier_headings')
        .select(sql<number>`coalesce(max(position), 0)`.as('p'))
        .where('year', '=', v.year)
        .where((eb) => (v.parentId ? eb('parent_id', '=', v.parentId) : eb('parent_id', 'is', null)))
        .executeTakeFirstOrThrow();
      const r = await db.insertInto('dossier_headings').values({ year: v.year, parent_id: v.parentId, position: Number(last.p) + 1, title: v.title }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    /** The file of that year with that code, other than exceptId. */
    codeTakenBy(year: number, code: string, exceptId: number | null) {
      let q = db.selectFrom('dossiers').select('title').where('year', '=', year).where('code', '=', code).where('deleted_at', 'is', null);
      if (exceptId !== null) q = q.where('id', '!=', exceptId);
      return q.executeTakeFirst();
    },

    async yearHasContent(year: number): Promise<boolean> {
      const file = await db.selectFrom('dossiers').select('id').where('year', '=', year).where('deleted_at', 'is', null).executeTakeFirst();
      const heading = await db.selectFrom('dossier_headings').select('id').where('year', '=', year).where('deleted_at', 'is', null).executeTakeFirst();
      return !!(file || heading);
    },

    /** Last year's headings and files into a new year, the files open again; nothing is written when there are no headings. */
    async copyYear(fromYear: number, toYear: number, now: string): Promise<{ headings: number; files: number }> {
      const headings = await db.selectFrom('dossier_headings').selectAll().where('year', '=', fromYear).where('deleted_at', 'is', null).orderBy(sql`parent_id is not null`).orderBy('parent_id').orderBy('position').execute();
      if (!headings.length) return { headings: 0, files: 0 };
      const map = new Map<number, number>();
      // Parents first: ordering by parent_id puts nulls first in SQLite.
      for (const h of headings) {
        const parent = h.parent_id === null ? null : (map.get(h.parent_id) ?? null);
        const r = await db.insertInto('dossier_headings').values({ year: toYear, parent_id: parent, position: h.position, title: h.title }).returning('id').executeTakeFirstOrThrow();
        map.set(h.id, r.id);
      }
      const files = await db.selectFrom('dossiers').selectAll().where('year', '=', fromYear).where('deleted_at', 'is', null).execute();
      for (const f of files) {
        await db
          .insertInto('dossiers')
          .values({
            year: toYear,
            heading_id: f.heading_id === null ? null : (map.get(f.heading_id) ?? null),
            code: f.code,
            title: f.title,
            title_fold: f.title_fold,
            retention_years: f.retention_years,
            keeper_unit_id: f.keeper_unit_id,
            keeper_person: f.keeper_person,
            note: f.note,
            state: 'open',
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      return { headings: headings.length, files: files.length };
    },

    async insert(v: Required<DossierFields> & { year: number }, now: string): Promise<number> {
      const r = await db
        .insertInto('dossiers')
        .values({
          year: v.year,
          heading_id: v.headingId,
          code: v.code,
          title: v.title,
          title_fold: foldVietnamese(v.title),
          retention_years: retentionYears(v.retention),
          keeper_unit_id: v.keeperUnitId,
          keeper_person: v.keeperPerson,
          note: v.note,
          state: 'open',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    update: (id: number, v: DossierFields, now: string) => db.updateTable('dossiers').set({ ...columns(v), updated_at: now }).where('id', '=', id).execute(),

    close: (id: number, workEndedAt: string, extraSheets: number, now: string) =>
      db.updateTable('dossiers').set({ state: 'closed', work_ended_at: workEndedAt, extra_sheets: extraSheets, updated_at: now }).where('id', '=', id).execute(),

    /** A registered incoming document as the file's index copies it, if the caller may see it. */
    incomingEntry: (id: number, access: Expression<SqlBool>) =>
      db.selectFrom('incoming as i').select(['i.notation', 'i.document_date', 'i.arrival_date', 'i.subject', 'i.sender_name']).where('i.id', '=', id).where('i.deleted_at', 'is', null).where(access).executeTakeFirst(),

    outgoingEntry: (id: number, access: Expression<SqlBool>) =>
      db.selectFrom('outgoing as o').select(['o.notation', 'o.issue_date', 'o.subject']).where('o.id', '=', id).where('o.deleted_at', 'is', null).where(access).executeTakeFirst(),

    /** The author of the agency's own documents. */
    async agencyName(): Promise<string | null> {
      const a = await db.selectFrom('agency').select('name').where('id', '=', 1).executeTakeFirst();
      return a?.name ?? null;
    },

    addDocument: (dossierId: number, entry: DocumentEntry, now: string) => db.insertInto('dossier_documents').values({ dossier_id: dossierId, ...entry, created_at: now }).execute(),

    removeDocument: (documentId: number, now: string) => db.updateTable('dossier_documents').set({ deleted_at: now }).where('id', '=', documentId).execute(),

    /** A hand-over and the files it takes to the archive. */
    async handOver(v: { date: string; giverUnitId: number | null; giverPerson: string; receiver: string; note: string | null }, ids: number[], now: string): Promise<number> {
      const h = await db
        .insertInto('dossier_handovers')
        .values({ date: v.date, giver_unit_id: v.giverUnitId, giver_person: v.giverPerson, receiver: v.receiver, note: v.note, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.updateTable('dossiers').set({ state: 'handed_over', handover_id: h.id, updated_at: now }).where('id', 'in', ids).execute();
      return h.id;
    },

    async handovers(year: number | null | undefined) {
      let q = db
        .selectFrom('dossier_handovers as h')
        .leftJoin('units as u', 'u.id', 'h.giver_unit_id')
        .select(['h.id', 'h.date', 'h.giver_person', 'h.receiver', 'u.name as unit_name'])
        .select(sql<number>`(select count(*) from dossiers f where f.handover_id = h.id and f.deleted_at is null)`.as('n'));
      if (year) q = q.where('h.date', 'like', `${year}-%`);
      const rows = await q.orderBy('h.date', 'desc').execute();
      return rows.map((r) => ({ id: r.id, date: r.date, giverUnit: r.unit_name, giverPerson: r.giver_person, receiver: r.receiver, count: Number(r.n) }));
    },

    /** One hand-over with its giving unit's name, and the ids of its files. */
    async handover(id: number) {
      const h = await db.selectFrom('dossier_handovers as h').leftJoin('units as u', 'u.id', 'h.giver_unit_id').selectAll('h').select('u.name as unit_name').where('h.id', '=', id).executeTakeFirst();
      if (!h) return null;
      const ids = (await db.selectFrom('dossiers').select('id').where('handover_id', '=', id).where('deleted_at', 'is', null).execute()).map((r) => r.id);
      return { ...h, fileIds: ids };
    },
  };
}
