import type { Core } from '../../electron/core/index';
import { ok } from './core';

/** Waits until the background reader has read every item of the intake queue. */
export async function readAll(core: Core, session: string | null = null): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { items } = ok(await core.call('intake.list', { pageSize: 500 }, { session }));
    if (items.every((x) => x.reading !== 'pending')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the intake reader did not finish within a minute');
}
