/**
 * Does the signer's certificate chain to a certificate the office trusts,
 * every link valid at the signing time? pkijs's chain engine gives the
 * verdict; when it says no, walking the chain by issuer names tells the clerk
 * why: a root the office has not added, or a link the signature left out.
 */
import * as pkijs from 'pkijs';
import { cannotTell } from './cms';
import { commonName, sameCertificate, selfIssued } from './certificates';

export interface ChainCheck {
  trusted: boolean | null;
  reason: string | null;
}

const MAX_DEPTH = 10;
const where = 'Cài đặt → Chứng thư số gốc';

/** The issuer of `cert` among `pool` whose key verifies its signature; 'mismatch' when names match but none verifies. */
async function issuerOf(cert: pkijs.Certificate, pool: readonly pkijs.Certificate[]): Promise<pkijs.Certificate | 'mismatch' | null> {
  const named = pool.filter((c) => c.subject.isEqual(cert.issuer) && !sameCertificate(c, cert));
  for (const c of named) if (await cert.verify(c).catch(() => false)) return c;
  return named.length > 0 ? 'mismatch' : null;
}

/** Why no trusted path exists, by walking up from the signer. */
async function diagnose(signer: pkijs.Certificate, carried: readonly pkijs.Certificate[], roots: readonly pkijs.Certificate[], engineMessage: string): Promise<ChainCheck> {
  let cert = signer;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (roots.some((r) => sameCertificate(r, cert))) {
      // Reached the store: the path is there, a link failed the engine's checks (dates, CA constraints, key usage).
      return { trusted: false, reason: `Chuỗi chứng thư tới "${commonName(cert.subject)}" không hợp lệ tại thời điểm ký (${engineMessage}).` };
    }
    if (selfIssued(cert)) {
      return { trusted: false, reason: `Chứng thư gốc "${commonName(cert.subject)}" chưa có trong danh sách tin cậy của cơ quan (${where}).` };
    }
    const next = await issuerOf(cert, [...roots, ...carried]);
    if (next === 'mismatch') return { trusted: false, reason: `Chữ ký trên chứng thư "${commonName(cert.subject)}" không khớp với chứng thư của "${commonName(cert.issuer)}".` };
    if (next === null) {
      return {
        trusted: null,
        reason: cannotTell(`thiếu chứng thư của "${commonName(cert.issuer)}" (chữ ký không kèm đủ chuỗi chứng thư); có thể thêm chứng thư này vào ${where}`),
      };
    }
    cert = next;
  }
  return { trusted: null, reason: cannotTell('chuỗi chứng thư quá dài hoặc lặp vòng') };
}

/** `at`: the signing time (the time the chain must have been valid). */
export async function checkChain(signer: pkijs.Certificate, carried: readonly pkijs.Certificate[], roots: readonly pkijs.Certificate[], at: Date): Promise<ChainCheck> {
  if (roots.length === 0) return { trusted: false, reason: `Cơ quan chưa thêm chứng thư số gốc nào (${where}), nên chưa tin cậy chữ ký nào.` };
  const others = carried.filter((c) => !sameCertificate(c, signer));
  // pkijs takes the last of `certs` as the certificate to validate.
  const engine = new pkijs.CertificateChainValidationEngine({ trustedCerts: [...roots], certs: [...others, signer], checkDate: at });
  const result = await engine.verify().catch((e: unknown) => ({ result: false, resultMessage: e instanceof Error ? e.message : String(e) }));
  if (result.result) return { trusted: true, reason: null };
  return diagnose(signer, others, roots, result.resultMessage);
}
