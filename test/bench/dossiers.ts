/** TTHC and work-file figures on the ten-year demo data (about 50,000 TTHC dossiers). */
import Database from 'better-sqlite3';
import { print, printPercentiles, sample } from './stats';
import { tenYearCore } from './registers';

export async function dossierFigures(): Promise<void> {
  const { core, file } = await tenYearCore();
  const raw = new Database(file, { readonly: true });
  const c = raw.prepare('select (select count(*) from tthc_dossiers) t, (select count(*) from dossiers) f, (select count(*) from dossier_documents) d').get() as { t: number; f: number; d: number };
  raw.close();
  print({ name: 'data.tthcDossiers', value: c.t, unit: 'dossiers', n: 1 });
  print({ name: 'data.workFiles', value: c.f, unit: 'files', n: 1 });
  print({ name: 'data.workFileDocuments', value: c.d, unit: 'documents', n: 1 });

  const months = Array.from({ length: 120 }, (_, i) => {
    const y = 2017 + Math.floor(i / 12);
    const month = (i % 12) + 1;
    const m = String(month).padStart(2, '0');
    return { from: `${y}-${m}-01`, to: `${y}-${m}-${new Date(Date.UTC(y, month, 0)).getUTCDate()}` };
  });
  printPercentiles('tthc.stats.month', await sample(120, (i) => core.call('tthc.stats', months[i]!)));
  // received + carriedOver = solved on time + late + in progress on time + late + withdrawn, month by month.
  let broken = 0;
  let received = 0;
  for (const m of months) {
    const r = await core.call('tthc.stats', m);
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value;
    received += s.received;
    if (s.received + s.carriedOver !== s.solvedOnTime + s.solvedLate + s.inProgressOnTime + s.inProgressLate + s.withdrawn) broken++;
  }
  print({ name: 'tthc.stats.identityBrokenMonths', value: broken, unit: 'months', n: months.length });
  print({ name: 'tthc.stats.receivedInMonths', value: received, unit: 'dossiers', n: months.length });
  printPercentiles('tthc.stats.year', await sample(40, (i) => core.call('tthc.stats', { from: `${2017 + (i % 10)}-01-01`, to: `${2017 + (i % 10)}-12-31` })));
  const lists = [{}, { status: 'in_progress_late' as const }, { q: 'dong dang' }, { from: '2024-01-01', to: '2024-12-31', page: 10 }];
  printPercentiles('tthc.list', await sample(200, (i) => core.call('tthc.list', lists[i % lists.length]!)));
  printPercentiles(
    'tthc.register',
    await sample(100, () => core.call('tthc.register', { procedureId: 1, applicantName: 'Nguyễn Văn An (đo hiệu năng)', applicantKind: 'person', receivedAt: '2026-11-25', channel: 'direct' })),
  );
  printPercentiles('dossiers.plan.year', await sample(40, (i) => core.call('dossiers.plan', { year: 2017 + (i % 10) })));
  printPercentiles('dossiers.list.warning', await sample(40, () => core.call('dossiers.list', { warning: true })));
  await core.close();
}
