/**
 * imports.tthcXlsx: dossiers exported from the one-stop system (Excel). The
 * system's own due dates are kept; procedures not yet in the catalogue are
 * added, with the processing time read from their first dossier. Rows are
 * checked first (dry run); a real run writes all in the action's transaction.
 */
import { fieldError } from '../../../shared/api/errors';
import type { TthcDossier } from '../../../shared/api/tthc';
import { foldVietnamese } from '../../../shared/text';
import { workingDaysBetween } from '../../../shared/workdays';
import { loadCalendar } from '../calendar/handlers';
import type { CallContext, HandlerMap } from '../context';
import { readSheetWith, type FieldDef } from '../imports/register-sheet';
import { backupBeforeImport, readChecked, readSource } from '../imports/source';
import { registerTthc } from './handlers';

const defs: FieldDef[] = [
  { field: 'code', label: 'Mã hồ sơ', type: 'text', required: true, titles: ['ma ho so', 'so ho so', 'ma so ho so', 'so bien nhan'] },
  { field: 'procedure', label: 'Thủ tục', type: 'text', required: true, titles: ['ten thu tuc', 'thu tuc hanh chinh', 'thu tuc'] },
  { field: 'field', label: 'Lĩnh vực', type: 'text', required: false, titles: ['linh vuc'] },
  { field: 'applicantName', label: 'Tổ chức, cá nhân', type: 'text', required: true, titles: ['chu ho so', 'nguoi nop', 'to chuc ca nhan', 'ten to chuc', 'ho ten', 'nguoi dung ten'] },
  { field: 'applicantAddress', label: 'Địa chỉ', type: 'text', required: false, titles: ['dia chi'] },
  { field: 'applicantPhone', label: 'Điện thoại', type: 'text', required: false, titles: ['so dien thoai', 'dien thoai'] },
  { field: 'receivedAt', label: 'Ngày tiếp nhận', type: 'date', required: true, titles: ['ngay tiep nhan', 'ngay nhan', 'ngay nop'] },
  { field: 'dueDate', label: 'Ngày hẹn trả', type: 'date', required: false, titles: ['ngay hen tra', 'hen tra', 'han giai quyet', 'han tra', 'ngay hen'] },
  { field: 'resultDate', label: 'Ngày trả kết quả', type: 'date', required: false, titles: ['ngay tra ket qua', 'ngay co ket qua', 'ngay hoan thanh', 'ngay tra'] },
  { field: 'channel', label: 'Hình thức nộp', type: 'text', required: false, titles: ['hinh thuc nop', 'kenh nop', 'hinh thuc', 'muc do'] },
  { field: 'status', label: 'Trạng thái', type: 'text', required: false, titles: ['trang thai', 'tinh trang'] },
  { field: 'unit', label: 'Đơn vị giải quyết', type: 'text', required: false, titles: ['don vi giai quyet', 'don vi xu ly', 'phong ban xu ly', 'co quan xu ly'] },
];

type Channel = TthcDossier['channel'];
/** "Trực tuyến toàn trình" is level 4, "một phần" level 3; post and in person by their words. */
export function readChannel(text: string | null): Channel | null {
  const t = foldVietnamese(text ?? '');
  if (!t || t.includes('truc tiep')) return 'direct';
  if (t.includes('buu')) return 'post';
  if (t.includes('4') || t.includes('toan trinh')) return 'online4';
  if (t.includes('3') || t.includes('mot phan') || t.includes('truc tuyen') || t.includes('online') || t.includes('dich vu cong')) return 'online3';
  return null;
}

const organisationWords = ['cong ty', 'hop tac xa', 'doanh nghiep', 'tong cong ty', 'tap doan', 'chi nhanh', 'ubnd', 'uy ban', 'truong', 'ban quan ly', 'co so', 'trung tam'];
const isOrganisation = (name: string) => organisationWords.some((w) => foldVietnamese(name).startsWith(w));

interface Planned {
  row: number;
  ok: boolean;
  errors: string[];
  label: string;
  v: Record<string, string | number | null>;
  channel: Channel;
}

