/**
 * Demo data (dữ liệu mẫu): a realistic provincial department, entered through
 * the API like a clerk would, so it obeys every rule the product enforces.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { Core } from '../../electron/core/index';
import { incomingYear, outgoingYear, prng } from './documents';
import { tasksYear } from './tasks';
import { demoProcedures, tthcDossiersYear, workFilesYear } from './dossiers';
import { demoBatches, type DemoCall } from './batches';

export const demoAgency = {
  name: 'Sở Tài nguyên và Môi trường',
  parentName: 'UBND tỉnh Lạng Sơn',
  abbreviation: 'STNMT',
  place: 'Lạng Sơn',
};

/** Units as named in the seeds (meeting conclusion, reports, letters). */
export const demoInternalUnits: [name: string, abbreviation: string, email: string][] = [
  ['Văn phòng Sở', 'VP', 'vanphong.stnmt@langson.gov.vn'],
  ['Thanh tra Sở', 'TTr', 'thanhtra.stnmt@langson.gov.vn'],
  ['Phòng Quản lý đất đai', 'QLĐĐ', 'qldd.stnmt@langson.gov.vn'],
  ['Phòng Đo đạc và Khoáng sản', 'ĐĐKS', 'ddks.stnmt@langson.gov.vn'],
  ['Phòng Kế hoạch - Tài nguyên nước', 'KHTNN', 'khtnn.stnmt@langson.gov.vn'],
  ['Phòng Quản lý môi trường', 'QLMT', 'qlmt.stnmt@langson.gov.vn'],
  ['Phòng Quản lý Tài nguyên nước và Khoáng sản', 'NKS', 'nks.stnmt@langson.gov.vn'],
  ['Chi cục Bảo vệ môi trường', 'CCBVMT', 'ccbvmt.stnmt@langson.gov.vn'],
  ['Văn phòng Đăng ký đất đai', 'VPĐK', 'vpdk.stnmt@langson.gov.vn'],
  ['Trung tâm Quan trắc và Dữ liệu', 'TTQT', 'ttqt.stnmt@langson.gov.vn'],
  ['Trung tâm Kỹ thuật Tài nguyên và Môi trường', 'TTKT', 'ttkt.stnmt@langson.gov.vn'],
  ['Trung tâm Phát triển quỹ đất', 'TTPTQĐ', 'ttptqd.stnmt@langson.gov.vn'],
  ['Ban Quản lý dự án VILG', 'VILG', 'vilg.stnmt@langson.gov.vn'],
];

export const demoExternalUnits: [name: string, abbreviation: string | null, email: string | null][] = [
  ['Ủy ban nhân dân tỉnh Lạng Sơn', 'UBND', 'ubnd@langson.gov.vn'],
  ['Văn phòng UBND tỉnh Lạng Sơn', 'VP', 'vpubnd@langson.gov.vn'],
  ['Tỉnh ủy Lạng Sơn', 'TU', null],
  ['Hội đồng nhân dân tỉnh Lạng Sơn', 'HĐND', null],
  ['Bộ Tài nguyên và Môi trường', 'BTNMT', null],
  ['Sở Nội vụ', 'SNV', 'snv@langson.gov.vn'],
  ['Sở Tài chính', 'STC', 'stc@langson.gov.vn'],
  ['Sở Kế hoạch và Đầu tư', 'SKHĐT', 'skhdt@langson.gov.vn'],
  ['Sở Xây dựng', 'SXD', 'sxd@langson.gov.vn'],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'SNN', 'snn@langson.gov.vn'],
  ['Sở Tư pháp', 'STP', 'stp@langson.gov.vn'],
  ['Công an tỉnh Lạng Sơn', 'CA', null],
  ['Cục Thuế tỉnh Lạng Sơn', 'CT', null],
  ['UBND thành phố Lạng Sơn', 'UBND', 'ubndtp@langson.gov.vn'],
  ['UBND huyện Cao Lộc', 'UBND', 'ubndcaoloc@langson.gov.vn'],
  ['UBND huyện Hữu Lũng', 'UBND', 'ubndhuulung@langson.gov.vn'],
  ['UBND huyện Chi Lăng', 'UBND', 'ubndchilang@langson.gov.vn'],
  ['UBND huyện Lộc Bình', 'UBND', 'ubndlocbinh@langson.gov.vn'],
  ['UBND huyện Văn Lãng', 'UBND', 'ubndvanlang@langson.gov.vn'],
];

export interface DemoSummary {
  agency: string;
  units: number;
  incoming: number;
  outgoing: number;
  tasks: number;
  workFiles: number;
  tthc: number;
}

