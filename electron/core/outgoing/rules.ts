/** "Lưu: VT, NKS(PAD)." — the clerk's copy, then the drafting unit's with the drafter's initials. */
export function archiveLine(unitAbbr: string | null, initials: string | null): string {
  if (!unitAbbr) return 'Lưu: VT.';
  return `Lưu: VT, ${unitAbbr}${initials ? `(${initials})` : ''}.`;
}
