/**
 * Báo cáo tháng in the decree's layout, sections in the order of the
 * department's own report (seed 000). Every computed figure is written as a
 * sentence; the narrative is left as dotted lines to write in Word.
 */
import type { MonthlyFigures, ReportSettings } from '../../../shared/api/reports';
import { formatNumberVi } from '../../../shared/dates';
import { closingBlocks, headerBlocks, para, PORTRAIT_MM, titleBlock, writeDocx } from '../document-blocks/docx-blocks';
import type { AgencyHeader } from '../document-blocks/types';

const n = formatNumberVi;
const blank = () => para('…'.repeat(52), { indent: true });

export function tthcSentence(f: MonthlyFigures): string {
  const s = f.tthc.month;
  const post = s.received - s.online - f.tthc.monthDirect;
  const how = [`${n(f.tthc.monthDirect)} hồ sơ tiếp nhận trực tiếp`, `${n(s.online)} hồ sơ tiếp nhận mức độ 3,4`, ...(post > 0 ? [`${n(post)} hồ sơ qua bưu chính`] : [])];
  return (
    `Trong tháng, tiếp nhận mới ${n(s.received)} hồ sơ (trong đó: ${how.join(', ')}); tháng trước chuyển sang ${n(s.carriedOver)} hồ sơ; ` +
    `đã giải quyết ${n(s.solvedOnTime)} hồ sơ đúng và trước hạn, ${n(s.solvedLate)} hồ sơ quá hạn; ` +
    (s.withdrawn ? `${n(s.withdrawn)} hồ sơ rút; ` : '') +
    `đang giải quyết ${n(s.inProgressOnTime)} hồ sơ trong hạn và ${n(s.inProgressLate)} hồ sơ quá hạn.`
  );
}

export function registerSentence(f: MonthlyFigures): string {
  return (
    `Công tác văn thư: Trong tháng, số lượng văn bản đến là ${n(f.month.incoming)} văn bản, văn bản đi là ${n(f.month.outgoing)} văn bản. ` +
    `Lũy kế từ đầu năm đến nay số lượng văn bản đến là ${n(f.yearToDate.incoming)} văn bản, số lượng văn bản đi là ${n(f.yearToDate.outgoing)} văn bản.`
  );
}

export function taskSentence(f: MonthlyFigures): string {
  const s = f.tasks.byStatus;
  const total = Object.values(s).reduce((a, b) => a + b, 0);
  return `Trong tháng có ${n(total)} nhiệm vụ đến hạn hoặc thường xuyên: ${n(s.done_on_time)} hoàn thành đúng hạn, ${n(s.done_late)} hoàn thành quá hạn, ${n(s.overdue)} quá hạn chưa hoàn thành, ${n(s.not_due + s.due_soon)} đang thực hiện${s.paused + s.cancelled ? `, ${n(s.paused + s.cancelled)} tạm dừng hoặc hủy` : ''}.`;
}

function focusBlocks(f: MonthlyFigures) {
  if (!f.tasks.focus.length) return [para('(Chưa có nhiệm vụ trọng tâm nào được đánh dấu trong phần mềm.)', { italics: true, indent: true }), blank()];
  return f.tasks.focus.flatMap((t, i) => {
    const pct = t.percent ?? (t.targetQuantity && t.reached !== null ? Math.round((t.reached / t.targetQuantity) * 1000) / 10 : null);
    const result =
      t.targetQuantity !== null
        ? `Chỉ tiêu ${n(t.targetQuantity)} ${t.targetUnit ?? ''}; kết quả đến nay ${t.reached !== null ? `${n(t.reached)} ${t.targetUnit ?? ''}` : 'chưa báo cáo'}${pct !== null ? `, đạt ${n(pct)}%` : ''}.`
        : pct !== null
          ? `Tiến độ đến nay đạt ${n(pct)}%.`
          : '';
    return [para(`* Nhiệm vụ ${i + 1}: ${t.content}`, { bold: true, indent: true }), ...(result ? [para(result, { indent: true })] : []), blank()];
  });
}

