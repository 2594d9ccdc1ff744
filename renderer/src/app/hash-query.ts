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
