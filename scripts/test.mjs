// npm test: everything CI runs — unit, integration and end-to-end tests
// (vitest; the end-to-end ones drive Debian's Chromium). Ends with the line
// "tests: N passed, N failed" so any reader of the log finds the outcome.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { ensureNodeNative } from './ensure-native.mjs';
import { buildRenderer, moduleFile } from './run-vite-build.mjs';

ensureNodeNative();
buildRenderer();

const report = 'test-results/vitest.json';
fs.mkdirSync('test-results', { recursive: true });
fs.rmSync(report, { force: true });
const vitest = moduleFile('vitest/vitest.mjs');
const r = spawnSync(
  process.execPath,
  [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const j = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = j.numPassedTests ?? 0;
  failed = (j.numFailedTests ?? 0) + (j.numFailedTestSuites ?? 0) * (j.numTotalTests === 0 ? 1 : 0);
  skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}
if (r.status !== 0 && failed === 0) failed = 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(r.status ?? 1);
