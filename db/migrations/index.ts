/**
 * Ordered, in-code migrations. The version lives in PRAGMA user_version; each
 * migration runs in its own transaction together with the version bump.
 */
import type { Kysely } from 'kysely';
import * as m001 from './001_init';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const migrations: readonly Migration[] = [{ version: 1, name: 'init', up: m001.up }];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
