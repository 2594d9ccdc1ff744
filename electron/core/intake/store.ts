/**
 * The intake queue's SQL: its items and their files, the duplicate checks on
 * them, the watched folders and the files they gave, the mailbox's places and
 * the parts it took, and the digest's deadlines.
 */
import type { Insertable, RawBuilder, SqlBool, Updateable } from 'kysely';
import { listTaskRows, type TaskFilter } from '../tasks/store';
import type { StatusClock } from '../tasks/rules';
import type { IntakeFilesTable, IntakeItemsTable, IntakeWatchFoldersTable } from '../../../db/schema-intake';
import type { StoreHandle } from '../stores';

type Status = IntakeItemsTable['status'];
type Visible = RawBuilder<SqlBool>;
type FolderChange = Omit<Updateable<IntakeWatchFoldersTable>, 'id'>;
type TaskPage = Parameters<typeof listTaskRows>[3];

export function intakeStore(h: StoreHandle) {
  const { db } = h;
  return {
    async insertItem(values: Insertable<IntakeItemsTable>): Promise<number> {
      return (await db.insertInto('intake_items').values(values).returning('id').executeTakeFirstOrThrow()).id;
    },
    async insertFile(values: Insertable<IntakeFilesTable>): Promise<void> {
      await db.insertInto('intake_files').values(values).execute();
    },
    item: (id: number) => db.selectFrom('intake_items').selectAll().where('id', '=', id).executeTakeFirst(),
    items: (ids: readonly number[]) => db.selectFrom('intake_items').selectAll().where('id', 'in', [...ids]).orderBy('id').execute(),
    async filesOf(itemIds: readonly number[]) {
      if (itemIds.length === 0) return [];
      return db.selectFrom('intake_files').selectAll().where('item_id', 'in', [...itemIds]).orderBy('id').execute();
    },
    async countByStatus(): Promise<{ status: Status; n: number }[]> {
      const rows = await db.selectFrom('intake_items').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
    },
    /** One page of one status: waiting ones the oldest first, as they came; the others the latest decision first. */
    page(status: Status, pageSize: number, page: number) {
      const order = status === 'waiting' ? 'asc' : 'desc';
      return db
        .selectFrom('intake_items')
        .selectAll()
        .where('status', '=', status)
        .orderBy(status === 'waiting' ? 'id' : 'updated_at', order)
        .orderBy('id', order)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
    },
    async change(id: number, change: Omit<Updateable<IntakeItemsTable>, 'id'>): Promise<void> {
      await db.updateTable('intake_items').set(change).where('id', '=', id).execute();
    },
    /** The oldest item the reader has not read yet. */
    async nextUnread(): Promise<number | null> {
      return (await db.selectFrom('intake_items').select('id').where('reading', '=', 'pending').orderBy('id').executeTakeFirst())?.id ?? null;
    },
    /** The registered document (the first) that has one of these files attached; `visible`: the access rule on incoming documents under the alias it is given. */
    registeredWithFile: (hashes: readonly string[], visible: (alias: string) => Visible) =>
      db
        .selectFrom('attachments as a')
        .innerJoin('incoming as i', 'i.id', 'a.owner_id')
        .select(['i.id', 'i.arrival_number', 'i.arrival_date', (eb) => eb.fn<number>('coalesce', [visible('i'), eb.val(0)]).as('visible')])
        .where('a.owner_kind', '=', 'incoming')
        .where('a.deleted_at', 'is', null)
        .where('i.deleted_at', 'is', null)
        .where('a.sha256', 'in', [...hashes])
        .orderBy('i.id')
        .executeTakeFirst(),
    /** Another item not yet registered that holds one of these files. */
    async otherWithFile(hashes: readonly string[], itemId: number): Promise<number | null> {
      const row = await db
        .selectFrom('intake_files as f')
        .innerJoin('intake_items as it', 'it.id', 'f.item_id')
        .select(['it.id'])
        .where('f.sha256', 'in', [...hashes])
        .where('it.id', '!=', itemId)
        .where('it.status', '!=', 'registered')
        .orderBy('it.id')
        .executeTakeFirst();
      return row?.id ?? null;
    },
    /** Where a registered document came from, kept on it. */
    async setOrigin(incomingId: number, origin: string): Promise<void> {
      await db.updateTable('incoming').set({ origin }).where('id', '=', incomingId).execute();
    },

    folders: () => db.selectFrom('intake_watch_folders').selectAll().where('removed_at', 'is', null).orderBy('id').execute(),
    enabledFolders: () => db.selectFrom('intake_watch_folders').selectAll().where('removed_at', 'is', null).where('enabled', '=', 1).execute(),
    folder: (id: number) => db.selectFrom('intake_watch_folders').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst(),
    insertFolder: (values: Insertable<IntakeWatchFoldersTable>) => db.insertInto('intake_watch_folders').values(values).returningAll().executeTakeFirstOrThrow(),
    changeFolder: (id: number, change: FolderChange) => db.updateTable('intake_watch_folders').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow(),
    /** Kept, with what it took: the items it gave stay in the queue. */
    async removeFolder(id: number, at: string): Promise<void> {
      await db.updateTable('intake_watch_folders').set({ removed_at: at, enabled: 0 }).where('id', '=', id).execute();
    },
    async recordScan(id: number, at: string, error: string | null): Promise<void> {
      await db.updateTable('intake_watch_folders').set({ last_scan_at: at, error }).where('id', '=', id).execute();
    },
    takenFiles: (folderId: number) => db.selectFrom('intake_folder_taken').select(['name', 'size', 'mtime_ms']).where('folder_id', '=', folderId).execute(),
    /** False when this very file (name, size, time) was taken already, e.g. by another app server watching the same folder. */
    async markTaken(folderId: number, name: string, size: number, mtimeMs: number, at: string): Promise<boolean> {
      const r = await db.insertInto('intake_folder_taken').values({ folder_id: folderId, name, size, mtime_ms: mtimeMs, taken_at: at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    mailPlace: (folder: string) => db.selectFrom('intake_mail_folders').selectAll().where('folder', '=', folder).executeTakeFirst(),
    async setMailPlace(folder: string, validity: string, lastUid: number): Promise<void> {
      await db
        .insertInto('intake_mail_folders')
        .values({ folder, uid_validity: validity, last_uid: lastUid })
        .onConflict((oc) => oc.column('folder').doUpdateSet({ uid_validity: validity, last_uid: lastUid }))
        .execute();
    },
    /** Remembers one part of a mail; false when it was taken before. */
    async markMailTaken(key: string, at: string): Promise<boolean> {
      const taken = await db.insertInto('intake_mail_taken').values({ key, taken_at: at }).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      return Number(taken.numInsertedOrUpdatedRows ?? 0) !== 0;
    },

    /** The digest's tasks: the tasks list's own query. */
    tasks: (f: TaskFilter, c: StatusClock, page: TaskPage) => listTaskRows(db, f, c, page),
    /** Open incoming documents whose handling deadline falls in [from, until], the nearest first. */
    dueDocuments: (from: string, until: string, visible: (alias: string) => Visible, limit: number) =>
      db
        .selectFrom('incoming as i')
        .select(['i.id', 'i.arrival_number', 'i.notation', 'i.subject', 'i.deadline'])
        .where('i.deleted_at', 'is', null)
        .where('i.completed_at', 'is', null)
        .where('i.deadline', '>=', from)
        .where('i.deadline', '<=', until)
        .where(visible('i'))
        .orderBy('i.deadline')
        .orderBy('i.id')
        .limit(limit)
        .execute(),
  };
}
