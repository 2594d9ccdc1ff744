/** Task figures on the ten-year demo data (about 20,000 tasks with progress). */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { printPercentiles, print, sample } from './stats';
import { tenYearCore } from './registers';

export async function taskFigures(): Promise<void> {
  const { core, file } = await tenYearCore();
  const raw = new Database(file, { readonly: true });
  const c = raw.prepare('select (select count(*) from tasks) t, (select count(*) from task_occurrences) o, (select count(*) from task_progress) p').get() as { t: number; o: number; p: number };
  print({ name: 'data.tasks', value: c.t, unit: 'tasks', n: 1 });
  print({ name: 'data.taskOccurrences', value: c.o, unit: 'occurrences', n: 1 });
  print({ name: 'data.taskProgress', value: c.p, unit: 'reports', n: 1 });
  raw.close();

  const inputs = [
    {},
    { status: 'overdue' as const },
    { status: 'due_soon' as const },
    { unitId: 3, from: '2025-01-01', to: '2025-12-31' },
    { q: 'dat dai', from: '2024-01-01', to: '2024-12-31' },
    { source: 'text' as const, sort: 'unit' as const, page: 20 },
    { focus: true, status: 'done_late' as const },
  ];
  printPercentiles('tasks.list', await sample(210, (i) => core.call('tasks.list', inputs[i % inputs.length]!)));
  printPercentiles('tasks.list.overdue', await sample(100, () => core.call('tasks.list', { status: 'overdue' })));
  printPercentiles('tasks.summary.year', await sample(60, () => core.call('tasks.summary', { from: '2025-01-01', to: '2025-12-31' })));
  printPercentiles('tasks.summary.tenYears', await sample(30, () => core.call('tasks.summary', {})));
  printPercentiles('tasks.get', await sample(200, (i) => core.call('tasks.get', { id: 1 + ((i * 97) % c.t) })));
  printPercentiles('tasks.create', await sample(100, (i) => core.call('tasks.create', { content: `Nhiệm vụ đo hiệu năng ${i}`, leadUnitId: 2, deadline: '2026-12-31' })));
  const seed = fs.readFileSync(new URL('../../../shared/seeds/002_3a266e0a28503dbb.txt', import.meta.url), 'utf8');
  printPercentiles('tasks.importFromText.seed002', await sample(30, () => core.call('tasks.importFromText', { text: seed })));
  await core.close();
}
