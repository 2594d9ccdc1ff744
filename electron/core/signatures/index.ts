/**
 * Digital signatures of PDFs, offline: who signed and when, whether the
 * document is unchanged since, and whether the signer's certificate chains to
 * the office's trust store, valid at the signing time.
 */
import * as pkijs from 'pkijs';
import type { PdfSignature } from '../../../shared/api/trust';
import type { CallContext } from '../context';
import { checkChain } from './chain';
import { cannotTell, checkCms } from './cms';
import { commonName, organisationOf } from './certificates';
import { findSignatureFields, reachesEnd, type PdfSignatureField } from './pdf-signatures';

const SUPPORTED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

async function checkField(pdf: Buffer, field: PdfSignatureField, roots: Parameters<typeof checkChain>[2], now: Date): Promise<PdfSignature> {
  const unknown = (why: string): PdfSignature => ({ signer: null, organisation: null, signedAt: field.pdfTime?.toISOString() ?? null, intact: null, trusted: null, reason: cannotTell(why) });
  if (!field.contents) return unknown(field.problem ?? 'không đọc được chữ ký');
  if (field.subFilter && !SUPPORTED.has(field.subFilter)) return unknown(`kiểu chữ ký ${field.subFilter} chưa được hỗ trợ`);
  const signed = field.ranges.map((r) => pdf.subarray(r.start, r.start + r.length));
  const cms = await checkCms(field.contents, signed);
  const signedAt = cms.signedAt ?? field.pdfTime;
  // Without a recorded time, the chain is judged as of now.
  const chain = cms.signer
    ? await checkChain(cms.signer, cms.certificates, roots, signedAt ?? now)
    : { trusted: null, reason: cms.intact === false ? cannotTell('chữ ký không kèm chứng thư số của người ký') : null };
  return {
    signer: cms.signer ? commonName(cms.signer.subject) : null,
    organisation: cms.signer ? organisationOf(cms.signer.subject) : null,
    signedAt: signedAt?.toISOString() ?? null,
    intact: cms.intact,
    trusted: chain.trusted,
    reason: [cms.reason, chain.reason].filter(Boolean).join(' ') || null,
  };
}

/**
 * Every signature of the PDF, earliest first. A signature stays intact when
 * bytes follow it only if a later intact signature covers them (a second
 * signer's incremental update); other additions count as a change.
 */
export async function verifyPdfSignatures(ctx: Pick<CallContext, 'stores' | 'now'>, bytes: Uint8Array): Promise<PdfSignature[]> {
  const pdf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields = findSignatureFields(pdf);
  if (fields.length === 0) return [];
  const roots = (await ctx.stores.trust.trustedDer()).map((der) => pkijs.Certificate.fromBER(der));
  const now = new Date(ctx.now());
  const out: PdfSignature[] = [];
  for (const f of fields) out.push(await checkField(pdf, f, roots, now));
  for (let i = fields.length - 1; i >= 0; i--) {
    const s = out[i]!;
    if (s.intact !== true || reachesEnd(pdf, fields[i]!.end)) continue;
    const coveredLater = fields.some((g, j) => j > i && out[j]!.intact === true && g.end >= fields[i]!.end && reachesEnd(pdf, g.end));
    if (!coveredLater) out[i] = { ...s, intact: false, reason: ['Văn bản đã được thêm nội dung sau khi ký.', s.reason].filter(Boolean).join(' ') };
  }
  return out;
}
