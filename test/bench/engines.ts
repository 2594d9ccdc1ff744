/**
 * The same figures on both engines (`npm run bench -- engines`): a register of
 * a few thousand documents made through the API on SQLite and on PostgreSQL,
 * then registering, a list page, a filtered list and search, named
 * `engines.<engine>.*`. Smaller than the ten-year figures, so that the two
 * engines are compared on the same data in minutes; PostgreSQL is the test
 * cluster (test/support/postgres.ts), skipped with the reason where it cannot start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createCore, type Core } from '../../electron/core/index';
import { PG_BIN, startCluster } from '../support/postgres';
import { printPercentiles, sample } from './stats';

const DOCUMENTS = 3000;
const SENDERS = ['UBND tỉnh Lạng Sơn', 'Sở Tài chính', 'Bộ Tài nguyên và Môi trường', 'UBND huyện Cao Lộc', 'Đài Khí tượng Thủy văn'];
const SUBJECTS = ['V/v triển khai công tác quản lý đất đai', 'V/v báo cáo tình hình sử dụng ngân sách', 'V/v đôn đốc thực hiện nhiệm vụ năm học', 'V/v phòng chống thiên tai, lụt bão', 'V/v cấp giấy chứng nhận quyền sử dụng đất'];
const clock = () => new Date('2026-11-20T03:00:00Z');

/** A figure of failed calls would measure nothing: the first failure stops the bench. */
async function must(call: Promise<{ ok: true } | { ok: false; error: { message: string } }>): Promise<void> {
  const r = await call;
  if (!r.ok) throw new Error(r.error.message);
}

async function measure(engine: string, core: Core): Promise<void> {
  const day = (i: number) => `2026-${String(1 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
  const register = (i: number) =>
    core.call('incoming.register', {
      arrivalDate: day(i),
      senderName: SENDERS[i % SENDERS.length]!,
      notation: `${1000 + i}/${['UBND-KT', 'STC-NS', 'BTNMT-ĐĐ', 'UBND', 'ĐKTTV'][i % 5]}`,
      documentDate: day(i),
      subject: `${SUBJECTS[i % SUBJECTS.length]} (${i})`,
    });
  const made = await sample(DOCUMENTS, (i) => must(register(i)));
  printPercentiles(`engines.${engine}.incoming.register`, made);
  printPercentiles(`engines.${engine}.incoming.list`, await sample(200, (i) => must(core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', page: 1 + (i % 5) }))));
  printPercentiles(`engines.${engine}.incoming.list.filtered`, await sample(200, (i) => must(core.call('incoming.list', { from: '2026-01-01', to: '2026-12-31', sender: ['cao loc', 'tai chinh'][i % 2]!, q: ['dat dai', 'ngan sach'][i % 2]! }))));
  printPercentiles(`engines.${engine}.search.global`, await sample(200, (i) => must(core.call('search.global', { q: ['đất đai', 'dat dai', 'UBND-KT', 'thiên tai', '1234/'][i % 5]! }))));
}

export async function engineFigures(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-bench-engines-'));
  try {
    const sqlite = await createCore({ dbPath: path.join(dir, 'van-thu.sqlite'), clock });
    await measure('sqlite', sqlite);
    await sqlite.close();
    if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
      process.stderr.write(`engines.postgres: bỏ qua, PostgreSQL 15 không có ở ${PG_BIN} (apt-get install postgresql)\n`);
      return;
    }
    const cluster = await startCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      await admin.query('create database vanthu_engines');
      await admin.end();
      const core = await createCore({ database: { engine: 'postgres', url: cluster.adminUrl.replace(/\/postgres$/, '/vanthu_engines') }, dataDir: path.join(dir, 'pg'), clock });
      await measure('postgres', core);
      await core.close();
    } finally {
      cluster.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
