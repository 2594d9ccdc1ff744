/**
 * Migration tests start from a real older database: the schema of the version
 * before, with rows written as that version wrote them; after migrating, the
 * file must open in the app and read back through the API.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrations/index';
import { createCore, type Core } from '../../electron/core/index';
import { tempDir } from './core';

export const NOW = '2026-01-05T02:00:00.000Z';

/** A database at `version`, filled by `fill` with that version's schema; its file. */
export async function olderDatabase(version: number, fill: (db: Database.Database) => void = () => undefined): Promise<string> {
  const file = path.join(tempDir(), 'van-thu.sqlite');
  await (await openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups'), targetVersion: version })).close();
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = ON');
    fill(db);
  } finally {
    db.close();
  }
  return file;
}

/** Migrates the file only as far as `version`, then reads it raw (the schema checks of that migration). */
export async function migrateTo(file: string, version: number): Promise<Database.Database> {
  await (await openDatabase(file, { backupDir: path.join(path.dirname(file), 'backups'), targetVersion: version })).close();
  return new Database(file);
}

/** Opens the file as the app does (every migration to the latest), checking that it got there. */
export async function openInApp(file: string): Promise<Core> {
  const core = await createCore({ dbPath: file, clock: () => new Date(NOW) });
  const raw = new Database(file, { readonly: true });
  try {
    const version = Number(raw.pragma('user_version', { simple: true }));
    if (version !== LATEST_VERSION) throw new Error(`opened at version ${version}, not ${LATEST_VERSION}`);
  } finally {
    raw.close();
  }
  return core;
}

/** Rows as each version wrote them. */
export const rows = {
  unit(db: Database.Database, name: string, abbreviation: string | null, kind: 'internal' | 'external' = 'internal'): number {
    return Number(
      db.prepare('insert into units (name, name_fold, abbreviation, kind, created_at, updated_at) values (?, ?, ?, ?, ?, ?)').run(name, name.toLowerCase(), abbreviation, kind, NOW, NOW).lastInsertRowid,
    );
  },
  agency(db: Database.Database): void {
    db.prepare('insert into agency (id, name, abbreviation, place, updated_at) values (1, ?, ?, ?, ?)').run('Sở Tài nguyên và Môi trường', 'STNMT', 'Lạng Sơn', NOW);
  },
  /** Since version 2. */
  incoming(db: Database.Database, n: number, subject: string): number {
    return Number(
      db
        .prepare("insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, notation, subject, created_at, updated_at) values (1, 2026, ?, '2026-01-05', 'UBND tỉnh Lạng Sơn', 'ubnd tinh lang son', ?, ?, ?, ?)")
        .run(n, `${n}/UBND-KT`, subject, NOW, NOW).lastInsertRowid,
    );
  },
};

/** Runs a migration's schema checks (which insert test rows) and rolls them back, so the app later sees only real rows. */
export function checkThenRollBack(db: Database.Database, checks: () => void): void {
  db.exec('begin');
  try {
    checks();
  } finally {
    db.exec('rollback');
    db.close();
  }
}