export async function writeMonthlyReportDocx(f: MonthlyFigures, agency: AgencyHeader, settings: ReportSettings, date: string, path: string): Promise<void> {
  const { year, month } = f.period;
  const next = month === 12 ? `tháng 01 năm ${year + 1}` : `tháng ${month + 1}`;
  const subject = `Kết quả thực hiện nhiệm vụ tháng ${month} năm ${year} và kế hoạch công tác ${next}`;
  await writeDocx(path, `Báo cáo ${subject}`, [
    headerBlocks(agency, { number: null, suffix: `BC-${agency.abbreviation}` }, date, PORTRAIT_MM),
    ...titleBlock('BÁO CÁO', [subject]),
    para('I. Kết quả thực hiện nhiệm vụ trọng tâm', { bold: true }),
    ...focusBlocks(f),
    para(taskSentence(f), { indent: true, align: 'justify' }),
    para('II. Kết quả thực hiện các nhiệm vụ chung', { bold: true, before: 120 }),
    para('1. Công tác thanh tra, kiểm tra', { bold: true }),
    blank(),
    para('2. Công tác tổ chức cán bộ; cải cách hành chính; kế hoạch - tài chính', { bold: true }),
    blank(),
    para(tthcSentence(f), { indent: true, align: 'justify' }),
    para(registerSentence(f), { indent: true, align: 'justify' }),
    para(
      `Trong số văn bản đến trong tháng: ${n(f.month.incomingHandled.onTime)} văn bản đã giải quyết đúng hạn, ${n(f.month.incomingHandled.late)} văn bản quá hạn, ${n(f.month.incomingHandled.pending)} văn bản đang giải quyết trong hạn.`,
      { indent: true, align: 'justify' },
    ),
    para(
      `Công tác lưu trữ: trong tháng lập mới ${n(f.workFiles.openedInMonth)} hồ sơ, nộp lưu ${n(f.workFiles.handedOverInMonth)} hồ sơ; lũy kế từ đầu năm nộp lưu ${n(f.workFiles.handedOverYearToDate)} hồ sơ.`,
      { indent: true, align: 'justify' },
    ),
    para('III. Kết quả thực hiện các lĩnh vực chuyên ngành', { bold: true, before: 120 }),
    blank(),
    blank(),
    para(`IV. Kế hoạch công tác ${next}`, { bold: true, before: 120 }),
    blank(),
    blank(),
    // The report's closing sentence, kept on the page of the signature.
    para(`Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng ${month} năm ${year} và kế hoạch công tác ${next} của ${agency.name}, trân trọng báo cáo${agency.parentName ? ` ${agency.parentName}` : ''}./.`, { indent: true, before: 120, after: 240, keepNext: true }),
    closingBlocks(settings.recipients, { authority: settings.authority, position: settings.position, signerName: settings.signerName }, PORTRAIT_MM),
  ]);
}

/** The placeholders an office's own template can use (Cài đặt → Mẫu văn bản lists them). */
export function monthlyTemplateData(f: MonthlyFigures, agency: AgencyHeader, settings: ReportSettings, date: string): Record<string, unknown> {
  const { year, month } = f.period;
  return {
    co_quan: agency.name,
    co_quan_cap_tren: agency.parentName,
    viet_tat: agency.abbreviation,
    dia_danh: agency.place,
    ngay: date.split('-').reverse().join('/'),
    thang: month,
    nam: year,
    thang_sau: month === 12 ? 1 : month + 1,
    van_ban_den_thang: n(f.month.incoming),
    van_ban_di_thang: n(f.month.outgoing),
    van_ban_den_luy_ke: n(f.yearToDate.incoming),
    van_ban_di_luy_ke: n(f.yearToDate.outgoing),
    cau_van_thu: registerSentence(f),
    cau_tthc: tthcSentence(f),
    cau_nhiem_vu: taskSentence(f),
    tthc_tiep_nhan: n(f.tthc.month.received),
    tthc_chuyen_sang: n(f.tthc.month.carriedOver),
    tthc_dung_han: n(f.tthc.month.solvedOnTime),
    tthc_qua_han: n(f.tthc.month.solvedLate),
    tham_quyen: settings.authority,
    chuc_vu: settings.position,
    nguoi_ky: settings.signerName,
    nhiem_vu_trong_tam: f.tasks.focus.map((t) => ({
      noi_dung: t.content,
      chi_tieu: t.targetQuantity !== null ? `${n(t.targetQuantity)} ${t.targetUnit ?? ''}`.trim() : '',
      ket_qua: t.reached !== null ? `${n(t.reached)} ${t.targetUnit ?? ''}`.trim() : '',
    })),
  };
}
