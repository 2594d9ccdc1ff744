/**
 * Danh sách nhiệm vụ cần đôn đốc of one unit: what is overdue or due soon,
 * with the latest progress. It travels with the letter that asks for it
 * (Kèm theo Công văn số …), so it is titled as that letter's attachment.
 */
import { formatDateVi } from '../../../shared/dates';
import { attachmentLine, closingBlocks, grid, headerBlocks, LANDSCAPE_MM, para, writeDocx } from '../document-blocks/docx-blocks';
import type { ReminderListDoc } from './document-types';

const WIDTHS = [10, 92, 42, 24, 32, 52];

export async function writeReminderDocx(doc: ReminderListDoc, path: string): Promise<void> {
  const rows = doc.lines.map((l, i) => [String(i + 1), l.content, l.source ?? '', l.deadline ? formatDateVi(l.deadline) : 'Thường xuyên', l.statusText, l.lastProgress ?? '']);
  await writeDocx(
    path,
    `Danh sách đôn đốc — ${doc.unitName}`,
    [
      headerBlocks(doc.agency, null, doc.date, LANDSCAPE_MM),
      para('DANH SÁCH NHIỆM VỤ CẦN ĐÔN ĐỐC', { bold: true, align: 'center', before: 240 }),
      para(`Đơn vị: ${doc.unitName}`, { bold: true, align: 'center' }),
      para(attachmentLine('Công văn', doc.agency), { italics: true, align: 'center' }),
      para(`(Tính đến ngày ${formatDateVi(doc.date)})`, { italics: true, align: 'center', after: 200 }),
      doc.lines.length
        ? grid(['TT', 'Nội dung nhiệm vụ', 'Nguồn giao', 'Thời hạn', 'Tình trạng', 'Tiến độ gần nhất'], rows, WIDTHS, new Set([0, 3]))
        : para('Đơn vị không có nhiệm vụ quá hạn hoặc sắp đến hạn.', { italics: true, align: 'center' }),
      para('', { after: 200, keepNext: true }),
      closingBlocks([], doc.signature, LANDSCAPE_MM),
    ],
    true,
  );
}
