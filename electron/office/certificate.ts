/**
 * The office server's certificate: self-signed ECDSA P-256, made on first
 * start into the certificate folder and reused afterwards, so its fingerprint
 * (what the clients pin) stays the same for ten years. Made with pkijs over
 * Node's Web Crypto, as the signature checks use it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../shared/api/errors';
import { fingerprintOf } from './pinned';

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
  /** SHA-256 of the DER, 'AB:CD:…'. */
  fingerprint: string;
  validTo: string;
  /** Made by this start (not read from the folder). */
  created: boolean;
}

export const CERT_FILE = 'chung-thu-may-chu.pem';
export const KEY_FILE = 'khoa-may-chu.pem';
const YEARS = 10;

const pem = (label: string, der: Buffer) => `-----BEGIN ${label}-----\n${(Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;

function subject(cn: string): pkijs.RelativeDistinguishedNames {
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: [
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'Văn thư' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: cn }) }),
    ],
  });
}

/** The names a client may use for this server: the listen address, this PC's name, and the loopback ones. */
function altNames(hosts: readonly string[]): pkijs.AltName {
  const unique = [...new Set(hosts.filter((h) => h && h !== '0.0.0.0' && h !== '::'))];
  return new pkijs.AltName({
    altNames: unique.flatMap((h) => {
      if (net.isIPv4(h)) return [new pkijs.GeneralName({ type: 7, value: new asn1js.OctetString({ valueHex: new Uint8Array(h.split('.').map(Number)).buffer }) })];
      if (net.isIP(h)) return [];
      return [new pkijs.GeneralName({ type: 2, value: h })];
    }),
  });
}

async function make(hosts: readonly string[], now: Date): Promise<{ certPem: string; keyPem: string; der: Buffer; validTo: Date }> {
  const keys = await crypto.webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = crypto.randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  const name = subject(`Văn thư - máy chủ văn phòng (${os.hostname()})`);
  cert.subject = name;
  cert.issuer = name;
  // A day back: a client whose clock is a little behind still accepts it.
  cert.notBefore.value = new Date(now.getTime() - 86_400_000);
  const validTo = new Date(now);
  validTo.setUTCFullYear(validTo.getUTCFullYear() + YEARS);
  cert.notAfter.value = validTo;
  const basic = new pkijs.BasicConstraints({ cA: false });
  const san = altNames(hosts);
  // serverAuth
  const eku = new pkijs.ExtKeyUsage({ keyPurposes: ['1.3.6.1.5.5.7.3.1'] });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basic.toSchema().toBER(false), parsedValue: basic }),
    new pkijs.Extension({ extnID: '2.5.29.17', critical: false, extnValue: san.toSchema().toBER(false), parsedValue: san }),
    new pkijs.Extension({ extnID: '2.5.29.37', critical: false, extnValue: eku.toSchema().toBER(false), parsedValue: eku }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign(keys.privateKey, 'SHA-256');
  const der = Buffer.from(cert.toSchema().toBER(false));
  const pkcs8 = await crypto.webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { certPem: pem('CERTIFICATE', der), keyPem: pem('PRIVATE KEY', Buffer.from(pkcs8)), der, validTo };
}

/**
 * The certificate of certDir, made there if the folder has none (the key
 * readable by this user only). A folder with only one of the two files is
 * refused rather than overwritten: a new certificate would change the
 * fingerprint every client has pinned.
 */
export async function serverCertificate(certDir: string, hosts: readonly string[], now = new Date()): Promise<ServerCertificate> {
  const certFile = path.join(certDir, CERT_FILE);
  const keyFile = path.join(certDir, KEY_FILE);
  const haveCert = fs.existsSync(certFile);
  const haveKey = fs.existsSync(keyFile);
  if (haveCert !== haveKey) {
    throw new AppError('IO', `Thư mục chứng thư ${certDir} chỉ có ${haveCert ? CERT_FILE : KEY_FILE}: thiếu tệp còn lại. Hãy chép lại cả hai tệp từ bản sao, hoặc xóa tệp còn lại để làm chứng thư mới (khi đó mọi máy trạm phải xác nhận lại vân tay).`);
  }
  if (haveCert) {
    const certPem = fs.readFileSync(certFile, 'utf8');
    const keyPem = fs.readFileSync(keyFile, 'utf8');
    const x = new crypto.X509Certificate(certPem);
    if (!x.checkPrivateKey(crypto.createPrivateKey(keyPem))) throw new AppError('IO', `Khóa ${keyFile} không khớp với chứng thư ${certFile}: hãy chép lại cả hai tệp từ bản sao.`);
    return { certPem, keyPem, fingerprint: fingerprintOf(x.raw), validTo: new Date(x.validTo).toISOString(), created: false };
  }
  fs.mkdirSync(certDir, { recursive: true, mode: 0o700 });
  const made = await make(['localhost', '127.0.0.1', os.hostname(), ...hosts], now);
  // The key first, born private (0600); the certificate last, so a half-made folder is told apart.
  fs.writeFileSync(keyFile, made.keyPem, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(certFile, made.certPem, { flag: 'wx' });
  return { certPem: made.certPem, keyPem: made.keyPem, fingerprint: fingerprintOf(made.der), validTo: made.validTo.toISOString(), created: true };
}
