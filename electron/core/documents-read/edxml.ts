/**
 * edXML packages of the national document exchange (QCVN 102:2016/BTTTT and
 * its amendment 1:2022): the MessageHeader's fields, the TraceHeaderList and
 * the base64 attachments (a zip is opened). Prefixes are dropped when parsing,
 * so the older e-doc namespace reads the same.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/api/errors';
import type { DocumentFields } from '../../../shared/api/documents';
import { documentTypeFromName } from '../../../shared/documents/types';

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export interface EdxmlFile {
  name: string;
  mediaType: string;
  description: string | null;
  content: Buffer;
}

export interface EdxmlPackage {
  fields: DocumentFields;
  documentId: string | null;
  fromOrganId: string | null;
  trace: { organId: string; timestamp: string }[];
  /** The manifest's order: the first is the document itself. */
  files: EdxmlFile[];
}

export interface EdxmlStatusPackage {
  fromOrganId: string | null;
  documentId: string | null;
  statusCode: string;
  description: string | null;
  timestamp: string | null;
}

type Node = Record<string, unknown>;

const LISTS = new Set(['To', 'Reference', 'Attachment', 'TraceHeader', 'Place', 'Appendix']);
const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => LISTS.has(name),
});

const node = (v: unknown): Node => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(node) : v === undefined ? [] : [node(v)]);
function str(v: unknown): string | null {
  const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : typeof node(v)['#text'] === 'string' ? (node(v)['#text'] as string) : null;
  return s && s.trim() !== '' ? s.replace(/\s+/g, ' ').trim() : null;
}

/** "2025/10/08" (or 2025-10-08) → 2025-10-08. */
function isoDate(v: unknown): string | null {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})/.exec(str(v) ?? '');
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

const PRIORITY: Record<string, DocumentFields['urgency']> = { '1': 'khan', '2': 'thuong_khan', '3': 'hoa_toc', '4': 'hoa_toc' };

function bad(message: string): AppError {
  return new AppError('VALIDATION', message, [{ path: 'fileId', message }]);
}

function parse(xml: Buffer, root: string): Node {
  let doc: Node;
  try {
    doc = node(parser.parse(xml.toString('utf8')));
  } catch (e) {
    throw bad(`Gói edXML không đúng cú pháp XML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const top = node(doc[root]);
  if (Object.keys(top).length === 0) throw bad(`Tệp không phải gói edXML (thiếu phần tử ${root}).`);
  return top;
}

async function unpack(name: string, mediaType: string, description: string | null, content: Buffer): Promise<EdxmlFile[]> {
  if (mediaType !== 'application/zip' && !/\.zip$/i.test(name)) return [{ name, mediaType, description, content }];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(content);
  } catch {
    throw bad(`Tệp nén "${name}" trong gói edXML bị hỏng.`);
  }
  const out: EdxmlFile[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const inner = entry.name.split('/').pop() ?? entry.name;
    out.push({ name: inner, mediaType: /\.pdf$/i.test(inner) ? 'application/pdf' : 'application/octet-stream', description, content: await entry.async('nodebuffer') });
  }
  return out;
}

export async function readEdxml(xml: Buffer): Promise<EdxmlPackage> {
  const env = parse(xml, 'edXMLEnvelope');
  const header = node(env['edXMLHeader']);
  const h = node(header['MessageHeader']);
  const from = node(h['From']);
  const code = node(h['Code']);
  const other = node(h['OtherInfo']);
  const signer = node(h['SignerInfo']);
  const number = str(code['CodeNumber']);
  const notation = str(code['CodeNotation']);
  const typeName = str(node(h['DocumentType'])['TypeName']);
  const fields: DocumentFields = {
    senderName: str(from['OrganName']),
    notation: number && notation ? `${number}/${notation}` : notation ?? number,
    documentDate: isoDate(node(h['PromulgationInfo'])['PromulgationDate']),
    documentType: typeName ? documentTypeFromName(typeName)?.code ?? null : null,
    subject: str(h['Subject']),
    signerName: str(signer['FullName']),
    signerPosition: str(signer['Position']),
    urgency: PRIORITY[str(other['Priority']) ?? ''] ?? null,
    secrecy: null,
    pages: /^\d+$/.test(str(other['PageAmount']) ?? '') ? Number(str(other['PageAmount'])) : null,
    deadline: isoDate(h['DueDate']),
  };
  const trace = list(node(header['TraceHeaderList'])['TraceHeader']).map((t) => ({ organId: str(t['OrganId']) ?? '', timestamp: str(t['Timestamp']) ?? '' }));
  // Attachments follow the manifest's order; the SDK writes their id without "cid:".
  const refs = list(node(node(env['edXMLBody'])['edXMLManifest'])['Reference']).map((r) => (str(r['ContentId']) ?? '').replace(/^cid:/, ''));
  const attachments = list(node(env['AttachmentEncoded'])['Attachment']);
  const rank = (a: Node) => {
    const i = refs.indexOf((str(a['ContentId']) ?? '').replace(/^cid:/, ''));
    return i < 0 ? refs.length : i;
  };
  const files: EdxmlFile[] = [];
  for (const a of [...attachments].sort((x, y) => rank(x) - rank(y))) {
    const encoded = (str(a['ContentTransferEncoded']) ?? '').replace(/\s+/g, '');
    if (!encoded) continue;
    const name = str(a['AttachmentName']) ?? `tep-dinh-kem-${files.length + 1}`;
    files.push(...(await unpack(name, str(a['ContentType']) ?? 'application/octet-stream', str(a['Description']), Buffer.from(encoded, 'base64'))));
  }
  return { fields, documentId: str(h['DocumentId']), fromOrganId: str(from['OrganId']), trace, files };
}

/** A status package written by documents.edxmlStatus (or received from an agency the office sent to). */
export function readEdxmlStatus(xml: Buffer): EdxmlStatusPackage {
  const status = parse(xml, 'Status');
  const m = node(node(status['Header'])['MessageStatus']);
  const response = node(m['ResponseFor']);
  return {
    fromOrganId: str(node(m['From'])['OrganId']),
    documentId: str(response['DocumentId']),
    statusCode: str(m['StatusCode']) ?? '',
    description: str(m['Description']),
    timestamp: str(m['Timestamp']),
  };
}

/** Whether the bytes look like an edXML envelope, whatever the file is called. */
export function isEdxml(content: Buffer): boolean {
  const head = content.subarray(0, 2048).toString('utf8');
  return /<([A-Za-z_][\w.-]*:)?edXMLEnvelope[\s>]/.test(head);
}
