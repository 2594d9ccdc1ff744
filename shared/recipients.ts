/**
 * Which units with an email address a report's Nơi nhận lines name, so that
 * the send dialog starts with them chosen. The lines are written as on paper
 * ("- UBND tỉnh (b/c);", "Lưu: VT, VP"), so the marks around the name are
 * dropped and abbreviations spelled out before comparing.
 */
import { expandedQueries, type AbbreviationLookup } from './abbreviations';
import { foldVietnamese } from './text';

function nameOf(line: string): string | null {
  const folded = foldVietnamese(line)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^[\s\-–+•]+|[\s;,.:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // The archive line is no recipient; a name this short would match anything.
  if (folded.startsWith('luu') || folded.length < 4) return null;
  return folded;
}

/**
 * A line names a unit by its whole name, or by the start of it when only one
 * unit's name starts so ("UBND tỉnh" for "UBND tỉnh Lạng Sơn"; "Sở Tài" names none).
 */
export function recipientUnitIds(lines: readonly string[], units: readonly { id: number; name: string; email: string | null }[], abbreviations: AbbreviationLookup): number[] {
  const mailed = units.filter((u) => u.email).map((u) => ({ id: u.id, name: foldVietnamese(u.name) }));
  const chosen = new Set<number>();
  for (const line of lines) {
    const name = nameOf(line);
    if (!name) continue;
    const forms = expandedQueries(name, abbreviations);
    const whole = mailed.filter((u) => forms.includes(u.name));
    const started = mailed.filter((u) => forms.some((f) => u.name.startsWith(`${f} `)));
    for (const u of whole.length ? whole : started.length === 1 ? started : []) chosen.add(u.id);
  }
  return mailed.filter((u) => chosen.has(u.id)).map((u) => u.id);
}
