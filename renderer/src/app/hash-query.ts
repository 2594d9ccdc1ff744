/** Filters carried in the address (#/incoming?from=…&to=…), so that a chart can open a filtered list. */
export function hashQuery(): URLSearchParams {
  const hash = window.location.hash;
  const i = hash.indexOf('?');
  return new URLSearchParams(i >= 0 ? hash.slice(i + 1) : '');
}

export function hashNumber(key: string): number | null {
  const v = hashQuery().get(key);
  return v && /^\d+$/.test(v) ? Number(v) : null;
}

/**
 * The period and words a register list opens with: a chart's month, or the
 * search box's "xem tất cả" (#/incoming?q=…): the search counts every year,
 * so the list opens with no start (the core then reads from the first document).
 */
export function listFiltersFromHash(year: string): { from: string | null; to: string | null; q?: string } {
  const h = hashQuery();
  const q = h.get('q');
  if (q) return { from: h.get('from'), to: h.get('to') ?? `${year}-12-31`, q };
  return { from: h.get('from') ?? `${year}-01-01`, to: h.get('to') ?? `${year}-12-31` };
}

/** The address of a register list filtered by the search box's words. */
export function listHashFor(kind: 'incoming' | 'outgoing', q: string): string {
  return `#/${kind}?${new URLSearchParams({ q }).toString()}`;
}
