/**
 * The field reader: the registration fields of an administrative document
 * from its lines, by the layout of Decree 30/2020 (header blocks, "Số:",
 * place and date, type line and subject or "V/v", "Kính gửi", signature
 * block, boxed urgency and secrecy marks). It works on any source of lines
 * (PDF text layer, Word, OCR); positions help it tell the header's columns
 * apart, but lines in reading order are enough.
 */
import { parseNotation } from '../../../shared/documents/notation';
import { documentTypeFromName } from '../../../shared/documents/types';
import { foldVietnamese } from '../../../shared/text';
import type { DocumentFields, FieldSource } from '../../../shared/api/documents';
import type { LaidOutText, TextLine } from './lines';
import { positionCase, senderFromHeader } from './names';
import { findDeadline, isoFromDayMonthYear } from './dates';

export interface ReadFields {
  fields: DocumentFields;
  sources: Partial<Record<keyof DocumentFields, FieldSource>>;
  senderHeader: string | null;
  recipients: string[];
}

const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc)/;
const URGENCY: Record<string, DocumentFields['urgency']> = { khan: 'khan', 'thuong khan': 'thuong_khan', 'hoa toc': 'hoa_toc', 'hoa toc hen gio': 'hoa_toc' };
const SECRECY: Record<string, DocumentFields['secrecy']> = { mat: 'mat', 'toi mat': 'toi_mat', 'tuyet mat': 'tuyet_mat' };
const AUTHORITY = /^(KT|TM|TL|TUQ|Q)\s?\.\s*\S/u;
const RANKS = /^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|úy|tướng)|GS|PGS|TS|ThS|BS|KS)\.?\s+/u;
const BODY_START = /^(kinh gui|can cu|thuc hien|theo de nghi|ngay \d|nham|de\s)/;

const fold = (s: string) => foldVietnamese(s);
const isCapitals = (s: string) => s === s.toLocaleUpperCase('vi') && /\p{Lu}{2}/u.test(s);
const markKey = (s: string) => fold(s).replace(/[^a-z ]/g, '').trim();

function sourceOf(lines: readonly TextLine[], confidence: number): FieldSource {
  const first = lines[0]!;
  const x = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.x + l.w));
  const bottom = Math.max(...lines.map((l) => l.y + l.h));
  return { page: first.page, box: [x, first.y, right - x, bottom - first.y], text: lines.map((l) => l.text).join('\n'), confidence };
}

