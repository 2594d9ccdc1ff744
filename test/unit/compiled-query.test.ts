import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledOnce, compiledRowInsert } from '../../db/compiled';
import type { DB } from '../../db/schema';

let sqlite: Database.Database;
let db: Kysely<DB>;

beforeAll(() => {
  sqlite = new Database(':memory:');
  sqlite.exec(`create table settings (key text primary key, value_json text not null default '"mặc định"')`);
  sqlite.exec(`insert into settings values ('a', '"một"'), ('b', '"hai"'), ('c', '"ba"')`);
  db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
});
afterAll(() => db.destroy());

/** A key between two bounds, and a constant of the query's own among the arguments. */
const between = compiledOnce(2, (d, from: string, to: string) =>
  d.selectFrom('settings').select('key').where('key', '>=', from).where('key', '<=', to).where('value_json', '!=', '"không"').orderBy('key'),
);

describe('compiledOnce', () => {
  it('runs the query compiled once with each call’s values, in their places', async () => {
    expect((await between(db, 'a', 'b')).map((r) => r.key)).toEqual(['a', 'b']);
    expect((await between(db, 'b', 'c')).map((r) => r.key)).toEqual(['b', 'c']);
    expect((await between(db, 'c', 'a')).map((r) => r.key)).toEqual([]);
  });

  it('runs an sql`` query the same way', async () => {
    const valueOf = compiledOnce(1, (_d, key: string) => sql<{ value_json: string }>`select value_json from settings where key = ${key}`);
    expect(await valueOf(db, 'b')).toEqual([{ value_json: '"hai"' }]);
    expect(await valueOf(db, 'c')).toEqual([{ value_json: '"ba"' }]);
  });

  it('inserts rows of either set of columns, leaving out those undefined as kysely does', async () => {
    // The row the builder gets holds only the defined columns: value_json may be absent, and the table's default then applies.
    const insert = compiledRowInsert((d, row: { key: string; value_json?: string }) => d.insertInto('settings').values(row as { key: string; value_json: string }).returning('key'));
    expect(await insert(db, { key: 'd', value_json: '"bốn"' })).toEqual([{ key: 'd' }]);
    expect(await insert(db, { key: 'e', value_json: undefined })).toEqual([{ key: 'e' }]);
    expect(await insert(db, { key: 'f', value_json: '"sáu"' })).toEqual([{ key: 'f' }]);
    expect(sqlite.prepare("select key, value_json from settings where key in ('d', 'e', 'f') order by key").all()).toEqual([
      { key: 'd', value_json: '"bốn"' },
      { key: 'e', value_json: '"mặc định"' },
      { key: 'f', value_json: '"sáu"' },
    ]);
  });

  it('builds the query anew on a handle with plugins, so that they see every run', async () => {
    const seen: string[] = [];
    const watcher: KyselyPlugin = {
      transformQuery(a) {
        seen.push(a.node.kind);
        return a.node;
      },
      transformResult: async (a) => a.result,
    };
    const watched = db.withPlugin(watcher);
    expect((await between(watched, 'a', 'a')).map((r) => r.key)).toEqual(['a']);
    expect((await between(watched, 'c', 'c')).map((r) => r.key)).toEqual(['c']);
    expect(seen).toEqual(['SelectQueryNode', 'SelectQueryNode']);
  });
});
