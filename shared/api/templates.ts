import { z } from 'zod';
import { method } from './define';
import { fileId } from './files';
import { oneOf } from '../validation';

/** Word exports an office may lay out with its own template, and the placeholders each offers. */
export const templateExports = {
  monthlyReport: {
    label: 'Báo cáo tháng',
    placeholders: [
      'co_quan', 'co_quan_cap_tren', 'viet_tat', 'dia_danh', 'ngay', 'thang', 'nam', 'thang_sau',
      'van_ban_den_thang', 'van_ban_di_thang', 'van_ban_den_luy_ke', 'van_ban_di_luy_ke', 'cau_van_thu', 'cau_tthc', 'cau_nhiem_vu',
      'tthc_tiep_nhan', 'tthc_chuyen_sang', 'tthc_dung_han', 'tthc_qua_han', 'tham_quyen', 'chuc_vu', 'nguoi_ky',
      '#nhiem_vu_trong_tam: noi_dung, chi_tieu, ket_qua',
    ],
  },
  apologySlip: {
    label: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
    placeholders: ['co_quan', 'co_quan_cap_tren', 'viet_tat', 'dia_danh', 'ngay', 'ma_ho_so', 'nguoi_nop', 'thu_tuc', 'ngay_nhan', 'ngay_hen', 'ngay_hen_moi', 'ly_do', 'tham_quyen', 'chuc_vu', 'nguoi_ky'],
  },
  meetingConclusion: {
    label: 'Thông báo kết luận cuộc họp',
    placeholders: ['agency_name', 'agency_parent_name', 'agency_abbreviation', 'agency_place', 'number', 'date', 'title', '#intro: gia_tri', '#general_tasks: content, deadline', '#unit_groups: unit_name, #tasks', 'closing', '#recipients: gia_tri', 'signature_authority', 'signature_position', 'signature_signer_name'],
  },
  taskReminders: {
    label: 'Danh sách nhiệm vụ cần đôn đốc',
    placeholders: ['agency_name', 'unit_name', 'date', '#lines: content, source, deadline, status_text, last_progress', 'signature_position', 'signature_signer_name'],
  },
  taskReport: {
    label: 'Báo cáo tình hình thực hiện nhiệm vụ',
    placeholders: ['agency_name', 'from', 'to', 'as_of', '#by_unit: unit_name, total, counts_overdue, counts_done_on_time…', '#overdue: unit_name, content, source, deadline, days_overdue, last_progress'],
  },
  incomingRegister: { label: 'Sổ đăng ký văn bản đến', placeholders: ['agency_name', 'parent_name', 'register_name', 'from', 'to', '#dong: arrival_date, arrival_number, sender_name, notation, document_date, subject, recipient_text, transfer_date, note'] },
  outgoingRegister: { label: 'Sổ đăng ký văn bản đi', placeholders: ['agency_name', 'parent_name', 'register_name', 'from', 'to', '#dong: notation, document_date, subject, signer_name, recipients_text, kept_by, copies, transfer_date, note'] },
  dossierPlan: { label: 'Danh mục hồ sơ', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: de_muc, cot1 … cot5', 'ket'] },
  dossierIndex: { label: 'Mục lục văn bản trong hồ sơ', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: cot1 … cot7', 'ket'] },
  handoverIndex: { label: 'Mục lục hồ sơ nộp lưu', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: cot1 … cot7', 'ket'] },
  handoverRecord: {
    label: 'Biên bản giao nhận hồ sơ',
    placeholders: ['agency_name', 'date', 'giver_unit', 'giver_person', 'receiver', 'file_count', 'sheets', 'from', 'to', 'years', 'note', '#dong: cot1 … cot7'],
  },
} as const;
export type TemplateExport = keyof typeof templateExports;
const exportKinds = Object.keys(templateExports) as [TemplateExport, ...TemplateExport[]];

export const templatesContracts = {
  'templates.list': method({
    summary: 'Mẫu Word riêng của cơ quan cho các văn bản xuất ra, và các ô thay thế có thể dùng',
    mode: 'read',
    input: z.object({}),
    output: z.object({ items: z.array(z.object({ export: z.string(), label: z.string(), custom: z.boolean(), placeholders: z.array(z.string()) })) }),
  }),
  'templates.set': method({
    summary: 'Dùng mẫu Word riêng (.docx có các ô {ten_o}) thay bố cục có sẵn; mẫu hỏng bị từ chối',
    input: z
      .object({
        export: oneOf('Văn bản', exportKinds),
        fileId: fileId('Tệp mẫu'),
      }),
    output: z.object({ export: z.string(), custom: z.boolean(), tags: z.array(z.string()) }),
  }),
  'templates.remove': method({ summary: 'Trở lại bố cục có sẵn', input: z.object({ export: oneOf('Văn bản', exportKinds) }), output: z.object({ export: z.string(), custom: z.boolean() }) }),
};