export function readFields(doc: LaidOutText, pageCount: number | null): ReadFields {
  const placed = doc.lines.some((l) => l.w > 0);
  const width = (page: number) => doc.pages[page - 1]?.width ?? 0;
  const side = (l: TextLine): 'left' | 'right' | 'any' => {
    if (!placed || width(l.page) === 0) return 'any';
    return l.x + l.w / 2 < width(l.page) / 2 ? 'left' : 'right';
  };
  const lines = doc.lines;
  const firstPage = lines.filter((l) => l.page === lines[0]?.page);
  const gapOk = (a: TextLine, b: TextLine, factor = 1.8) => !placed || (b.page === a.page && b.y - a.y <= Math.max(a.h, b.h) * factor && b.y > a.y);
  const sources: ReadFields['sources'] = {};
  const fields: DocumentFields = {
    senderName: null, notation: null, documentDate: null, documentType: null, subject: null,
    signerName: null, signerPosition: null, urgency: null, secrecy: null, pages: pageCount, deadline: null,
  };

  // Number and notation.
  const soIndex = firstPage.findIndex((l) => /^s[oố]\s*[:.]/iu.test(l.text.normalize('NFC')) || /^số\s+\d/iu.test(l.text));
  const so = soIndex >= 0 ? firstPage[soIndex]! : null;
  if (so) {
    const raw = so.text.replace(/^s[oố]\s*[:.]?\s*/iu, '').split(/\s{2,}|\s(?=\p{Lu}\p{Ll}+,\s*ngày)/u)[0]!.trim();
    const parsed = parseNotation(raw);
    fields.notation = parsed?.normalized ?? (raw.replace(/\s*([/-])\s*/g, '$1') || null);
    if (fields.notation) sources.notation = sourceOf([so], parsed ? 0.97 : 0.7);
  }

  // Header, left block: what stands above "Số:" on the left, the motto excepted.
  const headerLines = firstPage.filter((l, i) => (so ? (placed ? l.y < so.y - 1 : i < soIndex) : i < 3) && side(l) !== 'right' && !MOTTO.test(fold(l.text)));
  const senderHeader = headerLines.length ? headerLines.map((l) => l.text).join('\n') : null;
  fields.senderName = senderFromHeader(headerLines.map((l) => l.text));
  if (fields.senderName) sources.senderName = sourceOf(headerLines, 0.85);

  // Place and date.
  // "th\p{L}ng": OCR reads tháng as thúng or thàng.
  const dateLine = firstPage.find((l) => /,\s*ngày\s+\d{1,2}\s+th\p{L}{1,2}ng\s+\d{1,2}\s+năm\s+\d{4}/iu.test(l.text) || /^[\p{L} .-]+,\s*ngày\s+\d/iu.test(l.text));
  if (dateLine) {
    const m = /ngày\s+(\d{1,2})\s*(?:th\p{L}{1,2}ng\s+|\/)(\d{1,2})\s*(?:năm\s+|\/)(\d{4})/iu.exec(dateLine.text);
    fields.documentDate = m ? isoFromDayMonthYear(m[1]!, m[2]!, m[3]!) : null;
    if (fields.documentDate) sources.documentDate = sourceOf([dateLine], 0.97);
  }

  // Type line and subject, or V/v.
  const headerEnd = Math.max(so ? lines.indexOf(so) : -1, dateLine ? lines.indexOf(dateLine) : -1);
  const afterHeader = firstPage.filter((l) => lines.indexOf(l) > headerEnd || (placed && so && dateLine && l.y > Math.max(so.y, dateLine.y) + 2));
  const typeLine = afterHeader.find((l) => isCapitals(l.text) && documentTypeFromName(l.text.replace(/[:.]$/, '')) !== undefined);
  const vv = firstPage.find((l) => /^V\/v\b/iu.test(l.text));
  if (typeLine && (!vv || vv.y > typeLine.y || !placed)) {
    fields.documentType = documentTypeFromName(typeLine.text.replace(/[:.]$/, ''))!.code;
    sources.documentType = sourceOf([typeLine], 0.95);
    const subject: TextLine[] = [];
    for (const l of firstPage.slice(firstPage.indexOf(typeLine) + 1)) {
      const prev = subject[subject.length - 1] ?? typeLine;
      if (placed && side(l) !== side(typeLine) && Math.abs(l.x + l.w / 2 - (typeLine.x + typeLine.w / 2)) > width(l.page) * 0.15) continue;
      if (!gapOk(prev, l) || isCapitals(l.text) || BODY_START.test(fold(l.text))) break;
      subject.push(l);
    }
    if (subject.length) {
      fields.subject = subject.map((l) => l.text).join(' ');
      sources.subject = sourceOf(subject, 0.85);
    }
  } else if (vv) {
    fields.documentType = 'CV';
    sources.documentType = sourceOf([vv], 0.9);
    const subject = [vv];
    for (const l of firstPage.slice(firstPage.indexOf(vv) + 1)) {
      if (placed && side(l) !== side(vv)) continue;
      const prev = subject[subject.length - 1]!;
      if (!gapOk(prev, l, 1.6) || markKey(l.text) in URGENCY || markKey(l.text) in SECRECY || BODY_START.test(fold(l.text))) break;
      subject.push(l);
    }
    fields.subject = subject.map((l) => l.text).join(' ').replace(/^V\/v\s*[:.]?\s*/iu, '').trim() || null;
    if (fields.subject) sources.subject = sourceOf(subject, 0.9);
  }

  // Boxed marks under the number: above the body, on the first page.
  const bodyTop = firstPage.find((l) => /^kinh gui/.test(fold(l.text)) || (typeLine === l));
  for (const l of firstPage) {
    if (bodyTop && (placed ? l.y >= bodyTop.y : firstPage.indexOf(l) >= firstPage.indexOf(bodyTop))) break;
    const key = markKey(l.text);
    if (URGENCY[key] && !fields.urgency) {
      fields.urgency = URGENCY[key];
      sources.urgency = sourceOf([l], 0.9);
    } else if (SECRECY[key] && !fields.secrecy) {
      fields.secrecy = SECRECY[key];
      sources.secrecy = sourceOf([l], 0.9);
    }
  }

  const recipients = readRecipients(lines, placed);
  const signature = readSignature(lines, side, gapOk);
  if (signature) {
    fields.signerPosition = signature.position;
    sources.signerPosition = sourceOf([signature.positionLine], 0.9);
    if (signature.nameLine) {
      fields.signerName = signature.name;
      sources.signerName = sourceOf([signature.nameLine], 0.85);
    }
  }

  // The deadline is asked for in the body, between the subject and "Nơi nhận".
  const bodyFrom = lines.indexOf(recipients.last ?? bodyTop ?? lines[headerEnd] ?? lines[0]!) + 1;
  const bodyTo = signature ? lines.indexOf(signature.noiNhan ?? signature.firstLine) : lines.length;
  const body = lines.slice(bodyFrom, bodyTo > bodyFrom ? bodyTo : lines.length);
  const year = fields.documentDate ? Number(fields.documentDate.slice(0, 4)) : null;
  const deadline = findDeadline(body.map((l) => l.text), year);
  if (deadline) {
    fields.deadline = deadline.date;
    sources.deadline = sourceOf([body[deadline.line]!], 0.75);
  }
  return { fields, sources, senderHeader, recipients: recipients.items };
}

