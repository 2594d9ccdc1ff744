/** Which columns of a list are shown and how wide, kept per list in localStorage across sessions. */
import { useCallback, useState } from 'react';

export interface ColumnPrefs {
  hidden: string[];
  widths: Record<string, number>;
}

function load(key: string, hiddenByDefault: string[]): ColumnPrefs {
  try {
    const raw = localStorage.getItem(key);
    if (raw) {
      const p = JSON.parse(raw) as Partial<ColumnPrefs>;
      return { hidden: Array.isArray(p.hidden) ? p.hidden : hiddenByDefault, widths: p.widths && typeof p.widths === 'object' ? p.widths : {} };
    }
  } catch {
    // A damaged entry is forgotten, not fatal.
  }
  return { hidden: hiddenByDefault, widths: {} };
}

export function useColumnPrefs(key: string | undefined, hiddenByDefault: string[]) {
  const storage = key ? `vanthu.columns.${key}` : null;
  const [prefs, setPrefs] = useState<ColumnPrefs>(() => (storage ? load(storage, hiddenByDefault) : { hidden: hiddenByDefault, widths: {} }));
  const update = useCallback(
    (next: ColumnPrefs, persist = true) => {
      setPrefs(next);
      if (storage && persist) localStorage.setItem(storage, JSON.stringify(next));
    },
    [storage],
  );
  return { prefs, update };
}
