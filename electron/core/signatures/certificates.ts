/** X.509 certificates through pkijs: reading .cer/.crt files, names as people read them. */
import crypto from 'node:crypto';
import * as pkijs from 'pkijs';

const CN = '2.5.4.3';
const O = '2.5.4.10';
const BASIC_CONSTRAINTS = '2.5.29.19';

const PEM = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/;

/** A certificate from a file as CAs hand them out: DER, or PEM (base64 between BEGIN/END lines); null when it is neither. */
export function readCertificate(bytes: Buffer): { cert: pkijs.Certificate; der: Buffer } | null {
  const pem = PEM.exec(bytes.toString('latin1'));
  const der = pem ? Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64') : bytes;
  try {
    return { cert: pkijs.Certificate.fromBER(der), der };
  } catch {
    return null;
  }
}

export function derOf(cert: pkijs.Certificate): Buffer {
  return Buffer.from(cert.toSchema().toBER(false));
}

export function fingerprintOf(der: Buffer): string {
  return crypto.createHash('sha256').update(der).digest('hex');
}

/** As Windows and browsers show a fingerprint: AB:CD:… */
export function showFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':');
}

function valueOf(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const tv = name.typesAndValues.find((x) => x.type === type);
  const v: unknown = tv?.value.valueBlock.value;
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

/** The common name; failing that, every part of the name. */
export function commonName(name: pkijs.RelativeDistinguishedNames): string {
  return valueOf(name, CN) ?? (name.typesAndValues.map((x) => x.value.valueBlock.value as unknown).filter((v): v is string => typeof v === 'string').join(', ') || '(không tên)');
}

export function organisationOf(name: pkijs.RelativeDistinguishedNames): string | null {
  return valueOf(name, O);
}

export function sameCertificate(a: pkijs.Certificate, b: pkijs.Certificate): boolean {
  return derOf(a).equals(derOf(b));
}

export function selfIssued(cert: pkijs.Certificate): boolean {
  return cert.subject.isEqual(cert.issuer);
}

/** May issue certificates: basicConstraints cA, or an old (v1) self-issued root without extensions. */
export function isAuthority(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === BASIC_CONSTRAINTS);
  if (!ext) return selfIssued(cert);
  return ext.parsedValue instanceof pkijs.BasicConstraints && ext.parsedValue.cA === true;
}
