/** Table types of migration 014: the intake queue, its files, the mailbox's and the watched folders' memory. */
import type { Generated } from 'kysely';

export interface IntakeItemsTable {
  id: Generated<number>;
  status: 'waiting' | 'set_aside' | 'registered';
  origin_kind: 'mail' | 'folder' | 'upload';
  /** The IntakeOrigin shown in the queue, as JSON. */
  origin_json: string;
  /** A mail without attachments: its text. */
  body_text: string | null;
  reading: 'pending' | 'done' | 'failed';
  /** documents.read's answer (fields, recognised text), as JSON. */
  read_json: string | null;
  read_error: string | null;
  set_aside_reason: string | null;
  incoming_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface IntakeFilesTable {
  id: Generated<number>;
  item_id: number;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
}

export interface IntakeMailFoldersTable {
  folder: string;
  uid_validity: string;
  last_uid: number;
}

export interface IntakeMailTakenTable {
  key: string;
  taken_at: string;
}

export interface IntakeWatchFoldersTable {
  id: Generated<number>;
  label: string;
  path: string;
  after_take: 'move' | 'leave';
  enabled: number;
  last_scan_at: string | null;
  error: string | null;
  created_at: string;
  removed_at: string | null;
}

export interface IntakeFolderTakenTable {
  folder_id: number;
  name: string;
  size: number;
  mtime_ms: number;
  taken_at: string;
}

export interface IntakeTables {
  intake_items: IntakeItemsTable;
  intake_files: IntakeFilesTable;
  intake_mail_folders: IntakeMailFoldersTable;
  intake_mail_taken: IntakeMailTakenTable;
  intake_watch_folders: IntakeWatchFoldersTable;
  intake_folder_taken: IntakeFolderTakenTable;
}
