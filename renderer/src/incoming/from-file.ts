/**
 * A file read by documents.read, turned into the incoming form: the values,
 * and for each filled box where in the document it was read and how sure.
 */
import type { DocumentFields, DocumentRead, FieldSource } from '../../../shared/api/documents';
import type { PdfSignature } from '../../../shared/api/trust';
import type { ApiResult } from '../../../shared/api/errors';
import { formatDateVi } from '../../../shared/dates';
import { call } from '../api/client';

export const emptyIncoming = {
  senderName: '',
  senderUnitId: null as number | null,
  notation: '',
  documentDate: '',
  documentType: '',
  subject: '',
  signerName: '',
  signerPosition: '',
  urgency: '',
  secrecy: '',
  pages: '',
  deadline: '',
  receivedVia: '',
  recipientText: '',
  note: '',
};
export type IncomingValues = typeof emptyIncoming;
export type FilledKey = keyof DocumentFields & keyof IncomingValues;

/** A file of the queue once read: its handle (to attach it), what the reader found, its signatures. */
export interface ReadFile {
  file: File;
  fileId: string;
  read: DocumentRead;
  signatures: PdfSignature[];
}

/** Below this the field is marked for the clerk to check. */
export const SURE = 0.8;

const text = (v: string | number | null) => (v === null ? '' : String(v));

export function valuesFromRead(read: DocumentRead): IncomingValues {
  const f = read.fields;
  return {
    ...emptyIncoming,
    // Kính gửi names the agency itself, not the unit inside it the register's "người nhận" means: left to the clerk.
    senderName: text(f.senderName),
    senderUnitId: read.sender.unitId,
    notation: text(f.notation),
    documentDate: f.documentDate ? formatDateVi(f.documentDate) : '',
    documentType: text(f.documentType),
    subject: text(f.subject),
    signerName: text(f.signerName),
    signerPosition: text(f.signerPosition),
    urgency: text(f.urgency),
    secrecy: text(f.secrecy),
    pages: text(f.pages),
    deadline: f.deadline ? formatDateVi(f.deadline) : '',
  };
}

/** Where the value in a box came from, if the reader filled it. */
export function sourceOf(read: DocumentRead | null, key: string): FieldSource | null {
  if (!read || !(key in read.fields) || read.fields[key as FilledKey] === null) return null;
  return read.sources[key as FilledKey] ?? null;
}

export const percent = (c: number) => `${Math.round(c * 100)}%`;

/**
 * The sender's edXML OrganId kept on the external agency, so that its next
 * package is matched by it: a new agency is created with it, a known one
 * without it gets it. The unit to register the document under.
 */
export async function keepSenderOrgan(read: DocumentRead, senderName: string, senderUnitId: number | null): Promise<ApiResult<number | null>> {
  const organId = read.sender.organId;
  if (!organId) return { ok: true, value: senderUnitId };
  if (senderUnitId === null) {
    const made = await call('units.create', { name: senderName, kind: 'external', organId });
    return made.ok ? { ok: true, value: made.value.id } : made;
  }
  const units = await call('units.list', { kind: 'external' });
  const unit = units.ok ? units.value.items.find((u) => u.id === senderUnitId) : undefined;
  if (!unit || unit.organId) return { ok: true, value: senderUnitId };
  const updated = await call('units.update', { id: senderUnitId, organId });
  return updated.ok ? { ok: true, value: senderUnitId } : updated;
}

/** The file becomes the document's attachment; an edXML package gives the files inside it. */
export async function attachRead(from: ReadFile, incomingId: number): Promise<string | null> {
  const handles = from.read.kind === 'edxml' ? from.read.attachments.map((a) => a.fileId) : [from.fileId];
  for (const fileId of handles) {
    const r = await call('attachments.add', { ownerKind: 'incoming', ownerId: incomingId, fileId });
    if (!r.ok) return r.error.message;
  }
  return null;
}
