/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả (Thông tư 01/2018/TT-VPCP, mẫu
 * 04): sent to the applicant when a dossier is late, with the new date.
 */
import { formatDateVi } from '../../../shared/dates';
import { closingBlocks, headerBlocks, para, PORTRAIT_MM, titleBlock, writeDocx } from '../document-blocks/docx-blocks';
import type { AgencyHeader, SignatureBlock } from '../document-blocks/types';

export interface ApologySlipDoc {
  agency: AgencyHeader;
  date: string;
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string;
  dueDate: string;
  newDueDate: string;
  reason: string;
  signature: SignatureBlock;
}

export async function writeApologySlipDocx(doc: ApologySlipDoc, path: string): Promise<void> {
  const agency = doc.agency.name;
  await writeDocx(path, `Phiếu xin lỗi và hẹn lại ngày trả kết quả — hồ sơ ${doc.code}`, [
    headerBlocks(doc.agency, { number: null, suffix: `PXL-${doc.agency.abbreviation}` }, doc.date, PORTRAIT_MM),
    ...titleBlock('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', []),
    para(`Kính gửi: ${doc.applicantName}`, { align: 'center', after: 240 }),
    para(`Ngày ${formatDateVi(doc.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ của ${doc.applicantName} đề nghị giải quyết thủ tục ${doc.procedureName}.`, { indent: true, align: 'justify' }),
    para(`Mã số hồ sơ: ${doc.code}.`, { indent: true }),
    para(`Thời hẹn trả kết quả giải quyết hồ sơ: ngày ${formatDateVi(doc.dueDate)}.`, { indent: true }),
    para(`Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ cho ${doc.applicantName}.`, { indent: true, align: 'justify' }),
    para(`Lý do: ${doc.reason}`, { indent: true, align: 'justify' }),
    para(`Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của ${doc.applicantName}.`, { indent: true, align: 'justify' }),
    para(`${agency} xin lỗi ${doc.applicantName} và sẽ trả kết quả giải quyết hồ sơ vào ngày ${formatDateVi(doc.newDueDate)}.`, { indent: true, align: 'justify' }),
    para('Xin trân trọng cảm ơn!', { indent: true, after: 240, keepNext: true }),
    closingBlocks([], doc.signature, PORTRAIT_MM),
  ]);
}
