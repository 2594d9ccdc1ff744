/** Coded document fields: ASCII codes travel and are stored; labels are shown. */

export const urgencies = ['khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, string> = { khan: 'Khẩn', thuong_khan: 'Thượng khẩn', hoa_toc: 'Hỏa tốc' };

/** Secret documents go to their own register and are not shown to everyone. */
export const secrecies = ['mat', 'toi_mat', 'tuyet_mat'] as const;
export type Secrecy = (typeof secrecies)[number];
export const secrecyLabels: Record<Secrecy, string> = { mat: 'Mật', toi_mat: 'Tối mật', tuyet_mat: 'Tuyệt mật' };

export const receivedVias = ['post', 'electronic', 'hand', 'email', 'fax'] as const;
export type ReceivedVia = (typeof receivedVias)[number];
export const receivedViaLabels: Record<ReceivedVia, string> = {
  post: 'Bưu điện',
  electronic: 'Trục liên thông điện tử',
  hand: 'Nhận trực tiếp',
  email: 'Thư điện tử',
  fax: 'Fax',
};

/** Signing authority written above the position: TM., KT., TL., TUQ., Q. */
export const signingAuthorities = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
export type SigningAuthority = (typeof signingAuthorities)[number];

export const incomingStatuses = ['unassigned', 'in_progress', 'overdue', 'done_on_time', 'done_late', 'done'] as const;
export type IncomingStatus = (typeof incomingStatuses)[number];
export const incomingStatusLabels: Record<IncomingStatus, string> = {
  unassigned: 'Chưa giao xử lý',
  in_progress: 'Đang xử lý',
  overdue: 'Quá hạn',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành quá hạn',
  done: 'Đã xong',
};

export const outgoingStatuses = ['draft', 'issued', 'sent', 'cancelled'] as const;
export type OutgoingStatus = (typeof outgoingStatuses)[number];
export const outgoingStatusLabels: Record<OutgoingStatus, string> = {
  draft: 'Dự thảo',
  issued: 'Đã cấp số',
  sent: 'Đã gửi',
  cancelled: 'Đã hủy số',
};
