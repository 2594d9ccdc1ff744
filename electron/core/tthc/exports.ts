/** The apology slip of a late TTHC dossier (exports.apologySlip), from the template or the built-in layout. */
import { AppError, fieldError } from '../../../shared/api/errors';
import { formatDateVi } from '../../../shared/dates';
import type { HandlerMap } from '../context';
import { agencyHeader } from '../document-blocks/agency-header';
import { writeExport } from '../file-store';
import { renderTemplate } from '../templates/fill';
import { writeApologySlipDocx } from './apology-slip-docx';
import { loadTthc } from './handlers';

export const tthcExportsHandlers: HandlerMap<'exports.apologySlip'> = {
  async 'exports.apologySlip'(ctx, v) {
    const d = await loadTthc(ctx, v.id);
    const { newDueDate, delayReason: reason } = d;
    if (!newDueDate || !reason) throw fieldError('VALIDATION', 'id', `Hồ sơ ${d.code} chưa được hẹn lại ngày trả kết quả: ghi ngày hẹn mới và lý do trước khi in phiếu xin lỗi.`);
    if (d.status !== 'in_progress_late' && d.status !== 'solved_late') throw new AppError('CONFLICT', `Hồ sơ ${d.code} không quá hạn: không cần phiếu xin lỗi.`);
    const agency = await agencyHeader(ctx);
    const slip = {
      ngay: ctx.today().split('-').reverse().join('/'),
      co_quan: agency.name,
      co_quan_cap_tren: agency.parentName,
      viet_tat: agency.abbreviation,
      dia_danh: agency.place,
      ma_ho_so: d.code,
      nguoi_nop: d.applicantName,
      thu_tuc: d.procedure.name,
      ngay_nhan: formatDateVi(d.receivedAt),
      ngay_hen: formatDateVi(d.dueDate),
      ngay_hen_moi: formatDateVi(newDueDate),
      ly_do: reason,
      tham_quyen: v.authority ?? '',
      chuc_vu: v.position,
      nguoi_ky: v.signerName,
    };
    return writeExport(ctx.files, ctx.user, `Phieu-xin-loi_${d.code}.docx`, async (file) => {
      if (renderTemplate(ctx, 'apologySlip', slip, file)) return 1;
      await writeApologySlipDocx(
      {
        agency,
        date: ctx.today(),
        code: d.code,
        applicantName: d.applicantName,
        procedureName: d.procedure.name,
        receivedAt: d.receivedAt,
        dueDate: d.dueDate,
        newDueDate,
        reason,
        signature: { authority: v.authority ?? '', position: v.position, signerName: v.signerName },
      },
        file,
      );
      return 1;
    });
  },
};
