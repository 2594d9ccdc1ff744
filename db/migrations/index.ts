/**
 * Ordered, in-code migrations. The version lives in PRAGMA user_version; each
 * migration runs in its own transaction together with the version bump.
 */
import type { Kysely } from 'kysely';
import * as m001 from './001_init';
import * as m002 from './002_documents';
import * as m003 from './003_search';
import * as m004 from './004_tasks';
import * as m005 from './005_dossiers';
import * as m006 from './006_users';
import * as m007 from './007_outbox';
import * as m009 from './009_database_id';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', up: m001.up },
  { version: 2, name: 'documents', up: m002.up },
  { version: 3, name: 'search', up: m003.up },
  { version: 4, name: 'tasks', up: m004.up },
  { version: 5, name: 'dossiers', up: m005.up },
  { version: 6, name: 'users', up: m006.up },
  { version: 7, name: 'outbox', up: m007.up },
  { version: 9, name: 'database id', up: m009.up },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
