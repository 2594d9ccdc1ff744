import { describe, expect, it } from 'vitest';
import { claimSingleInstance, type AppLike, type WindowLike } from '../../electron/desktop/single-instance';

function fakeApp(gotLock: boolean) {
  const listeners: (() => void)[] = [];
  const app: AppLike & { quits: number; fire: () => void } = {
    quits: 0,
    requestSingleInstanceLock: () => gotLock,
    quit() {
      this.quits++;
    },
    on: (_e, l) => void listeners.push(l),
    fire: () => listeners.forEach((l) => l()),
  };
  return app;
}

describe('a second start of the app', () => {
  it('quits at once when another instance holds the lock', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(app.quits).toBe(1);
  });

  it('brings the first window forward, restoring it when minimised', () => {
    const app = fakeApp(true);
    const calls: string[] = [];
    const win: WindowLike = { isMinimized: () => true, restore: () => void calls.push('restore'), focus: () => void calls.push('focus') };
    expect(claimSingleInstance(app, () => win)).toBe(true);
    app.fire();
    expect(calls).toEqual(['restore', 'focus']);
    expect(app.quits).toBe(0);
  });
});
