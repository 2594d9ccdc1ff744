/** The registers' plain rules: document types, years, periods and the reason a registered fact is corrected. */
import { fieldError } from '../../../shared/api/errors';
import { documentTypeByCode } from '../../../shared/documents/types';

export function checkDocumentType(code: string | null, path = 'documentType'): string | null {
  if (!code) return null;
  const t = documentTypeByCode(code);
  if (!t) throw fieldError('VALIDATION', path, `Loại văn bản "${code}" không có trong danh mục (ví dụ BC, KH, QĐ, TB, CV).`);
  return t.code;
}

export function typeName(code: string | null): string | null {
  return code ? documentTypeByCode(code)?.name ?? code : null;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The current year, when a list is asked for without a period. */
export function defaultPeriod(today: string, from: string | null, to: string | null): { from: string; to: string } {
  const y = today.slice(0, 4);
  return { from: from ?? (to ? '0000-01-01' : `${y}-01-01`), to: to ?? (from ? '9999-12-31' : `${y}-12-31`) };
}

/**
 * A register's number and date are its record of what arrived or went when:
 * they are corrected only with a reason, which the audit log keeps with the change.
 */
export function correctionReason(changed: string[], reason: string | null | undefined): string | null {
  if (changed.length && !reason) throw fieldError('VALIDATION', 'reason', `Sửa ${changed.join(' và ')} đã vào sổ cần ghi lý do sửa.`);
  return reason ?? null;
}
