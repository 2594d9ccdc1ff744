/** Report, home page and backup figures on the ten-year demo data. */
import { printPercentiles, sample } from './stats';
import { tenYearCore } from './registers';

export async function reportFigures(): Promise<void> {
  const { core } = await tenYearCore();
  printPercentiles('reports.monthly', await sample(24, (i) => core.call('reports.monthly', { year: 2025 + Math.floor(i / 12), month: (i % 12) + 1 })));
  printPercentiles('reports.dashboard', await sample(20, () => core.call('reports.dashboard', { year: 2026 })));
  printPercentiles('backup.create', await sample(3, () => core.call('backup.create', {})));
  await core.close();
}
