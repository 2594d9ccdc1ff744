/**
 * Digital signatures of PDFs, checked offline against the office's trust
 * store. The CA, its certificates and the signed PDFs are made here, their
 * validity counted from the core's clock.
 */
import { addDays, addYears } from 'date-fns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { err, makeCore, ok, upload, type TestCore } from '../support/core';
import { issue, pem, signPdf, unsignedPdf, withSecondField, type Party } from '../support/pki';

const now = new Date('2026-11-25T09:00:00+07:00');
const signedAt = addDays(now, -2);
const ORG = 'Sở Tài nguyên và Môi trường tỉnh Lạng Sơn';
const LETTER = 'Cong van so 12/STNMT-VP ngay 23/11/2026';

let t: TestCore;
let root: Party;
let intermediate: Party;
let signer: Party;
let other: { root: Party; intermediate: Party; signer: Party };
let signedPdf: Buffer;

async function hierarchy(prefix: string) {
  const r = await issue({ cn: `${prefix} Root CA`, o: prefix, ca: true, notBefore: addYears(now, -5), notAfter: addYears(now, 10) });
  const i = await issue({ cn: `${prefix} CA cấp 2`, o: prefix, issuer: r, ca: true, notBefore: addYears(now, -3), notAfter: addYears(now, 5) });
  const s = await issue({ cn: 'Nguyễn Văn An', o: ORG, issuer: i, ca: false, notBefore: addYears(now, -1), notAfter: addYears(now, 1) });
  return { root: r, intermediate: i, signer: s };
}

const signed = (s: Party, chain: Party[], at = signedAt) => signPdf(unsignedPdf(LETTER, 'Nguyen Van An', at), { signer: s, chain, signedAt: at });

async function signaturesOf(pdf: Buffer, session: string | null = null) {
  return ok(await t.core.call('documents.signatures', { fileId: await upload(t.core, 'cong-van.pdf', pdf, session) }, { session })).signatures;
}

async function trust(p: Party, asPem = false) {
  return ok(await t.core.call('trust.add', { fileId: await upload(t.core, asPem ? 'goc.crt' : 'goc.cer', asPem ? pem(p.der) : p.der) }));
}

beforeAll(async () => {
  t = await makeCore({ clock: () => now });
  ({ root, intermediate, signer } = await hierarchy('Test CA'));
  other = await hierarchy('Other CA');
  signedPdf = await signed(signer, [intermediate]);
});
afterAll(() => t.close());

