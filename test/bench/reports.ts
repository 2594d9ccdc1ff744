/** Report, home page and backup figures on the ten-year demo data. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printPercentiles, sample } from './stats';
import { tenYearCore } from './registers';

export async function reportFigures(): Promise<void> {
  const { core } = await tenYearCore();
  printPercentiles('reports.monthly', await sample(24, (i) => core.call('reports.monthly', { year: 2025 + Math.floor(i / 12), month: (i % 12) + 1 })));
  printPercentiles('reports.dashboard', await sample(20, () => core.call('reports.dashboard', { year: 2026 })));
  // Backups of the bench database go to a folder of their own, removed afterwards.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-backups-'));
  await core.call('backup.updateSettings', { dir });
  printPercentiles('backup.create', await sample(3, () => core.call('backup.create', {})));
  await core.call('backup.updateSettings', { dir: null });
  fs.rmSync(dir, { recursive: true, force: true });
  await core.close();
}