export interface DemoOptions {
  /** Years of documents, ending with the current year (up to today). */
  years: number;
  /** Incoming documents per working day (a department: about 80). */
  incomingPerDay?: number;
  outgoingPerDay?: number;
  /** Tasks assigned per year (a department: about 2,000). */
  tasksPerYear?: number;
  /** TTHC dossiers received per year (a department's one-stop desk: about 5,000). */
  tthcPerYear?: number;
  today: string;
  onProgress?: (what: string, done: number) => void;
}

/** Writes through the API in batches of `batchSize` calls, one transaction each (batches.ts). */
export async function fillDemo(core: Core, opts: DemoOptions & { batchSize?: number }): Promise<DemoSummary> {
  const batches = demoBatches(core, opts.batchSize ?? 500);
  try {
    const summary = await fillWith(batches.call, opts);
    await batches.flush();
    // As a bulk load ends: the file written again without the pages its index splits left part empty (about 3%).
    const compacted = await core.call('backup.compact', {});
    if (!compacted.ok) throw new Error(compacted.error.message);
    return summary;
  } catch (e) {
    await batches.abandon(e);
    throw e;
  }
}

async function fillWith(call: DemoCall, opts: DemoOptions): Promise<DemoSummary> {
  await call('agency.update', demoAgency);
  const internal: number[] = [];
  for (const [i, [name, abbreviation, email]] of demoInternalUnits.entries()) {
    const u = (await call('units.create', { name, abbreviation, email, kind: 'internal', order: i + 1 })) as { id: number };
    internal.push(u.id);
  }
  for (const [name, abbreviation, email] of demoExternalUnits) {
    await call('units.create', { name, abbreviation, email, kind: 'external' });
  }
  const procedureIds: number[] = [];
  for (const p of demoProcedures) procedureIds.push(((await call('tthc.addProcedure', p)) as { id: number }).id);
  const unitRefs = demoInternalUnits.map(([name, abbreviation], i) => ({ id: internal[i]!, name, abbreviation }));
  const rng = prng(20221005);
  let workFiles = 0;
  let tthc = 0;
  const lastYear = Number(opts.today.slice(0, 4));
  let incoming = 0;
  let outgoing = 0;
  let tasks = 0;
  for (let year = lastYear - opts.years + 1; year <= lastYear; year++) {
    for (const doc of incomingYear(rng, year, opts.incomingPerDay ?? 80, internal)) {
      if (doc.arrivalDate > opts.today) break;
      await call('incoming.register', doc);
      if (++incoming % 5000 === 0) opts.onProgress?.('incoming', incoming);
    }
    for (const { draft, issueDate } of outgoingYear(rng, year, opts.outgoingPerDay ?? 16, internal)) {
      if (issueDate > opts.today) break;
      const d = (await call('outgoing.createDraft', draft)) as { id: number };
      await call('outgoing.issue', { id: d.id, issueDate });
      if (++outgoing % 2000 === 0) opts.onProgress?.('outgoing', outgoing);
    }
    for (const t of tasksYear(rng, year, opts.tasksPerYear ?? 2000, internal, opts.today, year === lastYear - opts.years + 1)) {
      const task = (await call('tasks.create', t.input)) as { id: number; occurrences: { id: number; due: string | null }[] };
      // Recurring duties: most past periods were reported on time, a few late or not yet.
      for (const o of t.input.timeText ? task.occurrences : []) {
        if (!o.due || o.due >= opts.today || rng.next() < 0.05) continue;
        const late = rng.next() < 0.1;
        const date = format(addDays(parseISO(o.due), late ? rng.int(1, 10) : -rng.int(0, 5)), 'yyyy-MM-dd');
        if (date <= opts.today) await call('tasks.complete', { id: task.id, occurrenceId: o.id, date, result: 'Đã gửi báo cáo.' });
      }
      for (const p of t.progress) await call('tasks.reportProgress', { id: task.id, ...p });
      if (t.completedAt) await call('tasks.complete', { id: task.id, date: t.completedAt, result: 'Đã hoàn thành.' });
      if (++tasks % 2000 === 0) opts.onProgress?.('tasks', tasks);
    }
    workFiles += await workFilesYear(call, rng, year, unitRefs, opts.today);
    tthc += await tthcDossiersYear(call, rng, year, opts.tthcPerYear ?? 5000, procedureIds, internal, opts.today);
    opts.onProgress?.('tthc', tthc);
  }
  return { agency: demoAgency.name, units: internal.length + demoExternalUnits.length, incoming, outgoing, tasks, workFiles, tthc };
}
