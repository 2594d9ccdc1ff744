/**
 * npm run demo -- --db FILE: fills a new database with demo data and exits.
 * The last line on stdout is a JSON summary.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fillDemo } from './demo/fill';
import { createCore } from '../electron/core/index';
import { defaultDbPath } from '../electron/core/paths';
import { toIsoDate } from '../shared/dates';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, years: { type: 'string', default: '1' } } });
  const years = Number(values.years);
  if (!Number.isInteger(years) || years < 0 || years > 30) {
    console.error(`--years phải là số nguyên từ 0 đến 30 (nhận được "${values.years}").`);
    process.exit(2);
  }
  const dbPath = path.resolve(values.db ?? defaultDbPath());
  if (fs.existsSync(dbPath) && fs.statSync(dbPath).size > 0) {
    console.error(`Tệp ${dbPath} đã có dữ liệu. Dữ liệu mẫu chỉ được tạo vào một tệp mới, để không lẫn với dữ liệu thật.`);
    process.exit(2);
  }
  const core = await createCore({ dbPath });
  try {
    const started = Date.now();
    const summary = await fillDemo(core, {
      years,
      today: toIsoDate(new Date()),
      onProgress: (what, n) => console.error(`  … ${n} ${what === 'incoming' ? 'văn bản đến' : what === 'outgoing' ? 'văn bản đi' : what === 'tthc' ? 'hồ sơ thủ tục hành chính' : 'nhiệm vụ'} (${Math.round((Date.now() - started) / 1000)} giây)`),
    });
    // The demo administrator, made last: while no user exists the demo fills through the API freely.
    const admin = { username: 'quantri', fullName: 'Quản trị hệ thống', password: crypto.randomBytes(9).toString('base64url') };
    const made = await core.call('auth.setupAdmin', admin);
    if (!made.ok) throw new Error(made.error.message);
    console.error(`Đã tạo dữ liệu mẫu trong ${dbPath}. Đăng nhập: ${admin.username} / ${admin.password}`);
    process.stdout.write(`${JSON.stringify({ db: dbPath, ...summary, username: admin.username, password: admin.password })}\n`);
  } finally {
    await core.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
