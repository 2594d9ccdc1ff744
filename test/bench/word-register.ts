/**
 * The Word register of two years of incoming documents (40,000 rows): time
 * and the memory of the process that writes it. The database is filled
 * directly (the API would take minutes for no figure), and the export runs
 * in a child process so that its peak RSS is its own (getrusage maxRSS), the
 * heap sampled while it runs. Alone: `npx tsx test/bench/word-register.ts`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { createCore } from '../../electron/core/index';
import { print } from './stats';

const PER_YEAR = 20_000;
const YEARS = [2025, 2026];
const clock = () => new Date('2026-12-31T03:00:00Z');
const senders = ['UBND tỉnh Lạng Sơn', 'Sở Nội vụ', 'Bộ Tài nguyên và Môi trường', 'UBND huyện Cao Lộc', 'Sở Kế hoạch và Đầu tư'];

async function build(file: string): Promise<void> {
  const core = await createCore({ dbPath: file, clock });
  await core.call('agency.update', { name: 'Sở Tài nguyên và Môi trường', parentName: 'UBND tỉnh Lạng Sơn', abbreviation: 'STNMT', place: 'Lạng Sơn' });
  await core.close();
  const db = new Database(file);
  const register = db.prepare("select id from registers where kind = 'incoming' and secret = 0 order by id limit 1").get() as { id: number };
  const insert = db.prepare(
    `insert into incoming (register_id, year, arrival_number, arrival_date, sender_name, sender_fold, notation, document_type, document_date, subject, recipient_text, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'BC', ?, ?, 'Văn phòng Sở', ?, ?)`,
  );
  db.transaction(() => {
    for (const year of YEARS) {
      for (let n = 1; n <= PER_YEAR; n++) {
        const day = new Date(Date.UTC(year, 0, 1 + Math.floor(((n - 1) * 365) / PER_YEAR))).toISOString().slice(0, 10);
        const sender = senders[n % senders.length]!;
        const subject = `Về việc triển khai công tác quản lý đất đai, tài nguyên và bảo vệ môi trường trên địa bàn tỉnh, văn bản ${n} năm ${year}`;
        insert.run(register.id, year, n, day, sender, sender.toLowerCase(), `${n}/BC-UBND`, day, subject, Date.parse(`${day}T02:00:00Z`), Date.parse(`${day}T02:00:00Z`));
      }
    }
  })();
  db.close();
}

/** In the child: export and print the figures. */
async function measure(file: string): Promise<void> {
  const core = await createCore({ dbPath: file, clock });
  let heap = 0;
  const sampler = setInterval(() => (heap = Math.max(heap, process.memoryUsage().heapUsed)), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await core.call('exports.incomingRegister', { from: `${YEARS[0]}-01-01`, to: `${YEARS[YEARS.length - 1]}-12-31`, format: 'docx' });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  if (!r.ok) throw new Error(r.error.message);
  const n = r.value.rows;
  print({ name: 'export.incomingRegister.docx.twoYears_s', value: seconds, unit: 's', n });
  // On a shared machine the wall time waits for other processes too; the CPU time is the export's own.
  print({ name: 'export.incomingRegister.docx.twoYears.cpu_s', value: (cpu.user + cpu.system) / 1e6, unit: 's', n });
  print({ name: 'export.incomingRegister.docx.twoYears.peakRss_mb', value: process.resourceUsage().maxRSS / 1024, unit: 'MB', n });
  print({ name: 'export.incomingRegister.docx.twoYears.peakHeap_mb', value: Math.max(heap, process.memoryUsage().heapUsed) / 1048576, unit: 'MB', n });
  print({ name: 'export.incomingRegister.docx.twoYears.file_mb', value: r.value.size / 1048576, unit: 'MB', n });
  await core.close();
}

export async function wordRegisterFigures(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-word-'));
  const file = path.join(dir, 'hai-nam.sqlite');
  await build(file);
  const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  process.stdout.write(out);
  if (process.env.KEEP_BENCH_DB) console.error(`database kept: ${file}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

const self = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (self && process.argv[2] === '--child') await measure(process.argv[3]!);
else if (self) await wordRegisterFigures();