function readRecipients(lines: readonly TextLine[], placed: boolean): { items: string[]; last: TextLine | null } {
  const start = lines.findIndex((l) => /^kinh gui\s*:?/.test(fold(l.text)));
  if (start < 0) return { items: [], last: null };
  const head = lines[start]!;
  const items: string[] = [];
  const inline = head.text.replace(/^kính\s+gửi\s*:?\s*/iu, '').trim();
  if (inline) items.push(inline);
  let last = head;
  let dashX = -1;
  for (const l of lines.slice(start + 1)) {
    const near = !placed || (l.page === last.page && l.y - last.y <= l.h * 1.6);
    if (!near) break;
    if (/^[-–•+]\s*/u.test(l.text)) {
      items.push(l.text.replace(/^[-–•+]\s*/u, ''));
      dashX = l.x;
    } else if (items.length && (placed ? l.x > dashX && dashX >= 0 : !/[.;]$/.test(items[items.length - 1]!))) {
      items[items.length - 1] += ` ${l.text}`;
    } else break;
    last = l;
  }
  return { items: items.map((t) => t.replace(/[;.,]+$/u, '').trim()).filter((t) => t !== ''), last };
}

interface Signature {
  position: string;
  positionLine: TextLine;
  firstLine: TextLine;
  name: string | null;
  nameLine: TextLine | null;
  noiNhan: TextLine | null;
}

/**
 * The signing authority block sits on the right beside "Nơi nhận": capital
 * lines (KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC), room for the signature and seal, then
 * the name. Without "Nơi nhận" the last authority line of the document is used.
 */
function readSignature(
  lines: readonly TextLine[],
  side: (l: TextLine) => 'left' | 'right' | 'any',
  gapOk: (a: TextLine, b: TextLine, factor?: number) => boolean,
): Signature | null {
  const noiIndex = lines.findLastIndex((l) => /^noi nhan\s*:?/.test(fold(l.text)));
  const noiNhan = noiIndex >= 0 ? lines[noiIndex]! : null;
  const capitalRight = (l: TextLine) => side(l) !== 'left' && isCapitals(l.text) && !/^noi nhan/.test(fold(l.text));
  let start = -1;
  if (noiNhan && side(noiNhan) !== 'any') {
    start = lines.findIndex((l, i) => i >= noiIndex - 3 && l.page === noiNhan.page && capitalRight(l) && Math.abs(l.y - noiNhan.y) < noiNhan.h * 3);
  }
  if (start < 0) start = lines.findLastIndex((l) => AUTHORITY.test(l.text) && isCapitals(l.text));
  if (start < 0 && noiNhan) start = lines.findIndex((l, i) => i > noiIndex && capitalRight(l));
  if (start < 0) return null;
  const block = [lines[start]!];
  for (const l of lines.slice(start + 1)) {
    if (side(l) === 'left') continue;
    if (!capitalRight(l) || !gapOk(block[block.length - 1]!, l, 1.7)) break;
    block.push(l);
  }
  const positionLine = block[block.length - 1]!;
  const position = positionCase(positionLine.text.replace(/^(KT|TM|TL|TUQ|Q)\s?\.\s*/u, ''));
  let nameLine: TextLine | null = null;
  let name: string | null = null;
  for (const l of lines.slice(lines.indexOf(positionLine) + 1)) {
    if (side(l) === 'left') continue;
    if (l.page !== positionLine.page && side(l) !== 'any') break;
    const text = l.text.replace(RANKS, '').replace(/^\(?(đã ký|ký tên, đóng dấu|ký số)\)?\s*/iu, '').trim();
    const words = text.split(' ');
    if (words.length >= 2 && words.length <= 6 && words.every((w) => /^\p{Lu}/u.test(w)) && !isCapitals(text)) {
      nameLine = l;
      name = text;
      break;
    }
  }
  return { position, positionLine, firstLine: block[0]!, name, nameLine, noiNhan };
}
