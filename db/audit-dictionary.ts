/**
 * The preset dictionary the audit rows are compressed with (db/audit-codec.ts):
 * text the rows have in common whatever the office, so that a row of a few
 * hundred bytes compresses as well as a long text would. It is the records'
 * field names in the order the app writes them, their coded values, and the
 * words of Vietnamese administrative writing; no office's own data.
 *
 * NEVER change this text: every row written with it needs it, byte for byte,
 * to be read back. A better dictionary is a new one with a new format byte.
 */
export const AUDIT_DICTIONARY_1 = [
  // Words and names of administrative writing.
  'Ủy ban nhân dân UBND tỉnh UBND huyện UBND xã UBND thành phố Sở Tài nguyên và Môi trường Sở Tài chính Sở Xây dựng Sở Nội vụ Sở Kế hoạch và Đầu tư ',
  'Bộ Tài nguyên và Môi trường Cục Thuế tỉnh Chi cục Văn phòng Sở Văn phòng UBND Thanh tra Sở Phòng Quản lý đất đai Phòng Tài nguyên Trung tâm Ban Quản lý ',
  'Công văn Nghị quyết Quyết định Chỉ thị Thông báo Hướng dẫn Kế hoạch Báo cáo Tờ trình Giấy mời Biên bản Chương trình ',
  'V/v Về việc báo cáo kết quả thực hiện triển khai đề nghị phê duyệt đăng ký cấp giấy chứng nhận quản lý nhà nước đầu tư xây dựng ngân sách tài chính giáo dục y tế giao thông nông nghiệp đất đai môi trường ',
  'tổ chức kiểm tra rà soát góp ý dự thảo tăng cường công tác hướng dẫn phối hợp bảo đảm giải quyết thủ tục hành chính cải cách chuyển đổi số năm 2026 quý tháng ',
  'Giám đốc Phó Giám đốc Chánh Văn phòng Trưởng phòng Chủ tịch Phó Chủ tịch Nguyễn Văn Trần Thị Lê Phạm Hoàng Huỳnh Vũ Đặng Bùi Đỗ Ngô ',
  'Lưu: VT, Đã hoàn thành. Đang thực hiện. hàng quý, trước ngày hàng tháng hàng năm ',
  // Coded values.
  '"urgency":"khan","urgency":"thuong_khan","urgency":"hoa_toc","secrecy":"mat","secrecy":"toi_mat","secrecy":"tuyet_mat",',
  '"receivedVia":"post","receivedVia":"email","receivedVia":"hand","receivedVia":"fax","channel":"online3","channel":"online4","channel":"post","applicantKind":"organisation",',
  '"status":"unassigned","status":"done_on_time","status":"done_late","status":"done","status":"sent","status":"cancelled","status":"solved_on_time","status":"solved_late","status":"withdrawn","state":"paused","state":"cancelled","kind":"external",',
  // Records as the app writes them: a task, a procedure dossier, an outgoing document, an incoming one.
  '{"content":"","sourceText":"","source":"","assignedBy":"","leadUnit":{"id":1,"name":"Phòng "},"coordinatingUnits":[],"person":"","startDate":"2026-01-01","timeText":"","recurrence":"","focus":false,"field":"","targetQuantity":1,"targetUnit":"","inSuperiorProgramme":false,"state":"active",',
  '"occurrences":[{"id":1,"periodKey":"2026-Q1","periodLabel":"Quý I/2026","due":"2026-03-20","completedAt":null,"result":null,"status":"overdue"},{"id":2,"periodKey":"2026-01","periodLabel":"Tháng 1/2026","due":"2026-01-20","completedAt":"2026-01-20","result":"","status":"not_due"}],',
  '"progress":[{"id":1,"occurrenceId":1,"date":"2026-01-01","result":"","quantity":null,"percent":50}]}',
  '{"code":"STNMT-260101-0001","procedure":{"id":1,"name":""},"applicantName":"","applicantKind":"person","applicantAddress":"","applicantPhone":"","receivedAt":"2026-01-01","channel":"direct","handlingUnit":{"id":1,"name":"Phòng "},"dueDate":"2026-01-01","resultDate":"2026-01-01","withdrawnAt":null,"newDueDate":null,"delayReason":"","note":"","status":"in_progress_late"}',
  '{"id":1,"registerId":2,"registerName":"Sổ văn bản đi","year":2026,"number":1,"numberText":"01","notation":"01/BC-STNMT","status":"draft","issueDate":"2026-01-01","documentType":"BC","documentTypeName":"Báo cáo","subject":"Báo cáo ","signerName":"","signerPosition":"Giám đốc","signingAuthority":"KT. GIÁM ĐỐC",',
  '"draftingUnit":{"id":1,"name":"Phòng "},"drafterInitials":"","recipients":[{"name":"UBND huyện "},{"unitId":1,"name":"Sở "}],"copies":1,"archiveLine":"Lưu: VT, ","replyTo":[],"cancelReason":null,"correctionReason":null,',
  '{"status":"draft","year":null,"number":null,"numberText":null,"notation":null,"issueDate":null}{"status":"issued","year":2026,"number":1,"numberText":"01","notation":"01/CV-STNMT","issueDate":"2026-01-01"}',
  '{"id":1,"registerId":1,"registerName":"Sổ văn bản đến","year":2026,"arrivalNumber":1,"arrivalNumberText":"01","arrivalDate":"2026-01-01","senderUnitId":1,"senderName":"UBND tỉnh ","notation":"1/UBND-VP","documentNumber":1,"documentType":"CV","documentTypeName":"Công văn","documentDate":"2026-01-01","subject":"V/v ",',
  '"signerName":"","urgency":null,"secrecy":null,"pages":1,"receivedVia":"electronic","recipientText":"","transferDate":"2026-01-01","note":"","instruction":"","leadUnit":{"id":1,"name":"Phòng "},"coordinatingUnits":[{"id":1,"name":"Phòng "}],"deadline":"2026-01-01","completedAt":"2026-01-01","replyOutgoingId":1,"replyNotation":"","status":"in_progress","overdue":false}',
].join('');
