/**
 * The kill test's victim: opens the database (migrating an older one), says
 * "ready", then registers incoming documents in a loop and prints each one's
 * id and arrival number after its transaction committed, until it is killed.
 */
import { createCore } from '../../electron/core/index';

async function main(): Promise<void> {
  const dbPath = process.argv[2];
  if (!dbPath) throw new Error('usage: kill-child DB');
  const core = await createCore({ dbPath });
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    const r = await core.call('incoming.register', {
      arrivalDate: '2026-11-20',
      senderName: 'UBND tỉnh Lạng Sơn',
      notation: `${process.pid}-${i}/UBND-KT`,
      documentDate: '2026-11-18',
      subject: `Văn bản thử ngắt tiến trình ${process.pid}-${i}: về việc quản lý đất đai, khoáng sản và môi trường trên địa bàn tỉnh`,
    });
    if (!r.ok) throw new Error(r.error.message);
    process.stdout.write(`${r.value.id} ${r.value.arrivalNumber}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
