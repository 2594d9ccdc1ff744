// npm start: the desktop app. Electron's binary is not downloaded by
// `npm install` (it fails on machines without access); it is fetched here.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildRenderer } from './run-vite-build.mjs';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary, or a throw if it is missing
  } catch {
    return null;
  }
}

function fail(why) {
  console.error(`\nKhông khởi động được bản máy tính (Electron): ${why}`);
  console.error('Trên máy này hãy dùng bản chạy trong trình duyệt:  npm run web');
  console.error('(Electron could not be started here; use the browser shell: npm run web)\n');
  process.exit(1);
}

if (!electronBinary()) {
  console.error('Đang tải Electron (chỉ lần đầu)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: ['ignore', 'inherit', 'pipe'], env, encoding: 'utf8' });
  if (r.status !== 0 || !electronBinary()) {
    const reason = (r.stderr ?? '').split('\n').find((l) => /Error|ENOTFOUND|ECONN|ETIMEDOUT/.test(l)) ?? '';
    fail(`không tải được Electron (máy không có mạng hoặc bị chặn). ${reason.trim()}`);
  }
}

// The native database module must match Electron's ABI.
const rebuild = spawnSync(process.execPath, [require.resolve('electron-builder/cli.js'), 'install-app-deps'], { stdio: 'inherit' });
if (rebuild.status !== 0) fail('không biên dịch được better-sqlite3 cho Electron.');

buildRenderer();
const b = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);

const child = spawn(electronBinary(), ['.'], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
