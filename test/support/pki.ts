/**
 * A certification authority and signed PDFs made at test time (Web Crypto +
 * pkijs): a root, an intermediate and a signer, validity derived from the
 * test's clock, so nothing is downloaded and nothing expires.
 */
import crypto from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export interface Party {
  cert: pkijs.Certificate;
  keys: CryptoKeyPair;
  /** The certificate as a .cer file holds it. */
  der: Buffer;
}

const rsa: RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };

function name(cn: string, o?: string): pkijs.RelativeDistinguishedNames {
  const parts: [string, string][] = [['2.5.4.6', 'VN'], ...(o ? ([['2.5.4.10', o]] as [string, string][]) : []), ['2.5.4.3', cn]];
  return new pkijs.RelativeDistinguishedNames({
    typesAndValues: parts.map(([type, value]) => new pkijs.AttributeTypeAndValue({ type, value: type === '2.5.4.6' ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) })),
  });
}

export interface IssueOptions {
  cn: string;
  o?: string;
  /** Absent: self-signed (a root). */
  issuer?: Party;
  ca: boolean;
  notBefore: Date;
  notAfter: Date;
}

export async function issue(opts: IssueOptions): Promise<Party> {
  const keys = (await crypto.webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = crypto.randomBytes(12);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  cert.subject = name(opts.cn, opts.o);
  cert.issuer = opts.issuer ? opts.issuer.cert.subject : cert.subject;
  cert.notBefore.value = opts.notBefore;
  cert.notAfter.value = opts.notAfter;
  const basic = new pkijs.BasicConstraints({ cA: opts.ca });
  // keyCertSign + cRLSign for an authority; digitalSignature + nonRepudiation for a signer.
  const usage = new asn1js.BitString({ valueHex: new Uint8Array([opts.ca ? 0x06 : 0xc0]), unusedBits: opts.ca ? 1 : 6 });
  cert.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: basic.toSchema().toBER(false), parsedValue: basic }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: usage.toBER(false), parsedValue: usage }),
  ];
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  await cert.sign((opts.issuer ?? { keys }).keys.privateKey, 'SHA-256');
  return { cert, keys, der: Buffer.from(cert.toSchema().toBER(false)) };
}

/** PEM, as some CAs publish their roots. */
export function pem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`;
}

const PLACEHOLDER_HEX = 16384;
const RANGE_WIDTH = 10;

const pdfTime = (at: Date) => `D:${at.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z`;
const placeholder = () => `/ByteRange [0 ${'*'.repeat(RANGE_WIDTH)} ${'*'.repeat(RANGE_WIDTH)} ${'*'.repeat(RANGE_WIDTH)}]`;
const sigDict = (signer: string, at: Date) =>
  `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name (${signer}) /M (${pdfTime(at)}) ${placeholder()} /Contents <${'0'.repeat(PLACEHOLDER_HEX)}> >>`;

/** Objects numbered from `first`, written after `head` at their offsets, with their xref section and trailer. */
function writeObjects(head: string, first: number, objects: string[], trailer: string): string {
  let body = head;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${first + i} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  const free = first === 1 ? '0000000000 65535 f \n' : '';
  body += `xref\n${first === 1 ? 0 : first} ${objects.length + (first === 1 ? 1 : 0)}\n${free}${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${body}trailer\n<< /Size ${first + objects.length} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
}

/** A one-page PDF with an empty signature field: its bytes, with a correct xref. `at` is the field's /M. */
export function unsignedPdf(text: string, signer: string, at: Date): Buffer {
  const stream = `BT /F1 12 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 7 0 R >> >> /Annots [5 0 R] >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky 1) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 6 0 R >>',
    sigDict(signer, at),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return Buffer.from(writeObjects('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 1, objects, ''), 'latin1');
}

/** A second signer's incremental update: a new, empty signature field appended after the first signature. */
export function withSecondField(pdf: Buffer, signer: string, at: Date): Buffer {
  const text = pdf.toString('latin1');
  const prev = /startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1] ?? '0';
  const objects = ['<< /Type /Annot /Subtype /Widget /FT /Sig /T (Chu ky 2) /Rect [0 0 0 0] /F 132 /P 3 0 R /V 9 0 R >>', sigDict(signer, at)];
  return Buffer.from(writeObjects(text, 8, objects, `/Prev ${prev} `), 'latin1');
}

export interface SignOptions {
  signer: Party;
  /** The certificates the signature carries besides the signer's (intermediates, perhaps the root). */
  chain: Party[];
  signedAt: Date;
}

/** Signs the PDF's (last) empty field: a CMS detached signature over its ByteRange, as signing software does. */
export async function signPdf(unsigned: Buffer, o: SignOptions): Promise<Buffer> {
  const pdf = Buffer.from(unsigned);
  const text = pdf.toString('latin1');
  // The field still empty: its ByteRange is a placeholder.
  const at = text.lastIndexOf(`/ByteRange [0 ${'*'.repeat(RANGE_WIDTH)}`) + '/ByteRange [0 '.length;
  const open = text.indexOf('/Contents <', at) + '/Contents '.length;
  const close = text.indexOf('>', open) + 1;
  const numbers = [open, close, pdf.length - close].map((n) => String(n).padEnd(RANGE_WIDTH, ' '));
  pdf.write(numbers.join(' '), at, 'latin1');
  const digest = crypto.createHash('sha256').update(pdf.subarray(0, open)).update(pdf.subarray(close)).digest();
  const attrs = [
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: o.signedAt })] }),
    new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
  ];
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: o.signer.cert.issuer, serialNumber: o.signer.cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
      }),
    ],
    certificates: [o.signer.cert, ...o.chain.map((p) => p.cert)],
  });
  await signed.sign(o.signer.keys.privateKey, 0, 'SHA-256');
  const cms = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signed.toSchema(true) });
  const hex = Buffer.from(cms.toSchema().toBER(false)).toString('hex');
  if (hex.length > close - open - 2) throw new Error('signature larger than its placeholder');
  pdf.write(hex, open + 1, 'latin1');
  return pdf;
}
