/** Settings are small JSON values by key, one row each. */
import type { Kysely } from 'kysely';
import { compiledOnce } from './compiled';
import type { DB } from './schema';

const settingOf = compiledOnce(1, (db, key: string) => db.selectFrom('settings').select('value_json').where('key', '=', key));

export async function getSetting<T>(db: Kysely<DB>, key: string): Promise<T | null> {
  const [r] = await settingOf(db, key);
  return r ? (JSON.parse(r.value_json) as T) : null;
}

export async function putSetting(db: Kysely<DB>, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db.insertInto('settings').values({ key, value_json }).onConflict((oc) => oc.column('key').doUpdateSet({ value_json })).execute();
}
