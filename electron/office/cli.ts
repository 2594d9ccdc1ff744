/**
 * npm run server -- --listen HOST:PORT --db FILE [--cert-dir DIR] [--data-dir DIR]
 * npm run server -- --listen HOST:PORT --pg URL --data-dir DIR [--pg-password-file FILE] [--cert-dir DIR]
 * The office server without a window (a small box that stays on), on a SQLite
 * file or a PostgreSQL database (the password from PGPASSWORD or a file, TLS
 * when the URL's sslmode asks for it). The first
 * line on stdout is `https://HOST:PORT SHA256:<fingerprint>`; everything else
 * goes to stderr. It never listens on every interface unless told 0.0.0.0.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { shellCore, stopOnSignals } from '../web/shell-run';
import { defaultDbPath } from '../core/paths';
import { AppError } from '../../shared/api/errors';
import { safeUrl, type PostgresTarget } from '../../db/engine';
import { startOfficeServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const usage = [
  'Cách dùng: npm run server -- --listen ĐỊA_CHỈ:CỔNG --db TỆP [--cert-dir THƯ_MỤC] [--data-dir THƯ_MỤC]',
  '      hoặc: npm run server -- --listen ĐỊA_CHỈ:CỔNG --pg postgres://NGƯỜI_DÙNG@MÁY:5432/CSDL[?sslmode=require|verify-full] --data-dir THƯ_MỤC [--pg-password-file TỆP] [--cert-dir THƯ_MỤC]',
  '(mật khẩu PostgreSQL lấy từ biến môi trường PGPASSWORD hoặc từ --pg-password-file)',
  'ví dụ: npm run server -- --listen 192.168.1.10:8443 --db /srv/van-thu/van-thu.sqlite',
].join('\n');

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

/** HOST:PORT, [IPv6]:PORT. */
function parseListen(s: string): { host: string; port: number } | null {
  const m = /^\[([0-9a-fA-F:.]+)\]:(\d{1,5})$/.exec(s) ?? /^([^:[\]\s]+):(\d{1,5})$/.exec(s);
  if (!m) return null;
  const port = Number(m[2]);
  return port <= 65535 ? { host: m[1]!, port } : null;
}

const SSL_MODES = new Set(['disable', 'prefer', 'require', 'verify-ca', 'verify-full']);

/** The --pg URL checked before anything connects; the password stays out of every message. */
function postgresTarget(url: string, passwordFile: string | undefined): PostgresTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    fail('--pg không phải địa chỉ hợp lệ: cần dạng postgres://NGƯỜI_DÙNG@MÁY:CỔNG/CSDL.');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') fail(`--pg ${safeUrl(url)}: cần bắt đầu bằng postgres://.`);
  const mode = u.searchParams.get('sslmode');
  if (mode !== null && !SSL_MODES.has(mode)) fail(`--pg: sslmode=${mode} không hợp lệ (require hoặc verify-full để mã hóa kết nối).`);
  if (u.password) console.error('Cảnh báo: mật khẩu nằm trong --pg; nên dùng biến môi trường PGPASSWORD hoặc --pg-password-file để mật khẩu không hiện trong danh sách tiến trình.');
  return { engine: 'postgres', url, ...(passwordFile ? { passwordFile: path.resolve(passwordFile) } : {}) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { listen: { type: 'string' }, db: { type: 'string' }, pg: { type: 'string' }, 'pg-password-file': { type: 'string' }, 'cert-dir': { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: false,
  });
  // Which network the office's data is served on is the administrator's choice, never a default.
  if (!values.listen) fail('Thiếu --listen: hãy chọn địa chỉ mạng của máy chủ (0.0.0.0 nghĩa là mọi mạng, chỉ dùng khi thật cần).');
  const listen = parseListen(values.listen);
  if (!listen) fail(`--listen "${values.listen}" không hợp lệ: cần ĐỊA_CHỈ:CỔNG.`);
  if (values.db && values.pg) fail('Chỉ chọn một cơ sở dữ liệu: --db (tệp SQLite) hoặc --pg (máy chủ PostgreSQL), không cả hai.');
  const programName = 'Văn thư (máy chủ văn phòng)';
  let core: Awaited<ReturnType<typeof shellCore>>;
  let described: string;
  let certDir: string;
  if (values.pg) {
    const database = postgresTarget(values.pg, values['pg-password-file']);
    // A PostgreSQL database has no folder of its own: the attachments, the certificate and the backups need one.
    if (!values['data-dir']) fail('Với --pg cần --data-dir: thư mục của tệp đính kèm, chứng thư máy chủ và bản sao lưu.');
    const dataDir = path.resolve(values['data-dir']);
    described = safeUrl(database.url);
    certDir = path.resolve(values['cert-dir'] ?? path.join(dataDir, 'may-chu'));
    core = await shellCore({ database, dataDir, programName });
  } else {
    const dbPath = path.resolve(values.db ?? defaultDbPath());
    described = dbPath;
    certDir = path.resolve(values['cert-dir'] ?? path.join(path.dirname(dbPath), 'may-chu'));
    core = await shellCore({ dbPath, programName, dataDir: values['data-dir'] });
  }
  const staticDir = path.join(root, 'dist', 'renderer');
  const hasUi = fs.existsSync(path.join(staticDir, 'index.html'));
  const server = await startOfficeServer({ core, listen, certDir, ...(hasUi ? { staticDir } : {}) }).catch(async (e: unknown) => {
    await core.close();
    throw e;
  });
  process.stdout.write(`${server.url} SHA256:${server.fingerprint}\n`);
  console.error(`Máy chủ văn phòng Văn thư đang chạy tại ${server.url}. Cơ sở dữ liệu: ${described}. Chứng thư: ${certDir}.`);
  console.error(`Vân tay chứng thư (SHA-256), để các máy trạm đối chiếu: ${server.fingerprint}`);
  if (!hasUi) console.error('Chưa dựng giao diện (dist/renderer): trình duyệt trong mạng không mở được trang; các máy trạm vẫn kết nối được. Chạy "npm run build" để có giao diện.');
  console.error('Nhấn Ctrl+C để dừng.');
  stopOnSignals(server, core);
}

main().catch((e: unknown) => {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'EADDRINUSE') console.error('Cổng này đang có chương trình khác dùng: hãy chọn cổng khác.');
  else if (code === 'EADDRNOTAVAIL') console.error('Máy này không có địa chỉ mạng đó: hãy chọn một địa chỉ của máy (ví dụ xem bằng ipconfig / ip addr).');
  else console.error(e instanceof Error ? e.message : String(e));
  const backup = e instanceof AppError ? e.details?.backup : undefined;
  if (typeof backup === 'string') console.error(`Cơ sở dữ liệu hỏng; bản sao lưu gần nhất: ${backup}. Khôi phục bằng: npm run web -- --db "…" --restore "${backup}"`);
  process.exit(1);
});
