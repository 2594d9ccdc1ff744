import { z } from 'zod';
import { method } from './define';
import { oneOf, optionalText, text } from '../validation';

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
        path: optionalText('Tệp mẫu', 4000),
        contentBase64: z.string().max(30_000_000, 'Tệp mẫu quá lớn.').optional(),
        fileName: text('Tên tệp', 255).optional(),
      })
      .refine((v) => !!v.path !== !!v.contentBase64, { message: 'Cần đường dẫn tệp mẫu hoặc nội dung tệp (một trong hai).', path: ['path'] }),
    output: z.object({ export: z.string(), custom: z.boolean(), tags: z.array(z.string()) }),
  }),
  'templates.remove': method({ summary: 'Trở lại bố cục có sẵn', input: z.object({ export: oneOf('Văn bản', exportKinds) }), output: z.object({ export: z.string(), custom: z.boolean() }) }),
};
