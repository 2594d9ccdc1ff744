/**
 * The office's trust store (Cài đặt → Chứng thư số gốc): the certificates a
 * signature must chain to. Empty at first: nothing is trusted until the
 * office adds its CAs' roots. Removing one keeps its row (removed_at).
 */
import type { Kysely } from 'kysely';
import * as pkijs from 'pkijs';
import { writeAudit } from '../../../db/audit';
import type { DB } from '../../../db/schema';
import type { TrustRootsTable } from '../../../db/schema-trust';
import { fieldError } from '../../../shared/api/errors';
import { MAX_CERTIFICATE_BYTES, type TrustRoot } from '../../../shared/api/trust';
import type { CallContext, HandlerMap } from '../context';
import { commonName, fingerprintOf, isAuthority, organisationOf, readCertificate, showFingerprint } from './certificates';

type Row = Pick<TrustRootsTable, 'fingerprint' | 'subject' | 'organisation' | 'issuer' | 'not_before' | 'not_after' | 'added_at'> & { id: number };

function toRoot(r: Row): TrustRoot {
  return { id: r.id, subject: r.subject, organisation: r.organisation, issuer: r.issuer, notBefore: r.not_before, notAfter: r.not_after, fingerprint: showFingerprint(r.fingerprint), addedAt: r.added_at };
}

const columns = ['id', 'fingerprint', 'subject', 'organisation', 'issuer', 'not_before', 'not_after', 'added_at'] as const;

/** The trusted certificates, parsed, for checking signatures. */
export async function trustedCertificates(db: Kysely<DB>): Promise<pkijs.Certificate[]> {
  const rows = await db.selectFrom('trust_roots').select('der').where('removed_at', 'is', null).execute();
  return rows.map((r) => pkijs.Certificate.fromBER(r.der));
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
  const existing = await ctx.db.selectFrom('trust_roots').select([...columns, 'removed_at']).where('fingerprint', '=', fingerprint).executeTakeFirst();
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
  const row = existing
    ? // Added again after removal: the same row comes back.
      await ctx.db.updateTable('trust_roots').set({ ...values, removed_at: null }).where('id', '=', existing.id).returning(columns).executeTakeFirstOrThrow()
    : await ctx.db.insertInto('trust_roots').values({ ...values, fingerprint, der, removed_at: null }).returning(columns).executeTakeFirstOrThrow();
  const root = toRoot(row);
  await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'trust_roots', entityId: root.id, before: existing ? { ...toRoot(existing), removedAt: existing.removed_at } : null, after: root });
  return root;
}

export const trustStoreHandlers: HandlerMap<'trust.list' | 'trust.add' | 'trust.remove'> = {
  async 'trust.list'(ctx) {
    const rows = await ctx.db.selectFrom('trust_roots').select(columns).where('removed_at', 'is', null).orderBy('subject').orderBy('id').execute();
    return { items: rows.map(toRoot) };
  },
  'trust.add': (ctx, v) => add(ctx, v.fileId),
  async 'trust.remove'(ctx, v) {
    const row = await ctx.db.selectFrom('trust_roots').select(columns).where('id', '=', v.id).where('removed_at', 'is', null).executeTakeFirst();
    if (!row) throw fieldError('NOT_FOUND', 'id', `Không có chứng thư số gốc mã ${v.id} trong danh sách tin cậy.`);
    await ctx.db.updateTable('trust_roots').set({ removed_at: ctx.now() }).where('id', '=', v.id).execute();
    await writeAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'trust_roots', entityId: v.id, before: toRoot(row), after: { ...toRoot(row), removedAt: ctx.now() } });
    return { id: v.id, removed: true };
  },
};
