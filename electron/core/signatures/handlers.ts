/**
 * The office's trust store (Cài đặt → Chứng thư số gốc): the certificates a
 * signature must chain to. Empty at first: nothing is trusted until the
 * office adds its CAs' roots. Removing one keeps its row (removed_at).
 * And the check of a PDF's signatures against it (documents.signatures).
 */
import { fieldError } from '../../../shared/api/errors';
import { MAX_CERTIFICATE_BYTES, MAX_SIGNED_PDF_BYTES, type TrustRoot } from '../../../shared/api/trust';
import type { CallContext, HandlerMap } from '../context';
import { commonName, fingerprintOf, isAuthority, organisationOf, readCertificate, showFingerprint } from './certificates';
import { verifyPdfSignatures } from './index';
import type { TrustRootRow } from './store';

function toRoot(r: TrustRootRow): TrustRoot {
  return { id: r.id, subject: r.subject, organisation: r.organisation, issuer: r.issuer, notBefore: r.not_before, notAfter: r.not_after, fingerprint: showFingerprint(r.fingerprint), addedAt: r.added_at };
}

async function add(ctx: CallContext, fileId: string): Promise<TrustRoot> {
  const { content, name } = ctx.files.read(ctx.user, fileId, MAX_CERTIFICATE_BYTES);
  const read = readCertificate(content);
  if (!read) throw fieldError('VALIDATION', 'fileId', `Tệp "${name}" không phải chứng thư số (.cer/.crt dạng DER hoặc PEM).`);
  const { cert, der } = read;
  if (!isAuthority(cert)) {
    throw fieldError('VALIDATION', 'fileId', `"${commonName(cert.subject)}" là chứng thư của người ký, không phải của tổ chức cấp chứng thư: hãy chọn chứng thư gốc (hoặc trung gian) của nhà cung cấp.`);
  }
  const fingerprint = fingerprintOf(der);
  const existing = await ctx.stores.trust.byFingerprint(fingerprint);
  if (existing && existing.removed_at === null) throw fieldError('CONFLICT', 'fileId', `Chứng thư "${existing.subject}" đã có trong danh sách tin cậy.`);
  const values = {
    subject: commonName(cert.subject),
    organisation: organisationOf(cert.subject),
    issuer: commonName(cert.issuer),
    not_before: cert.notBefore.value.toISOString(),
    not_after: cert.notAfter.value.toISOString(),
    added_at: ctx.now(),
    added_by: ctx.actor,
  };
  const row = existing ? await ctx.stores.trust.restore(existing.id, values) : await ctx.stores.trust.insert(values, fingerprint, der);
  const root = toRoot(row);
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'trust_roots', entityId: root.id, before: existing ? { ...toRoot(existing), removedAt: existing.removed_at } : null, after: root });
  return root;
}

export const trustHandlers: HandlerMap<'trust.list' | 'trust.add' | 'trust.remove' | 'documents.signatures'> = {
  async 'trust.list'(ctx) {
    const rows = await ctx.stores.trust.list();
    return { items: rows.map(toRoot) };
  },
  'trust.add': (ctx, v) => add(ctx, v.fileId),
  async 'trust.remove'(ctx, v) {
    const row = await ctx.stores.trust.get(v.id);
    if (!row) throw fieldError('NOT_FOUND', 'id', `Không có chứng thư số gốc mã ${v.id} trong danh sách tin cậy.`);
    await ctx.stores.trust.remove(v.id, ctx.now());
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'trust_roots', entityId: v.id, before: toRoot(row), after: { ...toRoot(row), removedAt: ctx.now() } });
    return { id: v.id, removed: true };
  },
  async 'documents.signatures'(ctx, v) {
    const { content, name } = ctx.files.read(ctx.user, v.fileId, MAX_SIGNED_PDF_BYTES);
    // The header may follow a little junk (some mail programs add it); readers look in the first kilobyte.
    if (!content.subarray(0, 1024).includes('%PDF-')) throw fieldError('VALIDATION', 'fileId', `Tệp "${name}" không phải tệp PDF.`);
    return { signatures: await verifyPdfSignatures(ctx, content) };
  },
};
