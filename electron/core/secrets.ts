/**
 * Passwords the core keeps for the office (SMTP, IMAP): encrypted by the
 * operating system where the shell can (desktop: safeStorage), else kept as
 * typed and shown as such ('none') in Settings.
 */
import { AppError } from '../../shared/api/errors';
import type { HostCapabilities } from './context';

export interface StoredSecret {
  protection: 'os' | 'none';
  value: string;
}

/** The password to keep after an update: left out keeps the stored one, empty removes it. */
export function updatedSecret(host: HostCapabilities, before: StoredSecret | null, given: string | undefined): StoredSecret | null {
  let secret = before;
  if (given !== undefined) {
    if (!given) secret = null;
    else if (host.protectSecret) secret = { protection: 'os', value: host.protectSecret(given) };
    else secret = { protection: 'none', value: given };
  }
  if (secret?.protection === 'os' && !host.revealSecret) throw new AppError('CONFLICT', 'Mật khẩu được mã hóa bởi bản máy tính; hãy đặt lại mật khẩu ở đây.');
  return secret;
}

export function revealedSecret(host: HostCapabilities, s: StoredSecret | null): string | undefined {
  if (!s) return undefined;
  return s.protection === 'os' ? host.revealSecret?.(s.value) : s.value;
}

export const secretProtection = (host: HostCapabilities, s: StoredSecret | null): 'os' | 'none' => s?.protection ?? (host.protectSecret ? 'os' : 'none');
