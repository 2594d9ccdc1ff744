// Bundles the Electron main process and preload into CommonJS files in
// dist/electron. better-sqlite3 stays external: it is a native module; so do
// tesseract.js and its trained data, which find their worker script, wasm core
// and data files beside themselves in node_modules.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'tesseract.js', '@tesseract.js-data/vie'],
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['electron/desktop/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/desktop/preload.ts'], outfile: 'dist/electron/preload.cjs' });
