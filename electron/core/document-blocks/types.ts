/**
 * The agency header and the signature block every printed document carries.
 * The task documents' own shapes are in tasks/document-types.ts.
 */

export interface AgencyHeader {
  /** "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" is printed from this, upper-cased. */
  name: string;
  /** "UBND TỈNH CAO BẰNG"; empty when the agency has no parent. */
  parentName: string;
  /** "STNMT" */
  abbreviation: string;
  /** "Cao Bằng", for the date line. */
  place: string;
}

export interface SignatureBlock {
  /** "TL. GIÁM ĐỐC", "KT. GIÁM ĐỐC" or empty. */
  authority: string;
  /** "CHÁNH VĂN PHÒNG" */
  position: string;
  signerName: string;
}
