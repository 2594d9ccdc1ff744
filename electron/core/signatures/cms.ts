/**
 * One CMS (PKCS #7) detached signature over a PDF's signed byte ranges: is the
 * content unchanged (its digest against the signed messageDigest), and does the
 * signature over the signed attributes verify with the signer's key.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';
const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';

/** Digest algorithms by OID, as node:crypto names them. */
const digests: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export const cannotTell = (why: string) => `không kiểm tra được: ${why}`;

export interface CmsCheck {
  signer: pkijs.Certificate | null;
  /** Every certificate the signature carries (the signer's, often intermediates, sometimes the root). */
  certificates: pkijs.Certificate[];
  signedAt: Date | null;
  intact: boolean | null;
  reason: string | null;
}

function digestOf(algorithm: string, parts: readonly Buffer[]): Buffer {
  const h = crypto.createHash(algorithm);
  for (const p of parts) h.update(p);
  return h.digest();
}

/** The signer's certificate named by the SignerInfo's sid (issuer and serial, or subject key identifier). */
function signerCertificate(sid: pkijs.SignerInfo['sid'], certs: readonly pkijs.Certificate[]): pkijs.Certificate | null {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return certs.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
  const keyId = Buffer.from(sid.valueBlock.valueHexView);
  return (
    certs.find((c) => {
      const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue;
      const own = ski instanceof asn1js.OctetString ? Buffer.from(ski.valueBlock.valueHexView) : digestOf('sha1', [Buffer.from(c.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView)]);
      return own.equals(keyId);
    }) ?? null
  );
}

function attribute(info: pkijs.SignerInfo, type: string): unknown {
  return info.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];
}

function signingTime(info: pkijs.SignerInfo): Date | null {
  const v = attribute(info, SIGNING_TIME);
  return v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime ? v.toDate() : null;
}

function parseSignedData(der: Buffer): pkijs.SignedData | string {
  try {
    const info = pkijs.ContentInfo.fromBER(der.subarray(0, asn1js.fromBER(der).offset));
    if (info.contentType !== SIGNED_DATA) return `nội dung chữ ký không phải CMS SignedData (${info.contentType})`;
    return new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    return `nội dung chữ ký không đọc được (${e instanceof Error ? e.message : String(e)})`;
  }
}

/** Checks the signature `der` over the concatenated `signed` parts. Never throws: what it cannot tell is in `reason`. */
export async function checkCms(der: Buffer, signed: readonly Buffer[]): Promise<CmsCheck> {
  const sd = parseSignedData(der);
  if (typeof sd === 'string') return { signer: null, certificates: [], signedAt: null, intact: null, reason: cannotTell(sd) };
  const certificates = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const info = sd.signerInfos[0];
  if (!info) return { signer: null, certificates, signedAt: null, intact: null, reason: cannotTell('chữ ký không có thông tin người ký') };
  const signer = signerCertificate(info.sid, certificates);
  const base = { signer, certificates, signedAt: signingTime(info) };
  const algorithm = digests[info.digestAlgorithm.algorithmId];
  if (!algorithm) return { ...base, intact: null, reason: cannotTell(`thuật toán băm ${info.digestAlgorithm.algorithmId} chưa được hỗ trợ`) };

  let data: Buffer;
  if (info.signedAttrs) {
    const expected = attribute(info, MESSAGE_DIGEST);
    if (!(expected instanceof asn1js.OctetString)) return { ...base, intact: null, reason: cannotTell('chữ ký thiếu thuộc tính messageDigest') };
    if (!Buffer.from(expected.valueBlock.valueHexView).equals(digestOf(algorithm, signed))) {
      return { ...base, intact: false, reason: 'Nội dung văn bản đã bị thay đổi sau khi ký.' };
    }
    data = Buffer.from(info.signedAttrs.encodedValue);
  } else {
    data = Buffer.concat(signed);
  }
  if (!signer) return { ...base, intact: null, reason: cannotTell('chữ ký không kèm chứng thư số của người ký') };
  try {
    const engine = pkijs.getCrypto(true);
    // As pkijs's own SignedData.verify: RSA PKCS#1 v1.5 takes the hash from the SignerInfo, other algorithms name it themselves.
    const verified =
      info.signatureAlgorithm.algorithmId === RSA_ENCRYPTION
        ? await engine.verifyWithPublicKey(data, info.signature, signer.subjectPublicKeyInfo, info.signatureAlgorithm, engine.getAlgorithmByOID<{ name: string }>(info.digestAlgorithm.algorithmId, true).name)
        : await engine.verifyWithPublicKey(data, info.signature, signer.subjectPublicKeyInfo, info.signatureAlgorithm);
    return verified ? { ...base, intact: true, reason: null } : { ...base, intact: false, reason: 'Chữ ký không khớp với chứng thư số của người ký (chữ ký giả hoặc bị sửa).' };
  } catch (e) {
    return { ...base, intact: null, reason: cannotTell(`thuật toán ký chưa được hỗ trợ (${e instanceof Error ? e.message : String(e)})`) };
  }
}
