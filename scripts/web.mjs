// npm run web -- [--port N] [--db FILE]: builds the renderer, then starts the
// browser shell. Its first line on stdout is the URL with the token.
import { spawn } from 'node:child_process';
import { ensureNodeNative } from './ensure-native.mjs';
import { buildRenderer } from './run-vite-build.mjs';

ensureNodeNative();
buildRenderer();
const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/cli.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