export const tthcImportHandlers: HandlerMap<'imports.tthcXlsx'> = {
  'imports.tthcXlsx': async (ctx, input) => {
    const data = readSource(ctx, input);
    const sheet = await readChecked(() => readSheetWith(data, defs, input.mapping));
    const { procedures, units, codes: taken } = await ctx.stores.tthc.importLookups();
    const firstRow = new Map<string, number>();
    const rows: Planned[] = sheet.rows.map((r) => {
      const v = r.values;
      const errors = [...r.errors];
      const code = String(v.code ?? '');
      const channel = readChannel(v.channel === null ? null : String(v.channel));
      if (!channel) errors.push(`Hình thức nộp: không hiểu "${String(v.channel)}" (trực tiếp, trực tuyến mức độ 3/4, bưu chính).`);
      if (code && taken.has(code)) errors.push(`Mã hồ sơ ${code} đã có trong phần mềm.`);
      else if (code && firstRow.has(code)) errors.push(`Mã hồ sơ ${code} trùng với dòng ${firstRow.get(code)}.`);
      else if (code) firstRow.set(code, r.row);
      const received = typeof v.receivedAt === 'string' ? v.receivedAt : null;
      for (const [k, label] of [['dueDate', 'Ngày hẹn trả'], ['resultDate', 'Ngày trả kết quả']] as const) {
        if (received && typeof v[k] === 'string' && (v[k] as string) < received) errors.push(`${label} (${String(v[k])}) trước ngày tiếp nhận (${received}).`);
      }
      if (received && received > ctx.today()) errors.push(`Ngày tiếp nhận (${received}) sau hôm nay.`);
      return { row: r.row, ok: errors.length === 0, errors, label: code, v, channel: channel ?? 'direct' };
    });
    const newProcedures = [...new Set(rows.filter((r) => r.ok).map((r) => String(r.v.procedure)).filter((p) => !procedures.has(foldVietnamese(p))))];
    const valid = rows.filter((r) => r.ok).length;
    const invalid = rows.length - valid;
    let imported = 0;
    if (!input.dryRun && (invalid === 0 || input.validOnly)) {
      await backupBeforeImport(ctx);
      const cal = await loadCalendar(ctx, 2000, Number(ctx.today().slice(0, 4)));
      for (const r of rows.filter((x) => x.ok)) {
        try {
          await importRow(ctx, r, procedures, units, cal);
          imported++;
        } catch (e) {
          throw fieldError('VALIDATION', 'path', `Dòng ${r.row}: ${e instanceof Error ? e.message : String(e)} Chưa nhập dòng nào.`);
        }
      }
    }
    return {
      dryRun: input.dryRun,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      columns: sheet.columns,
      headers: sheet.headers,
      valid,
      invalid,
      imported,
      rows: rows.map(({ row, ok, errors, label }) => ({ row, ok, errors, label })),
      newProcedures,
    };
  },
};

async function importRow(ctx: CallContext, r: Planned, procedures: Map<string, number>, units: Map<string, number>, cal: Awaited<ReturnType<typeof loadCalendar>>) {
  const v = r.v;
  const received = String(v.receivedAt);
  const due = typeof v.dueDate === 'string' ? v.dueDate : null;
  const name = String(v.procedure);
  let procedureId = procedures.get(foldVietnamese(name));
  if (procedureId === undefined) {
    const days = due ? Math.max(1, workingDaysBetween(received, due, cal)) : 15;
    procedureId = await ctx.stores.tthc.insertProcedure({ code: null, name, field: typeof v.field === 'string' ? v.field : 'Khác', processingDays: days, fee: null }, ctx.now());
    procedures.set(foldVietnamese(name), procedureId);
  }
  const applicant = String(v.applicantName);
  const d = await registerTthc(ctx, {
    code: String(v.code),
    procedureId,
    applicantName: applicant,
    applicantKind: isOrganisation(applicant) ? 'organisation' : 'person',
    applicantAddress: typeof v.applicantAddress === 'string' ? v.applicantAddress : null,
    applicantPhone: typeof v.applicantPhone === 'string' ? v.applicantPhone : null,
    receivedAt: received,
    channel: r.channel,
    handlingUnitId: typeof v.unit === 'string' ? (units.get(foldVietnamese(v.unit)) ?? null) : null,
    note: null,
  });
  const withdrawn = foldVietnamese(String(v.status ?? '')).includes('rut');
  const end = typeof v.resultDate === 'string' ? v.resultDate : null;
  await ctx.stores.tthc.keepImported(d.id, {
    ...(due ? { dueDate: due } : {}),
    ...(withdrawn ? { withdrawnAt: end ?? received } : end ? { resultDate: end } : {}),
  });
}
