/**
 * npm run web -- [--port N] [--db FILE] [--restore BACKUP]
 * The first line on stdout is the URL with the token; everything else goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDbPath } from '../core/paths';
import { restoreDatabaseFile } from '../core/backup/recovery';
import { AppError } from '../../shared/api/errors';
import { createShellRouter } from '../office/router';
import { startWebServer } from './server';
import { shellCore, stopOnSignals } from './shell-run';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, db: { type: 'string' }, 'data-dir': { type: 'string' }, restore: { type: 'string' } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cổng không hợp lệ: ${values.port}`);
    process.exit(2);
  }
  const staticDir = path.join(root, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    console.error('Chưa có giao diện đã dựng (dist/renderer). Hãy chạy "npm run build" trước (npm run web tự làm việc này).');
    process.exit(2);
  }
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  // After a damaged database was moved aside: put the chosen backup in its place.
  if (values.restore) restoreDatabaseFile(dbPath, path.resolve(values.restore));
  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : path.dirname(dbPath);
  // A client PC (may-tram.json in its data folder) never opens a database of its own.
  const core = createShellRouter({
    dataDir,
    staticDir,
    remote: { program: 'Văn thư (máy trạm, trình duyệt)' },
    openLocal: () => shellCore({ dbPath, programName: 'Văn thư (trình duyệt)', dataDir }),
  });
  await core.start();
  const server = await startWebServer({ core, staticDir, port });
  process.stdout.write(`${server.url}\n`);
  console.error(core.mode() === 'client' ? 'Văn thư (trình duyệt) đang chạy, là máy trạm của máy chủ văn phòng. Nhấn Ctrl+C để dừng.' : `Văn thư (trình duyệt) đang chạy. Cơ sở dữ liệu: ${dbPath}. Nhấn Ctrl+C để dừng.`);
  stopOnSignals(server, core);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  const backup = e instanceof AppError ? e.details?.backup : undefined;
  if (typeof backup === 'string') console.error(`Để khôi phục: npm run web -- --restore "${backup}"`);
  process.exit(1);
});
