/**
 * The backups' rows: their settings and the database's id (which names this
 * database's backups and survives a restore); and what a backup file holds,
 * read on the file itself (SQLite's backup API makes them; a PostgreSQL dump
 * gets its own reader).
 */
import type Database from 'better-sqlite3';
import { DATABASE_ID_KEY } from '../../../db/backup-file';
import { getSetting, putSetting } from '../../../db/settings';
import type { StoreHandle } from '../stores';

const SETTINGS_KEY = 'backup';

export interface StoredBackupSettings {
  dir?: string | null;
  keepDaily?: number;
  keepWeekly?: number;
  keepMonthly?: number;
}

export function backupStore(h: StoreHandle) {
  return {
    settings: async (): Promise<StoredBackupSettings> => (await getSetting<StoredBackupSettings>(h.db, SETTINGS_KEY)) ?? {},
    saveSettings: (s: StoredBackupSettings) => putSetting(h.db, SETTINGS_KEY, s),
    databaseId: async (): Promise<string | null> => (await getSetting<{ id?: string }>(h.db, DATABASE_ID_KEY))?.id ?? null,
    keepDatabaseId: (id: string) => putSetting(h.db, DATABASE_ID_KEY, { id }),
  };
}

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
