// Bundles the Electron main process and preload into CommonJS files in
// dist/electron. The runtime dependencies stay external: better-sqlite3 and
// @napi-rs/canvas are native modules, pdf.js loads its own worker and files.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', ...Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies)],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/desktop/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/desktop/preload.ts'], outfile: 'dist/electron/preload.cjs' });
