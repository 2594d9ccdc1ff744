/**
 * The backups' rows: their settings and the database's id (which names this
 * database's backups and survives a restore); and what a backup file holds,
 * read on the file itself (SQLite's backup API makes them; a PostgreSQL dump
 * gets its own reader).
 */
import type Database from 'better-sqlite3';
import { DATABASE_ID_KEY } from '../../../db/backup-file';
import { compactNow } from '../../../db/compact';
import { getSetting, putSetting } from '../../../db/settings';
import type { StoreHandle } from '../stores';

const SETTINGS_KEY = 'backup';
/** The day of the last daily backup, in the database: every app server on it sees the same claim. */
const DAILY_KEY = 'backup-daily';

export interface StoredBackupSettings {
  dir?: string | null;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
}

export function backupStore(h: StoreHandle) {
  return {
    /** The database written again without its empty pages (db/compact.ts): outside any transaction, as backup.compact runs. */
    compact: () => compactNow(h.db, h.engine),
    settings: async (): Promise<StoredBackupSettings> => (await getSetting<StoredBackupSettings>(h.db, SETTINGS_KEY)) ?? {},
    saveSettings: (s: StoredBackupSettings) => putSetting(h.db, SETTINGS_KEY, s),
    databaseId: async (): Promise<string | null> => (await getSetting<{ id?: string }>(h.db, DATABASE_ID_KEY))?.id ?? null,
    keepDatabaseId: (id: string) => putSetting(h.db, DATABASE_ID_KEY, { id }),
    /**
     * Claims the day's backup: true for the one caller that moves the row to `day`.
     * One statement (insert, or update only when the day differs), so two app servers
     * starting together cannot both win: the second waits on the row and finds it taken.
     */
    claimDailyBackup: async (day: string): Promise<boolean> => {
      const value_json = JSON.stringify({ day });
      const row = await h.db
        .insertInto('settings')
        .values({ key: DAILY_KEY, value_json })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }).where('settings.value_json', '<>', value_json))
        .returning('key')
        .executeTakeFirst();
      return row !== undefined;
    },
    /** A failed daily backup gives its claim back, so that a later start that day tries again. */
    releaseDailyBackup: async (day: string): Promise<void> => {
      await h.db.deleteFrom('settings').where('key', '=', DAILY_KEY).where('value_json', '=', JSON.stringify({ day })).execute();
    },
  };
}

/**
 * What a PostgreSQL dump holds, from the rows per table of its scratch restore
 * (db/pg-backup.ts counts whole tables: soft-deleted and archived rows included).
 */
export const dumpContents = (counts: Record<string, number>) => ({
  units: counts.units ?? 0,
  incoming: counts.incoming ?? 0,
  outgoing: counts.outgoing ?? 0,
  tasks: counts.tasks ?? 0,
  workFiles: counts.dossiers ?? 0,
  tthc: counts.tthc_dossiers ?? 0,
});

/** The data version and the live records a backup file holds (tables it predates count 0). */
export function backupFileContents(db: Database.Database) {
  const has = (t: string) => !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t);
  const count = (t: string, where = 'deleted_at is null') => (has(t) ? Number(db.prepare(`select count(*) from ${t} where ${where}`).pluck().get()) : 0);
  return {
    dataVersion: Number(db.pragma('user_version', { simple: true })),
    counts: {
      units: count('units', 'archived_at is null'),
      incoming: count('incoming'),
      outgoing: count('outgoing'),
      tasks: count('tasks'),
      workFiles: count('dossiers'),
      tthc: count('tthc_dossiers'),
    },
  };
}
