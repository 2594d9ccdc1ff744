import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, AlignmentType } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEdxmlStatus } from '../../electron/core/documents-read/edxml';
import { plainLines } from '../../electron/core/documents-read/lines';
import { readFields } from '../../electron/core/documents-read/fields';
import { documentFieldNames, type DocumentRead } from '../../shared/api/documents';
import { FIXTURES } from '../../scripts/score-documents';
import { err, heldPath, makeCore, ok, standardAgency, upload, uploadPath, type TestCore } from '../support/core';

type Expected = Record<string, unknown> & { file: string; kind: string; recipients: string[]; senderHeader: string };
const expected = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
const fixtures = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, ''));
const EDXML = 'cv-snv-lang-son-can-bo-xa';
const OWN_ORGAN = '000.00.20.H36';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2025-10-10T02:00:00Z') });
  ok(await t.core.call('agency.update', { ...standardAgency, organId: OWN_ORGAN }));
});
afterEach(() => t.close());

async function read(file: string): Promise<DocumentRead> {
  return ok(await t.core.call('documents.read', { fileId: await uploadPath(t.core, path.join(FIXTURES, file)) }));
}

function fieldsOf(e: Expected) {
  return Object.fromEntries(documentFieldNames.map((k) => {
    const v = e[k === 'senderName' ? 'sender' : k] ?? null;
    return [k, k === 'urgency' && typeof v === 'string' ? v.replace(/-/g, '_') : v];
  }));
}

