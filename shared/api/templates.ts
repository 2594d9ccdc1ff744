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
    placeholders: ['co_quan', 'co_quan_cap_tren', 'viet_tat', 'dia_danh', 'so', 'ngay', 'tieu_de', '#mo_dau: gia_tri', '#nhiem_vu_chung: noi_dung, han', '#theo_don_vi: don_vi, #nhiem_vu', 'cau_ket', '#noi_nhan: gia_tri', 'tham_quyen', 'chuc_vu', 'nguoi_ky'],
  },
  taskReminders: {
    label: 'Danh sách nhiệm vụ cần đôn đốc',
    placeholders: ['co_quan', 'don_vi', 'ngay', '#dong: noi_dung, nguon, han, tinh_trang, tien_do_gan_nhat', 'tham_quyen', 'chuc_vu', 'nguoi_ky'],
  },
  taskReport: {
    label: 'Báo cáo tình hình thực hiện nhiệm vụ',
    placeholders: ['co_quan', 'tu_ngay', 'den_ngay', 'tinh_den_ngay', '#theo_don_vi: don_vi, tong, chua_den_han, sap_den_han, qua_han, hoan_thanh_dung_han, hoan_thanh_qua_han, tam_dung, da_huy', '#nhiem_vu_qua_han: don_vi, noi_dung, nguon, han, so_ngay_qua_han, tien_do_gan_nhat'],
  },
  incomingRegister: {
    label: 'Sổ đăng ký văn bản đến',
    placeholders: ['co_quan', 'co_quan_cap_tren', 'ten_so', 'tu_ngay', 'den_ngay', '#quyen: nam, tu_ngay, den_ngay, tu_so, den_so', '#dong: ngay_den, so_den, tac_gia, so_ky_hieu, ngay_van_ban, ten_loai, trich_yeu, nguoi_nhan, ngay_chuyen, ghi_chu'],
  },
  outgoingRegister: {
    label: 'Sổ đăng ký văn bản đi',
    placeholders: ['co_quan', 'co_quan_cap_tren', 'ten_so', 'tu_ngay', 'den_ngay', '#quyen: nam, tu_ngay, den_ngay, tu_so, den_so', '#dong: so, so_ky_hieu, ngay_ban_hanh, ten_loai, trich_yeu, nguoi_ky, noi_nhan, noi_luu, so_luong_ban, ngay_chuyen, ghi_chu, tinh_trang'],
  },
  dossierPlan: { label: 'Danh mục hồ sơ', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: de_muc, cot1 … cot5', 'ket'] },
  dossierIndex: { label: 'Mục lục văn bản trong hồ sơ', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: cot1 … cot7', 'ket'] },
  handoverIndex: { label: 'Mục lục hồ sơ nộp lưu', placeholders: ['co_quan', 'tieu_de', 'phu_de', '#dong: cot1 … cot7', 'ket'] },
  handoverRecord: {
    label: 'Biên bản giao nhận hồ sơ',
    placeholders: ['co_quan', 'co_quan_cap_tren', 'ngay', 'don_vi_giao', 'nguoi_giao', 'chuc_vu_nguoi_giao', 'ben_nhan', 'chuc_vu_ben_nhan', 'so_ho_so', 'so_to', 'tu_ngay', 'den_ngay', 'cac_nam', 'ghi_chu', '#dong: cot1 … cot7'],
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
