/**
 * npm run bench: performance figures as JSON lines
 * {"name", "value", "unit", "n"}. Figures, not pass/fail: tests assert behaviour.
 * `npm run bench -- office tasks` runs only the parts named.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../electron/core/index';
import { startWebServer } from '../../electron/web/server';
import { registerFigures } from './registers';
import { taskFigures } from './tasks';
import { dossierFigures } from './dossiers';
import { reportFigures } from './reports';
import { taskReaderScores } from './task-reader';
import { officeFigures } from './office';
import { engineFigures } from './engines';
import { print, printPercentiles, sample } from './stats';
import { scoreDocuments } from '../../scripts/score-documents';
import { scaleFigures } from './scale';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-'));

async function openAndMigrate(): Promise<void> {
  const samples = await sample(20, async (i) => {
    const core = await createCore({ dbPath: path.join(dir, `open-${i}.sqlite`) });
    await core.close();
  });
  printPercentiles('db.openMigrate', samples);
}

async function roundTrips(): Promise<void> {
  const core = await createCore({ dbPath: path.join(dir, 'api.sqlite') });
  await core.call('agency.update', { name: 'Sở Tài nguyên và Môi trường', abbreviation: 'STNMT', place: 'Lạng Sơn' });
  printPercentiles('api.inProcess.agencyGet', await sample(2000, () => core.call('agency.get', {})));

  const web = await startWebServer({ core, staticDir: path.join(dir, 'no-ui') });
  const origin = `http://127.0.0.1:${web.port}`;
  const headers = { authorization: `Bearer ${web.token}`, 'content-type': 'application/json' };
  printPercentiles(
    'api.http.agencyGet',
    await sample(500, () => fetch(`${origin}/api/agency.get`, { method: 'POST', headers, body: '{}' }).then((r) => r.json())),
  );

  const n = 500;
  for (let i = 0; i < n; i++) {
    await core.call('units.create', { name: `Ủy ban nhân dân xã số ${i + 1}`, kind: 'external', email: `xa${i}@langson.gov.vn` });
  }
  print({ name: 'units.count', value: n, unit: 'units', n: 1 });
  printPercentiles('units.list', await sample(200, () => core.call('units.list', {})));
  printPercentiles('units.list.filtered', await sample(200, () => core.call('units.list', { q: 'xa so 1' })));
  await web.close();
  await core.close();
}

const parts: [string, () => Promise<void> | void][] = [
  ['open', openAndMigrate],
  ['api', roundTrips],
  ['registers', registerFigures],
  // Cost against size (VANTHU_BENCH_SCALES=1,3 measures only those sizes: ten years takes long to build).
  ['scales', async () => {
    for (const years of [1, 3, 10]) await scaleFigures(years);
  }],
  ['tasks', taskFigures],
  ['dossiers', dossierFigures],
  ['reports', reportFigures],
  ['documents', () => scoreDocuments(undefined, print)],
  ['task-reader', taskReaderScores],
  ['office', officeFigures],
  // The same register, list and search figures on SQLite and on PostgreSQL.
  ['engines', engineFigures],
];
const only = process.argv.slice(2);
const unknown = only.filter((p) => !parts.some(([name]) => name === p));
if (unknown.length) throw new Error(`Không có phần đo: ${unknown.join(', ')}. Có: ${parts.map(([name]) => name).join(', ')}`);
const scales = process.env.VANTHU_BENCH_SCALES;
if (scales) for (const years of scales.split(',').map(Number)) await scaleFigures(years);
else for (const [name, run] of parts) if (only.length === 0 || only.includes(name)) await run();
fs.rmSync(dir, { recursive: true, force: true });
