// Builds the renderer with vite, sending vite's output to stderr so that
// callers such as `npm run web` keep stdout for their own first line.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A package's own file, found beside this script (package exports hide bin files). */
export const moduleFile = (rel) => fileURLToPath(new URL(`../node_modules/${rel}`, import.meta.url));

export function buildRenderer() {
  const vite = moduleFile('vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) {
    console.error('Không dựng được giao diện (vite build thất bại).');
    process.exit(r.status ?? 1);
  }
}