describe('PDF signatures', () => {
  it('none is trusted until the office adds a root; then an intact PDF from a trusted test root is intact and trusted', async () => {
    const before = await signaturesOf(signedPdf);
    expect(before).toEqual([{ signer: 'Nguyễn Văn An', organisation: ORG, signedAt: signedAt.toISOString(), intact: true, trusted: false, reason: expect.stringMatching(/chưa thêm chứng thư số gốc nào/) }]);

    const added = await trust(root);
    expect(added).toMatchObject({ subject: 'Test CA Root CA', organisation: 'Test CA', issuer: 'Test CA Root CA', notAfter: addYears(now, 10).toISOString() });
    expect(added.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await signaturesOf(signedPdf)).toEqual([{ signer: 'Nguyễn Văn An', organisation: ORG, signedAt: signedAt.toISOString(), intact: true, trusted: true, reason: null }]);
  });

  it('the same PDF changed after signing is not intact: a byte inside the signed range, or content appended after it', async () => {
    const edited = Buffer.from(signedPdf.toString('latin1').replace('so 12/STNMT', 'so 13/STNMT'), 'latin1');
    expect(edited.equals(signedPdf)).toBe(false);
    const [changed] = await signaturesOf(edited);
    expect(changed).toMatchObject({ signer: 'Nguyễn Văn An', intact: false, trusted: true, reason: expect.stringMatching(/đã bị thay đổi sau khi ký/) });

    const appended = Buffer.concat([signedPdf, Buffer.from('3 0 obj\n<< /Type /Page /Annots [] >>\nendobj\n%%EOF\n', 'latin1')]);
    const [added] = await signaturesOf(appended);
    expect(added).toMatchObject({ intact: false, trusted: true, reason: expect.stringMatching(/thêm nội dung sau khi ký/) });
  });

  it('a signature made with another key than the certificate it carries is not intact, though the digest matches', async () => {
    const forged = await signPdf(unsignedPdf(LETTER, 'Nguyen Van An', signedAt), { signer: { ...signer, keys: other.signer.keys }, chain: [intermediate], signedAt });
    const [s] = await signaturesOf(forged);
    expect(s).toMatchObject({ signer: 'Nguyễn Văn An', intact: false, reason: expect.stringMatching(/Chữ ký không khớp với chứng thư số của người ký/) });
  });

  it("two signers: the first stays intact under the second signer's incremental update, and a change after the second breaks both", async () => {
    const second = await issue({ cn: 'Lê Văn Cường', o: ORG, issuer: intermediate, ca: false, notBefore: addYears(now, -1), notAfter: addYears(now, 1) });
    const later = addDays(now, -1);
    const both = await signPdf(withSecondField(signedPdf, 'Le Van Cuong', later), { signer: second, chain: [intermediate], signedAt: later });
    expect(await signaturesOf(both)).toEqual([
      { signer: 'Nguyễn Văn An', organisation: ORG, signedAt: signedAt.toISOString(), intact: true, trusted: true, reason: null },
      { signer: 'Lê Văn Cường', organisation: ORG, signedAt: later.toISOString(), intact: true, trusted: true, reason: null },
    ]);
    const appended = Buffer.concat([both, Buffer.from('10 0 obj\n<< >>\nendobj\n', 'latin1')]);
    expect((await signaturesOf(appended)).map((x) => x.intact)).toEqual([false, false]);
  });

  it('a PDF from an untrusted root is intact but not trusted, naming the root', async () => {
    const [s] = await signaturesOf(await signed(other.signer, [other.intermediate, other.root]));
    expect(s).toMatchObject({ signer: 'Nguyễn Văn An', intact: true, trusted: false, reason: expect.stringMatching(/Chứng thư gốc "Other CA Root CA" chưa có trong danh sách tin cậy/) });
  });

  it('a PDF with the chain missing cannot be told, naming the missing certificate; trusting that certificate settles it', async () => {
    const pdf = await signed(signer, []);
    const [s] = await signaturesOf(pdf);
    expect(s).toMatchObject({ intact: true, trusted: null, reason: expect.stringMatching(/^không kiểm tra được: thiếu chứng thư của "Test CA CA cấp 2"/) });

    const added = await trust(intermediate, true);
    expect((await signaturesOf(pdf))[0]).toMatchObject({ intact: true, trusted: true, reason: null });
    ok(await t.core.call('trust.remove', { id: added.id }));
    expect((await signaturesOf(pdf))[0]!.trusted).toBeNull();
  });

  it('a certificate expired at the signing time is not trusted; a certificate valid then still is after it expires', async () => {
    const expired = await issue({ cn: 'Trần Thị Bình', o: ORG, issuer: intermediate, ca: false, notBefore: addYears(now, -2), notAfter: addDays(now, -30) });
    const [late] = await signaturesOf(await signed(expired, [intermediate]));
    expect(late).toMatchObject({ signer: 'Trần Thị Bình', intact: true, trusted: false, reason: expect.stringMatching(/không hợp lệ tại thời điểm ký/) });
    const [inTime] = await signaturesOf(await signed(expired, [intermediate], addDays(now, -60)));
    expect(inTime).toMatchObject({ intact: true, trusted: true, reason: null });
  });

  it('a PDF without signatures has none, a file that is no PDF is refused; an empty or broken signature field cannot be told', async () => {
    expect(await signaturesOf(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))).toEqual([]);
    const notPdf = err(await t.core.call('documents.signatures', { fileId: await upload(t.core, 'cong-van.pdf', 'PK\x03\x04 không phải PDF') }));
    expect(notPdf).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fileId', message: 'Tệp "cong-van.pdf" không phải tệp PDF.' }] });
    // A field never filled in (no ByteRange yet) is no signature.
    expect(await signaturesOf(unsignedPdf(LETTER, 'Nguyen Van An', signedAt))).toEqual([]);
    const text = signedPdf.toString('latin1');
    const at = text.indexOf('/Contents <') + '/Contents <'.length;
    const hexLength = text.indexOf('>', at) - at;
    const [empty] = await signaturesOf(Buffer.from(text.slice(0, at) + '0'.repeat(hexLength) + text.slice(at + hexLength), 'latin1'));
    expect(empty).toMatchObject({ intact: null, trusted: null, reason: 'không kiểm tra được: chữ ký còn trống (chưa ký xong)' });
    const broken = Buffer.from(text.slice(0, at) + 'ff'.repeat(40) + text.slice(at + 80), 'latin1');
    const [garbled] = await signaturesOf(broken);
    expect(garbled).toMatchObject({ intact: null, trusted: null, reason: expect.stringMatching(/^không kiểm tra được: nội dung chữ ký không đọc được/) });
  });
});

