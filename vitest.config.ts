import { defineConfig } from 'vitest/config';

/**
 * What is SQLite's by nature, left out of the PostgreSQL run: the file's
 * pragmas, WAL and power-cut safety, the lock file, quick_check and the
 * background integrity check, SQLite backups, restore and recovery, SQLite's
 * query plans, and migrations of older SQLite files (PostgreSQL's migrations
 * are tested in postgres.test.ts).
 */
const sqliteOnly = [
  'test/integration/database.test.ts', // pragmas, WAL, user_version of a file
  'test/integration/disk.test.ts', // a full disk played by max_page_count, a read-only file
  'test/integration/kill.test.ts', // a killed process and the file's integrity_check
  'test/integration/one-writer.test.ts', // the lock file beside the database
  'test/integration/integrity.test.ts', // quick_check in a worker thread
  'test/integration/recovery.test.ts', // a damaged file moved aside at start
  'test/integration/backup.test.ts', // SQLite's backup API (pg_dump backups come with their own part)
  'test/integration/query-plans.test.ts', // EXPLAIN QUERY PLAN of SQLite
  'test/integration/migrations/**', // older SQLite files migrated
];

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          // Only PostgreSQL's own tests; they need the project's cluster.
          exclude: ['test/integration/postgres.test.ts', 'test/integration/pg-*.test.ts', 'test/integration/office-pg.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-pg',
          include: ['test/integration/**/*.test.ts'],
          exclude: sqliteOnly,
          environment: 'node',
          env: { VANTHU_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres.ts'],
          setupFiles: ['test/support/postgres-skip.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
