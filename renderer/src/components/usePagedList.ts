/** Loads a server-side list page by page for an infinite, virtualised table. */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Page<T> {
  items: T[];
  total: number;
  /** False when the server stopped counting at a cap: more than `total` rows may follow. */
  totalExact?: boolean;
}

export function usePagedList<T, F>(fetchPage: (filters: F, page: number) => Promise<Page<T>>, filters: F, reloadKey = 0) {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [totalExact, setTotalExact] = useState(true);
  // Past a capped total, pages are read until one comes back empty.
  const [exhausted, setExhausted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const page = useRef(0);
  const generation = useRef(0);
  const key = JSON.stringify(filters);

  const load = useCallback(
    async (reset: boolean) => {
      const gen = reset ? ++generation.current : generation.current;
      const next = reset ? 1 : page.current + 1;
      setLoading(true);
      try {
        const r = await fetchPage(JSON.parse(key) as F, next);
        if (gen !== generation.current) return; // filters changed meanwhile
        page.current = next;
        setRows((old) => (reset ? r.items : [...old, ...r.items]));
        setTotal(r.total);
        setTotalExact(r.totalExact ?? true);
        setExhausted(r.items.length === 0);
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage, key],
  );

  useEffect(() => {
    void load(true);
  }, [load, reloadKey]);

  const loadMore = useCallback(() => void load(false), [load]);
  const hasMore = totalExact ? rows.length < total : !exhausted;
  // Every row read: the count is what was read.
  const known = !totalExact && exhausted;
  return { rows, total: known ? rows.length : total, totalExact: totalExact || known, hasMore, loading, error, loadMore, reload: () => void load(true) };
}
