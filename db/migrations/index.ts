/**
 * Ordered, in-code migrations, the same on both engines. The version lives in
 * PRAGMA user_version on SQLite and in the table van_thu_schema on PostgreSQL;
 * each migration runs in its own transaction together with the version bump.
 * On PostgreSQL the schema builder's SQLite words are rewritten by
 * db/pg-schema.ts; a migration with raw SQL of one engine asks for the engine.
 */
import type { Kysely } from 'kysely';
import type { Engine } from '../engine';
import * as m001 from './001_init';
import * as m002 from './002_documents';
import * as m003 from './003_search';
import * as m004 from './004_tasks';
import * as m005 from './005_dossiers';
import * as m006 from './006_users';
import * as m007 from './007_outbox';
import * as m008 from './008_outbox_unknown';
import * as m009 from './009_database_id';
import * as m010 from './010_organ_id';
import * as m011 from './011_trust_roots';
import * as m012 from './012_recognised_text';
import * as m013 from './013_office';
import * as m014 from './014_intake';
import * as m015 from './015_ten_years';
import * as m016 from './016_figures';
import * as m017 from './017_write_path';
import * as m018 from './018_audit_records';
import * as m019 from './019_search_index';
import * as m020 from './020_register_page';
import * as m021 from './021_audit_compressed';
import * as m022 from './022_register_sorts';
import * as m023 from './023_smaller_log';
import * as m024 from './024_search_terms';
import * as m025 from './025_instants';
import * as m026 from './026_search_without_prefix';

export interface Migration {
  version: number;
  name: string;
  /** The engine is optional for the tests that call a step by hand (SQLite then). */
  up(db: Kysely<unknown>, engine?: Engine): Promise<void>;
  /** It shrinks many rows in place: SQLite's file is rewritten after it (db/connection.ts), to be as small as its data. */
  compacts?: boolean;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'init', up: m001.up },
  { version: 2, name: 'documents', up: m002.up },
  { version: 3, name: 'search', up: m003.up },
  { version: 4, name: 'tasks', up: m004.up },
  { version: 5, name: 'dossiers', up: m005.up },
  { version: 6, name: 'users', up: m006.up },
  { version: 7, name: 'outbox', up: m007.up },
  { version: 8, name: 'outbox-unknown', up: m008.up },
  { version: 9, name: 'database id', up: m009.up },
  { version: 10, name: 'organ-id', up: m010.up },
  { version: 11, name: 'trust-roots', up: m011.up },
  { version: 12, name: 'recognised-text', up: m012.up },
  { version: 13, name: 'office', up: m013.up },
  { version: 14, name: 'intake', up: m014.up },
  { version: 15, name: 'ten-years', up: m015.up },
  { version: 16, name: 'figures', up: m016.up },
  { version: 17, name: 'write-path', up: m017.up },
  { version: 18, name: 'audit-records', up: m018.up },
  { version: 19, name: 'search-index', up: m019.up },
  { version: 20, name: 'register-page', up: m020.up },
  { version: 21, name: 'audit-compressed', up: m021.up, compacts: true },
  { version: 22, name: 'register-sorts', up: m022.up },
  { version: 23, name: 'smaller-log', up: m023.up, compacts: true },
  { version: 24, name: 'search-terms', up: m024.up },
  { version: 25, name: 'instants', up: m025.up, compacts: true },
  { version: 26, name: 'search-without-prefix', up: m026.up, compacts: true },
];

/**
 * A list that goes back or repeats a version would run a step twice or write a
 * lower user_version over a higher one, leaving a file the next start cannot
 * open: refused before the database is touched.
 */
export function checkMigrations(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new Error(`Danh sách nâng cấp cơ sở dữ liệu sai: phiên bản ${m.version} ("${m.name}") phải là số nguyên lớn hơn phiên bản trước nó (${previous}).`);
    }
    previous = m.version;
  }
}

checkMigrations(migrations);

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
