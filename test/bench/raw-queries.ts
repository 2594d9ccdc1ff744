/** What the app's methods are compared with: the same work straight on better-sqlite3. */
import Database from 'better-sqlite3';
import { encodeChange } from '../../db/audit-codec';
import { ftsQuery } from '../../db/search';
import { foldVietnamese } from '../../shared/text';

export const SEARCH_QUERIES = ['dat dai', 'BC-STNMT', '448/BC', 'quan trac moi truong', 'giay chung nhan quyen su dung dat', 'UBND huyen Cao Loc', 'KH-UBND'];

/** The raw queries the app's methods are compared with. */
export function rawStatements(raw: Database.Database) {
  const list = raw.prepare(
    `select i.*, r.name, u.name, o.notation from incoming i join registers r on r.id = i.register_id
     left join units u on u.id = i.lead_unit_id left join outgoing o on o.id = i.reply_outgoing_id
     where i.deleted_at is null and i.arrival_date between ? and ? order by i.arrival_date desc, i.arrival_number desc limit 50 offset ?`,
  );
  const count = raw.prepare('select count(*) n from incoming where deleted_at is null and arrival_date between ? and ?');
  const search = raw.prepare('select rowid, bm25(doc_search, 10.0, 4.0, 2.0, 1.0) s from doc_search where doc_search match ? order by s limit 30');
  return {
    page: (year: number, page: number) => {
      count.get(`${year}-01-01`, `${year}-12-31`);
      return list.all(`${year}-01-01`, `${year}-12-31`, (page - 1) * 50);
    },
    search: (q: string) => search.all(ftsQuery(foldVietnamese(q))),
  };
}

/** A durable commit of a document and its audit row, as the raw counterpart of incoming.register. */
export function rawRegistration(file: string, n: number): number[] {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const doc = db.prepare(
    `insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, notation, subject, created_at, updated_at)
     values (1, 1900, ?, '1900-01-01', 'UBND tỉnh Lạng Sơn', 'ubnd tinh lang son', ?, 'V/v đo hiệu năng', ?, ?)`,
  );
  db.prepare("insert into audit_kinds (action, entity) values ('bench.raw', 'incoming') on conflict do nothing").run();
  const audit = db.prepare(`insert into audit_log (at, actor, kind, entity_id, changes) values (?, 'bench', (select kind from audit_kinds where action = 'bench.raw'), ?, ?)`);
  const one = db.transaction((i: number) => {
    // Epoch milliseconds, as the app stores a document's and a log row's instants (migrations 023, 025).
    const now = Date.now();
    const id = Number(doc.run(i + 1, `${i + 1}/RAW`, now, now).lastInsertRowid);
    audit.run(now, id, encodeChange({ before_json: null, after_json: JSON.stringify({ notation: `${i + 1}/RAW`, subject: 'V/v đo hiệu năng' }) }));
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    one(i);
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  // The bench's own rows leave the kept database as they came.
  db.exec("delete from audit_log where kind in (select kind from audit_kinds where action = 'bench.raw'); delete from audit_kinds where action = 'bench.raw'; delete from incoming where year = 1900");
  db.close();
  return out;
}
