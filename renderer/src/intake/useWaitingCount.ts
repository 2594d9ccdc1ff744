/** The number beside "Văn bản chờ vào sổ" in the menu, kept current by the core's events. */
import { useEffect, useState } from 'react';
import { fetchValue, onEvent } from '../api/client';

export function useWaitingCount(allowed: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    const load = () => void fetchValue('intake.list', { status: 'waiting', pageSize: 1 }).then((l) => live && setCount(l.counts.waiting), () => undefined);
    load();
    const stop = onEvent((e) => (e.type === 'data.changed' || e.type === 'intake.new') && load());
    return () => {
      live = false;
      stop();
    };
  }, [allowed]);
  return allowed ? count : 0;
}