describe('trust store', () => {
  it('refuses a file that is no certificate, a signer certificate and a root already there; removal is soft and adding again brings the row back', async () => {
    const notCert = err(await t.core.call('trust.add', { fileId: await upload(t.core, 'goc.cer', 'không phải chứng thư') }));
    expect(notCert).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fileId', message: expect.stringMatching(/không phải chứng thư số/) }] });
    const leaf = err(await t.core.call('trust.add', { fileId: await upload(t.core, 'nguoi-ky.cer', signer.der) }));
    expect(leaf).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'fileId', message: expect.stringMatching(/chứng thư của người ký/) }] });
    expect(err(await t.core.call('trust.add', { fileId: await upload(t.core, 'goc.crt', pem(root.der)) })).code).toBe('CONFLICT');

    const [listed] = ok(await t.core.call('trust.list', {})).items;
    expect(listed!.subject).toBe('Test CA Root CA');
    ok(await t.core.call('trust.remove', { id: listed!.id }));
    expect(ok(await t.core.call('trust.list', {})).items).toEqual([]);
    expect(err(await t.core.call('trust.remove', { id: listed!.id })).code).toBe('NOT_FOUND');
    expect((await signaturesOf(signedPdf))[0]!.trusted).toBe(false);

    expect((await trust(root, true)).id).toBe(listed!.id);
    expect((await signaturesOf(signedPdf))[0]!.trusted).toBe(true);
    const audit = ok(await t.core.call('audit.list', { entity: 'trust_roots' })).items.map((e) => e.action);
    expect(audit.filter((a) => a === 'trust.add')).toHaveLength(3);
    expect(audit.filter((a) => a === 'trust.remove')).toHaveLength(2);
  });

  it('only the administrator changes or lists the store; anyone signed in may check a PDF', async () => {
    ok(await t.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: 'mat-khau-quan-tri-2026' }));
    const admin = ok(await t.core.call('auth.login', { username: 'quantri', password: 'mat-khau-quan-tri-2026' })).session;
    ok(await t.core.call('users.create', { username: 'vanthu', fullName: 'Văn thư', password: 'mat-khau-van-thu-2026', role: 'clerk' }, { session: admin }));
    const clerk = ok(await t.core.call('auth.login', { username: 'vanthu', password: 'mat-khau-van-thu-2026' })).session;
    expect(err(await t.core.call('trust.list', {}, { session: clerk })).code).toBe('FORBIDDEN');
    expect(err(await t.core.call('trust.remove', { id: 1 }, { session: clerk })).code).toBe('FORBIDDEN');
    expect(err(await t.core.call('trust.add', { fileId: await upload(t.core, 'goc.cer', other.root.der, clerk) }, { session: clerk })).code).toBe('FORBIDDEN');
    expect((await signaturesOf(signedPdf, clerk))[0]).toMatchObject({ intact: true, trusted: true });
    expect(ok(await t.core.call('trust.list', {}, { session: admin })).items).toHaveLength(1);
  });
});
