/**
 * A row of an outgoing register sheet, as the outgoing register stores it:
 * the number and notation kept as issued (01/BC-STNMT), recipients from "Nơi
 * nhận", the drafting unit and drafter from "Lưu: VT, NKS(PAD)". What cannot
 * be matched to a unit is kept as text, never dropped.
 */
import type { ParsedInput } from '../../../shared/api/index';
import { outgoingCreateDraftInput } from '../../../shared/api/outgoing';
import { parseNotation } from '../../../shared/documents/notation';
import { foldVietnamese } from '../../../shared/text';
import type { CallContext } from '../context';
import { yearOf } from '../registers/rules';
import type { IssuedAs } from './handlers';
import { zodIssuesToFields } from '../registry';

export interface OutgoingPlan {
  draft: ParsedInput<'outgoing.createDraft'>;
  issued: IssuedAs;
}

type Values = Record<string, string | number | null>;
const str = (v: string | number | null | undefined) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** "- UBND tỉnh;\n- Sở Tài chính;\n- Lưu: VT." → the places, without the archive line. */
function recipientNames(text: string | null): string[] {
  return (text ?? '')
    .split(/[;\n]+/)
    .map((s) => s.replace(/^[\s\-+•]+/, '').replace(/[\s,.]+$/, ''))
    .filter((s) => s !== '' && !/^lưu\b/iu.test(s));
}

/** "Lưu: VT, NKS(PAD)." → NKS and PAD; the clerk's own copy (VT) says nothing. */
function keptByParts(text: string | null): { abbreviation: string; initials: string | null } | null {
  const parts = (text ?? '')
    .replace(/^\s*lưu\s*:?/iu, '')
    .split(',')
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => s !== '' && s.toUpperCase() !== 'VT');
  const m = parts[0] ? /^([\p{L}\p{N}]+)\s*(?:\(([^)]*)\))?$/u.exec(parts[0]) : null;
  return m ? { abbreviation: m[1]!, initials: m[2]?.trim() || null } : null;
}

/** Reads the units once; then maps each sheet row, adding its problems to errors. */
export async function outgoingPlanner(ctx: CallContext): Promise<(v: Values, errors: string[]) => OutgoingPlan | null> {
  const units = await ctx.stores.units.active();
  const byName = new Map(units.map((u) => [u.name_fold, u.id]));
  const internalByAbbr = new Map(units.filter((u) => u.kind === 'internal' && u.abbreviation).map((u) => [foldVietnamese(u.abbreviation!), u.id]));
  return (v, errors) => {
    const notation = str(v.notation);
    const p = notation ? parseNotation(notation) : null;
    if (notation && p?.number == null) errors.push(`Số, ký hiệu: "${notation}" không đọc được số văn bản (ví dụ 01/BC-STNMT, 1467/STNMT-VP).`);
    const issueDate = str(v.documentDate);
    const transferDate = str(v.transferDate);
    if (issueDate && transferDate && transferDate < issueDate) errors.push(`Ngày chuyển (${transferDate}) trước ngày văn bản (${issueDate}).`);
    const keptText = str(v.keptBy);
    const kept = keptByParts(keptText);
    const draftingUnitId = kept ? internalByAbbr.get(foldVietnamese(kept.abbreviation)) ?? null : null;
    const unmatched = keptText && draftingUnitId === null ? `Bản lưu: ${keptText}` : null;
    const parsed = outgoingCreateDraftInput.safeParse({
      documentType: p?.typeCode ?? 'CV',
      subject: v.subject,
      signerName: str(v.signerName),
      recipients: recipientNames(str(v.recipientsText)).map((name) => ({ unitId: byName.get(foldVietnamese(name)) ?? null, name })),
      draftingUnitId,
      drafterInitials: draftingUnitId !== null ? kept?.initials ?? null : null,
      copies: v.copies,
      note: [str(v.note), unmatched].filter(Boolean).join('. ') || null,
    });
    if (!parsed.success) errors.push(...zodIssuesToFields(parsed.error.issues).map((f) => f.message));
    if (!parsed.success || !p || p.number === null || !issueDate || errors.length) return null;
    return { draft: parsed.data, issued: { year: yearOf(issueDate), number: p.number, notation: p.normalized, issueDate, transferDate } };
  };
}
