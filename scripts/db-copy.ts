/**
 * npm run db:copy -- --from FILE --to URL    (a SQLite office moving to PostgreSQL)
 * npm run db:copy -- --from URL --to FILE    (and back)
 * Copies every table into an empty target, then prints each table's row
 * count and checksum on both sides; exits 1 when any differs (or the copy
 * failed), 2 on wrong arguments. The PostgreSQL password comes from
 * PGPASSWORD or --pg-password-file and is never printed. The attachments
 * folder is not part of the database: copy it beside the new one.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyDatabase } from '../db/copy';
import { safeUrl, type DatabaseTarget } from '../db/engine';

const usage = 'Cách dùng: npm run db:copy -- --from TỆP.sqlite --to postgres://NGƯỜI_DÙNG@MÁY:5432/CSDL [--pg-password-file TỆP]\n      hoặc: npm run db:copy -- --from postgres://… --to TỆP.sqlite';

const isUrl = (s: string) => /^postgres(ql)?:\/\//.test(s);

function targetOf(s: string, passwordFile: string | undefined): DatabaseTarget {
  return isUrl(s) ? { engine: 'postgres', url: s, ...(passwordFile ? { passwordFile: path.resolve(passwordFile) } : {}) } : { engine: 'sqlite', file: path.resolve(s) };
}

const shown = (s: string) => (isUrl(s) ? safeUrl(s) : path.resolve(s));

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, 'pg-password-file': { type: 'string' } }, allowPositionals: false });
  if (!values.from || !values.to) {
    console.error(`Thiếu --from hoặc --to.\n${usage}`);
    return 2;
  }
  console.error(`Chép dữ liệu từ ${shown(values.from)} sang ${shown(values.to)}…`);
  const r = await copyDatabase(targetOf(values.from, values['pg-password-file']), targetOf(values.to, values['pg-password-file']), { backupDir: path.join(os.tmpdir(), 'van-thu-db-copy') });
  for (const t of r.tables) {
    console.log(`${t.same ? 'khớp' : 'KHÁC'}  ${t.table}: ${t.from.rows} → ${t.to.rows} dòng, ${t.from.sha256.slice(0, 16)} → ${t.to.sha256.slice(0, 16)}`);
  }
  console.log(`${r.searchRows.from === r.searchRows.to ? 'khớp' : 'KHÁC'}  chỉ mục tìm kiếm: ${r.searchRows.from} → ${r.searchRows.to} văn bản`);
  console.error(r.same ? 'Đã chép xong: mọi bảng khớp số dòng và mã kiểm tra.' : 'Có bảng không khớp sau khi chép: xem các dòng KHÁC ở trên.');
  return r.same ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
