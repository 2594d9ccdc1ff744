/**
 * edXML packages the office sends (QCVN 102:2016/BTTTT): a status package
 * answering an incoming package, and an issued outgoing document with its
 * files. Written with fast-xml-parser's builder, so every value is escaped.
 */
import { format } from 'date-fns';
import { XMLBuilder } from 'fast-xml-parser';
import { EDXML_NS } from './edxml';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, indentBy: '  ', suppressEmptyNode: true });
const XLINK = 'http://www.w3.org/1999/xlink';

export interface Organ {
  organId: string;
  name: string;
  parentName: string | null;
}

const e = (tag: string) => `edXML:${tag}`;
const from = (o: Organ) => ({ [e('OrganId')]: o.organId, [e('OrganizationInCharge')]: o.parentName ?? '', [e('OrganName')]: o.name });
/** "2025/10/08 16:42:10": the standard's timestamp, in the office's local time. */
export const edxmlTimestamp = (d: Date) => format(d, 'yyyy/MM/dd HH:mm:ss');
/** "OrganId,yyyy/MM/dd,Số/Ký hiệu". */
export const edxmlDocumentId = (organId: string, isoDate: string, notation: string) => `${organId},${isoDate.replace(/-/g, '/')},${notation}`;

function xml(root: Record<string, unknown>): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root) as string}`, 'utf8');
}

export function writeStatusPackage(p: {
  from: Organ;
  responseFor: { organId: string; notation: string | null; documentDate: string | null; documentId: string };
  statusCode: string;
  description: string;
  at: Date;
  staff: string | null;
}): Buffer {
  return xml({
    [e('Status')]: {
      '@xmlns:edXML': EDXML_NS,
      [e('Header')]: {
        [e('MessageStatus')]: {
          [e('From')]: from(p.from),
          [e('ResponseFor')]: {
            [e('OrganId')]: p.responseFor.organId,
            [e('Code')]: p.responseFor.notation ?? '',
            [e('PromulgationDate')]: p.responseFor.documentDate?.replace(/-/g, '/') ?? '',
            [e('DocumentId')]: p.responseFor.documentId,
          },
          [e('StatusCode')]: p.statusCode,
          [e('Description')]: p.description,
          [e('Timestamp')]: edxmlTimestamp(p.at),
          [e('StaffInfo')]: { [e('Department')]: 'Văn thư', [e('Staff')]: p.staff ?? '' },
        },
      },
    },
  });
}

export interface OutgoingPackage {
  from: Organ;
  to: { organId: string | null; name: string }[];
  number: string;
  /** The notation after the number: "BC-STNMT". */
  codeNotation: string;
  notation: string;
  place: string;
  date: string;
  typeName: string;
  subject: string;
  signer: { competence: string; position: string; name: string };
  priority: number;
  pages: number | null;
  at: Date;
  files: { id: string; name: string; mediaType: string; content: Buffer }[];
}

/** Base64 wrapped at 76 characters, as MIME and the national SDK write it. */
const wrap = (b: Buffer) => b.toString('base64').replace(/.{76}(?=.)/g, '$&\n');

export function writeOutgoingPackage(p: OutgoingPackage): Buffer {
  const documentId = edxmlDocumentId(p.from.organId, p.date, p.notation);
  return xml({
    [e('edXMLEnvelope')]: {
      '@xmlns:edXML': EDXML_NS,
      '@xmlns:xlink': XLINK,
      [e('edXMLHeader')]: {
        [e('MessageHeader')]: {
          [e('From')]: from(p.from),
          [e('To')]: p.to.map((t) => ({ [e('OrganId')]: t.organId ?? '', [e('OrganName')]: t.name })),
          [e('DocumentId')]: documentId,
          [e('Code')]: { [e('CodeNumber')]: p.number, [e('CodeNotation')]: p.codeNotation },
          [e('PromulgationInfo')]: { [e('Place')]: p.place, [e('PromulgationDate')]: p.date.replace(/-/g, '/') },
          // Type 1: legal normative document; every register type here is an administrative one.
          [e('DocumentType')]: { [e('Type')]: '2', [e('TypeName')]: p.typeName },
          [e('Subject')]: p.subject,
          [e('Content')]: p.subject,
          [e('SignerInfo')]: { [e('Competence')]: p.signer.competence, [e('Position')]: p.signer.position, [e('FullName')]: p.signer.name },
          [e('DueDate')]: '',
          [e('ToPlaces')]: { [e('Place')]: p.to.map((t) => t.name) },
          [e('OtherInfo')]: { [e('Priority')]: String(p.priority), [e('PromulgationAmount')]: '1', [e('PageAmount')]: p.pages === null ? '' : String(p.pages) },
          [e('SteeringType')]: '0',
        },
        [e('TraceHeaderList')]: {
          [e('TraceHeader')]: { [e('OrganId')]: p.from.organId, [e('Timestamp')]: edxmlTimestamp(p.at) },
          [e('Bussiness')]: { [e('BussinessDocType')]: '0', [e('BussinessDocReason')]: 'Văn bản điện tử mới', [e('Paper')]: '0' },
        },
      },
      [e('edXMLBody')]: {
        [e('edXMLManifest')]: {
          '@version': '1.0',
          [e('Reference')]: p.files.map((f) => ({
            '@xlink:href': `cid:${f.id}`,
            '@xlink:type': 'simple',
            [e('ContentId')]: `cid:${f.id}`,
            [e('ContentType')]: f.mediaType,
            [e('AttachmentName')]: f.name,
          })),
        },
      },
      [e('AttachmentEncoded')]: {
        [e('Attachment')]: p.files.map((f) => ({
          [e('ContentId')]: f.id,
          [e('AttachmentName')]: f.name,
          [e('ContentType')]: f.mediaType,
          [e('ContentTransferEncoded')]: wrap(f.content),
        })),
      },
    },
  });
}
