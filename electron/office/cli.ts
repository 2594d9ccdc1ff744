/**
 * npm run server -- --listen HOST:PORT --db FILE [--cert-dir DIR] [--data-dir DIR]
 * The office server without a window (a small box that stays on). The first
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
import { startOfficeServer } from './server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const usage = 'Cách dùng: npm run server -- --listen ĐỊA_CHỈ:CỔNG --db TỆP [--cert-dir THƯ_MỤC] [--data-dir THƯ_MỤC]\nví dụ: npm run server -- --listen 192.168.1.10:8443 --db /srv/van-thu/van-thu.sqlite';

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

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { listen: { type: 'string' }, db: { type: 'string' }, 'cert-dir': { type: 'string' }, 'data-dir': { type: 'string' } },
    allowPositionals: false,
  });
  // Which network the office's data is served on is the administrator's choice, never a default.
  if (!values.listen) fail('Thiếu --listen: hãy chọn địa chỉ mạng của máy chủ (0.0.0.0 nghĩa là mọi mạng, chỉ dùng khi thật cần).');
  const listen = parseListen(values.listen);
  if (!listen) fail(`--listen "${values.listen}" không hợp lệ: cần ĐỊA_CHỈ:CỔNG.`);
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  const certDir = path.resolve(values['cert-dir'] ?? path.join(path.dirname(dbPath), 'may-chu'));
  const staticDir = path.join(root, 'dist', 'renderer');
  const hasUi = fs.existsSync(path.join(staticDir, 'index.html'));
  const core = await shellCore({ dbPath, programName: 'Văn thư (máy chủ văn phòng)', dataDir: values['data-dir'] });
  const server = await startOfficeServer({ core, listen, certDir, ...(hasUi ? { staticDir } : {}) }).catch(async (e: unknown) => {
    await core.close();
    throw e;
  });
  process.stdout.write(`${server.url} SHA256:${server.fingerprint}\n`);
  console.error(`Máy chủ văn phòng Văn thư đang chạy tại ${server.url}. Cơ sở dữ liệu: ${dbPath}. Chứng thư: ${certDir}.`);
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
