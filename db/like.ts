/** A typed fragment inside a LIKE pattern matches as written: %, _ and \ lose their meaning (used with escape '\'). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
