/** `tsx test/bench/demo-build.ts YEARS`: the bench's demo database, built in a process of its own (registers.ts demoCore). */
import { buildDemo } from './registers';

const years = Number(process.argv[2]);
if (!Number.isInteger(years) || years < 1) throw new Error(`Số năm dữ liệu mẫu không hợp lệ: "${process.argv[2]}".`);
await buildDemo(years);
