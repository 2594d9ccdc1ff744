/** One running app per user: a second start only brings the first window forward, then quits. */
export interface AppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): void;
}

export interface WindowLike {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/** True when this process is the one that runs; false when it only handed over to the first. */
export function claimSingleInstance(app: AppLike, currentWindow: () => WindowLike | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const w = currentWindow();
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  return true;
}
