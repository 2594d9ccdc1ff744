// better-sqlite3 is compiled for one runtime at a time. `npm start` rebuilds
// it for Electron; the browser shell and the tests need it built for Node.
// This rebuilds it for Node when the compiled module does not load.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export function ensureNodeNative() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return;
  } catch (e) {
    if (!/NODE_MODULE_VERSION|was compiled against|invalid ELF|Could not locate the bindings/.test(String(e))) throw e;
  }
  console.error('Biên dịch lại better-sqlite3 cho Node.js…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['rebuild', 'better-sqlite3', '--loglevel=warn'], { stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureNodeNative();
