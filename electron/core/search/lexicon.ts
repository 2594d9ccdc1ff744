/** What the words of a search stand for, loaded once per call for every query the call runs. */
import { lastPiece, type QueryLexicon } from '../../../db/search';
import { loadAbbreviations } from '../agency/abbreviations';
import type { Stores } from '../stores';

/** The office's abbreviations, and the index's (and the notations') whole terms for each query's last word typed so far. */
export async function loadLexicon(ctx: { stores: Stores }, folded: readonly (string | null)[]): Promise<QueryLexicon> {
  const abbreviations = await loadAbbreviations(ctx);
  const completions = new Map<string, readonly string[]>();
  const notationCompletions = new Map<string, readonly string[]>();
  for (const q of folded) {
    const piece = q ? lastPiece(q) : null;
    if (piece === null || completions.has(piece)) continue;
    const terms = await ctx.stores.search.completions(piece);
    if (terms) completions.set(piece, terms);
    const pieces = await ctx.stores.search.notationCompletions(piece);
    if (pieces) notationCompletions.set(piece, pieces);
  }
  return { abbreviations, completions, notationCompletions };
}