describe('documents.read on the fixtures', () => {
  for (const name of fixtures.filter((n) => expected(n).kind !== 'pdf-scan')) {
    it(`reads every field of ${name} (${expected(name).kind}), its header block and its recipients`, async () => {
      const e = expected(name);
      const r = await read(e.file);
      expect(r.kind).toBe(e.kind);
      expect(r.fields).toEqual(fieldsOf(e));
      expect(r.senderHeader).toBe(e.senderHeader);
      expect(r.recipients).toEqual(e.recipients);
      // Each field read from the document's text says where: the highlighted box holds the value's text.
      if (e.kind === 'pdf-text') expect(r.sources.notation?.text).toContain(e['notation'] as string);
    });
  }

  it('matches the sender to an external agency without diacritics or case, and refuses a file it cannot read', async () => {
    const unit = ok(await t.core.call('units.create', { name: 'Sở tài chính Tỉnh Lạng Sơn', kind: 'external' }));
    const r = await read('cv-stc-ngan-sach.pdf');
    expect(r.sender.unitId).toBe(unit.id);
    expect(r.fields.senderName).toBe('Sở tài chính Tỉnh Lạng Sơn');
    const e = err(await t.core.call('documents.read', { fileId: await upload(t.core, 'ghi-chu.txt', 'không phải văn bản') }));
    expect(e.fields[0]?.path).toBe('fileId');
  });

  it('reads the same fields from plain recognised lines without positions (the OCR path)', () => {
    const text = ['UBND TỈNH LẠNG SƠN', 'SỞ TÀI CHÍNH', 'Số: 2847/STC-QLNS', 'V/v báo cáo dự toán năm 2025', 'KHẨN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lạng Sơn, ngày 05 tháng 9 năm 2024', 'Kính gửi: Các sở, ban, ngành.', 'Đề nghị báo cáo trước ngày 20/9/2024.', 'Nơi nhận:', '- Như trên;', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Lương Thị Thu Hà'];
    const r = readFields(plainLines(text.join('\n')), null);
    expect(r.fields).toMatchObject({ senderName: 'Sở Tài chính tỉnh Lạng Sơn', notation: '2847/STC-QLNS', documentDate: '2024-09-05', documentType: 'CV', urgency: 'khan', deadline: '2024-09-20', signerPosition: 'Phó Giám đốc', signerName: 'Lương Thị Thu Hà' });
  });

  it('reads a .docx laid out like a letter (header table, type line, subject, signature table)', async () => {
    const cell = (lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(l)] })) });
    const doc = new Document({
      sections: [{
        children: [
          new Table({ rows: [new TableRow({ children: [cell(['ỦY BAN NHÂN DÂN', 'HUYỆN TIÊN YÊN', 'Số: 12/KH-UBND']), cell(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Tiên Yên, ngày 03 tháng 02 năm 2025'])] })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Chuyển đổi số năm 2025', bold: true })] }),
          new Paragraph(''),
          new Paragraph('Các xã báo cáo kết quả trước ngày 15/12/2025.'),
          new Table({ rows: [new TableRow({ children: [cell(['Nơi nhận:', '- Lưu: VT.']), cell(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', '', 'Nguyễn Văn Bình'])] })] }),
        ],
      }],
    });
    const fileId = await upload(t.core, 'ke-hoach.docx', await Packer.toBuffer(doc));
    const r = ok(await t.core.call('documents.read', { fileId }));
    expect(r.kind).toBe('docx');
    expect(r.fields).toMatchObject({ senderName: 'UBND huyện Tiên Yên', notation: '12/KH-UBND', documentDate: '2025-02-03', documentType: 'KH', subject: 'Chuyển đổi số năm 2025', deadline: '2025-12-15', signerPosition: 'Chủ tịch', signerName: 'Nguyễn Văn Bình' });
  });
});

describe('edXML', () => {
  const packageBytes = () => fs.readFileSync(path.join(FIXTURES, `${EDXML}.edxml`));

  it('reads a package, keeps the sender OrganId, and its attachment is registered as an incoming attachment', async () => {
    const r = await read(`${EDXML}.edxml`);
    expect(r.sender.organId).toBe('000.00.15.H36');
    expect(r.edxml).toMatchObject({ documentId: '000.00.15.H36,2025/10/08,1532/SNV-CCVC', trace: [{ organId: '000.00.15.H36', timestamp: '2025/10/08 16:42:10' }] });
    expect(r.attachments).toHaveLength(1);
    const f = r.fields;
    const doc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-10-10', senderName: f.senderName!, notation: f.notation, documentDate: f.documentDate, documentType: f.documentType, subject: f.subject!, signerName: f.signerName, urgency: f.urgency, pages: f.pages, deadline: f.deadline, receivedVia: 'electronic' }));
    const a = ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: doc.id, fileId: r.attachments[0]!.fileId }));
    expect(a).toMatchObject({ fileName: '1532_SNV-CCVC_signed.pdf', mediaType: 'application/pdf' });
    const listed = ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: doc.id })).items;
    expect(listed.map((x) => x.fileName)).toEqual(['1532_SNV-CCVC_signed.pdf']);
    const opened = ok(await t.core.call('attachments.open', { id: a.id }));
    expect(fs.readFileSync(await heldPath(t.core, opened.file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('opens a zipped attachment and tolerates the older e-doc namespace', async () => {
    const xml = packageBytes().toString('utf8');
    const pdf = Buffer.from(/<edXML:ContentTransferEncoded>([^<]+)</.exec(xml)![1]!.replace(/\s+/g, ''), 'base64');
    const zip = new JSZip().file('van-ban/1532_SNV-CCVC.pdf', pdf);
    const zipped = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64').replace(/.{76}/g, '$&\n');
    const older = xml
      .replace(/http:\/\/www\.mic\.gov\.vn\/TBT\/QCVN_102_2016/g, 'http://www.e-doc.vn/Schema/')
      .replace(/<edXML:ContentType>application\/pdf<\/edXML:ContentType>(\s*<edXML:Description>[^<]*<\/edXML:Description>\s*<edXML:ContentTransferEncoded>)[^<]+/, `<edXML:ContentType>application/zip</edXML:ContentType>$1${zipped}`);
    expect(older).not.toContain('QCVN_102_2016');
    const r = ok(await t.core.call('documents.read', { fileId: await upload(t.core, 'goi-cu.edxml', older) }));
    expect(r.fields.notation).toBe('1532/SNV-CCVC');
    expect(r.attachments.map((a) => a.name)).toEqual(['1532_SNV-CCVC.pdf']);
    expect(r.recipients).toEqual(expected(EDXML).recipients);
  });

  it('writes a status package for the incoming document, audited, and reads it back', async () => {
    const r = await read(`${EDXML}.edxml`);
    const doc = ok(await t.core.call('incoming.register', { arrivalDate: '2025-10-10', senderName: r.fields.senderName!, notation: r.fields.notation, documentDate: r.fields.documentDate, subject: r.fields.subject! }));
    // Without the package it came in, the sender has no OrganId: nothing to answer to.
    expect(err(await t.core.call('documents.edxmlStatus', { incomingId: doc.id, status: 'received' })).code).toBe('CONFLICT');
    ok(await t.core.call('attachments.add', { ownerKind: 'incoming', ownerId: doc.id, fileId: await upload(t.core, `${EDXML}.edxml`, packageBytes()) }));
    const handle = ok(await t.core.call('documents.edxmlStatus', { incomingId: doc.id, status: 'accepted', note: 'Đã tiếp nhận, chuyển Phòng Tổ chức' }));
    expect(handle.name).toMatch(/\.edxml$/);
    const back = readEdxmlStatus(fs.readFileSync(await heldPath(t.core, handle)));
    expect(back).toMatchObject({ fromOrganId: OWN_ORGAN, documentId: '000.00.15.H36,2025/10/08,1532/SNV-CCVC', statusCode: '03', description: 'Đã tiếp nhận, chuyển Phòng Tổ chức' });
    const audit = ok(await t.core.call('audit.list', {})).items.find((a) => a.action === 'documents.edxmlStatus');
    expect(audit?.entityId).toBe(doc.id);
  });

  it('exports an issued outgoing document as a package that the same reader reads back', async () => {
    const draft = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo kết quả rà soát đội ngũ cán bộ', signerName: 'Nguyễn Văn An', signerPosition: 'Phó Giám đốc', signingAuthority: 'KT.', urgency: 'thuong_khan', recipients: [{ name: 'UBND tỉnh Lạng Sơn' }] }));
    expect(err(await t.core.call('exports.outgoingEdxml', { id: draft.id })).code).toBe('CONFLICT');
    const issued = ok(await t.core.call('outgoing.issue', { id: draft.id, issueDate: '2025-10-09' }));
    ok(await t.core.call('attachments.add', { ownerKind: 'outgoing', ownerId: draft.id, fileId: await uploadPath(t.core, path.join(FIXTURES, 'qd-ubnd-thanh-hoa-to-cong-tac.pdf')) }));
    const handle = ok(await t.core.call('exports.outgoingEdxml', { id: draft.id }));
    const bytes = fs.readFileSync(await heldPath(t.core, handle));
    expect(bytes.toString('utf8')).toContain(`<edXML:DocumentId>${OWN_ORGAN},2025/10/09,${issued.notation}</edXML:DocumentId>`);
    const r = ok(await t.core.call('documents.read', { fileId: await upload(t.core, handle.name, bytes) }));
    expect(r.kind).toBe('edxml');
    expect(r.sender.organId).toBe(OWN_ORGAN);
    expect(r.fields).toMatchObject({ senderName: standardAgency.name, notation: issued.notation, documentDate: '2025-10-09', documentType: 'BC', subject: issued.subject, signerName: 'Nguyễn Văn An', signerPosition: 'Phó Giám đốc', urgency: 'thuong_khan', pages: 2, deadline: null });
    expect(r.attachments.map((a) => a.name)).toEqual(['qd-ubnd-thanh-hoa-to-cong-tac.pdf']);
  });
});

describe('agency OrganId', () => {
  it('is kept when agency.update leaves it out and refused when malformed', async () => {
    expect(ok(await t.core.call('agency.get', {})).organId).toBe(OWN_ORGAN);
    ok(await t.core.call('agency.update', standardAgency));
    expect(ok(await t.core.call('agency.get', {})).organId).toBe(OWN_ORGAN);
    expect(err(await t.core.call('agency.update', { ...standardAgency, organId: '000 00/15' })).fields[0]?.path).toBe('organId');
  });
});
