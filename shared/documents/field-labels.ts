/** The names of the register fields as the clerk reads them: import mapping, audit log. */
export const registerFieldLabels: Readonly<Record<string, string>> = {
  arrivalDate: 'Ngày đến',
  arrivalNumber: 'Số đến',
  senderName: 'Tác giả',
  notation: 'Số, ký hiệu',
  documentDate: 'Ngày văn bản',
  subject: 'Trích yếu',
  recipientText: 'Đơn vị hoặc người nhận',
  recipientsText: 'Nơi nhận',
  signerName: 'Người ký',
  copies: 'Số lượng bản',
  transferDate: 'Ngày chuyển',
  note: 'Ghi chú',
};
