/**
 * Cost against size: registration, the register's page and search at one,
 * three and ten years of data, each beside the same work done straight on
 * better-sqlite3 (the raw query), printed as `scale.<N>y.<method>.…` with the
 * ratio to raw. Flat ratios mean the app adds a constant, not a cost per row.
 */
import Database from 'better-sqlite3';
import { rawRegistration, rawStatements, SEARCH_QUERIES } from './raw-queries';
import { demoCore, ratio, sizeMb, TODAY } from './registers';
import { print, printPercentiles, sample } from './stats';

export async function scaleFigures(years: number): Promise<void> {
  const name = (m: string) => `scale.${years}y.${m}`;
  const { core, file } = await demoCore(years);
  print({ name: name('db.size_mb'), value: sizeMb(file), unit: 'MB', n: 1 });
  const last = Number(TODAY.slice(0, 4));
  let k = 0;
  const reg = await sample(60, () =>
    core.call('incoming.register', { arrivalDate: TODAY, senderName: 'UBND tỉnh Lạng Sơn', notation: `${80000 + k++}/UBND-KT`, documentDate: TODAY, subject: 'V/v triển khai công tác quản lý đất đai (đo hiệu năng)' }),
  );
  const raw = new Database(file, { readonly: true });
  const q = rawStatements(raw);
  const page = (i: number) => ({ y: last - (i % years), page: (i % 5) + 1 });
  const list = await sample(100, (i) => core.call('incoming.list', { from: `${page(i).y}-01-01`, to: `${page(i).y}-12-31`, page: page(i).page }));
  const rawList = await sample(100, (i) => q.page(page(i).y, page(i).page));
  const search = await sample(70, (i) => core.call('search.global', { q: SEARCH_QUERIES[i % SEARCH_QUERIES.length]! }));
  const rawSearch = await sample(70, (i) => q.search(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!));
  // The register with the filters a clerk combines, and the report figures, at this size too.
  const mixed = [
    { from: `${last}-01-01`, to: `${last}-12-31`, status: 'overdue' as const },
    { from: `${last}-01-01`, to: `${last}-12-31`, sender: 'cao loc', sort: 'arrivalDate' as const, dir: 'asc' as const },
    { from: `${last}-01-01`, to: `${last}-12-31`, q: 'BC-STNMT', urgency: 'khan' as const },
    { from: `${last}-07-01`, to: `${last}-09-30`, unitId: 3, sort: 'deadline' as const },
  ];
  printPercentiles(name('incoming.list.mixed'), await sample(80, (i) => core.call('incoming.list', mixed[i % mixed.length]!)));
  printPercentiles(name('reports.monthly'), await sample(22, (i) => core.call('reports.monthly', { year: last, month: (i % 11) + 1 })));
  printPercentiles(name('reports.dashboard'), await sample(20, () => core.call('reports.dashboard', { year: last })));
  raw.close();
  await core.close();
  const rawReg = rawRegistration(file, 60);
  for (const [m, app, base] of [['incoming.register', reg, rawReg], ['incoming.list', list, rawList], ['search.global', search, rawSearch]] as const) {
    printPercentiles(name(m), app);
    printPercentiles(name(`${m}.raw`), base);
    ratio(name(`${m}.ratio_to_raw`), app, base);
  }
}
