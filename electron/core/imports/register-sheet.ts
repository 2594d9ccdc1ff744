/**
 * Reading a register kept in Excel. Real sheets have title rows above the
 * header, merged cells, and their own column titles, so the header row is
 * found by matching known titles (without diacritics), and the user can
 * override the mapping column by column.
 */
import ExcelJS from 'exceljs';
import { foldVietnamese } from '../../../shared/text';
import { cellText, parseSheetDate, parseSheetInt } from './sheet-values';

export type RegisterKind = 'incoming' | 'outgoing';

type FieldType = 'date' | 'int' | 'text';
export interface FieldDef {
  field: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Folded title fragments, most specific first. */
  titles: string[];
}

const incomingFields: FieldDef[] = [
  { field: 'arrivalDate', label: 'Ngày đến', type: 'date', required: true, titles: ['ngay den'] },
  { field: 'arrivalNumber', label: 'Số đến', type: 'int', required: true, titles: ['so den'] },
  { field: 'senderName', label: 'Tác giả', type: 'text', required: true, titles: ['tac gia', 'co quan ban hanh', 'noi ban hanh', 'co quan gui', 'noi gui', 'don vi gui'] },
  { field: 'notation', label: 'Số, ký hiệu', type: 'text', required: false, titles: ['so ky hieu', 'so va ky hieu', 'ky hieu'] },
  { field: 'documentDate', label: 'Ngày văn bản', type: 'date', required: false, titles: ['ngay thang van ban', 'ngay van ban', 'ngay vb', 'ngay ban hanh', 'ngay thang'] },
  { field: 'subject', label: 'Trích yếu', type: 'text', required: true, titles: ['trich yeu', 'noi dung'] },
  { field: 'recipientText', label: 'Đơn vị hoặc người nhận', type: 'text', required: false, titles: ['don vi hoac nguoi nhan', 'nguoi nhan', 'don vi nhan', 'don vi xu ly', 'nguoi xu ly'] },
  { field: 'transferDate', label: 'Ngày chuyển', type: 'date', required: false, titles: ['ngay chuyen'] },
  { field: 'note', label: 'Ghi chú', type: 'text', required: false, titles: ['ghi chu'] },
];

const outgoingFields: FieldDef[] = [
  { field: 'notation', label: 'Số, ký hiệu', type: 'text', required: true, titles: ['so ky hieu', 'so va ky hieu', 'ky hieu'] },
  { field: 'documentDate', label: 'Ngày văn bản', type: 'date', required: true, titles: ['ngay thang van ban', 'ngay van ban', 'ngay ban hanh', 'ngay thang'] },
  { field: 'subject', label: 'Trích yếu', type: 'text', required: true, titles: ['trich yeu', 'noi dung'] },
  { field: 'signerName', label: 'Người ký', type: 'text', required: false, titles: ['nguoi ky'] },
  { field: 'keptBy', label: 'Đơn vị, người nhận bản lưu', type: 'text', required: false, titles: ['ban luu'] },
  { field: 'recipientsText', label: 'Nơi nhận', type: 'text', required: false, titles: ['noi nhan'] },
  { field: 'copies', label: 'Số lượng bản', type: 'int', required: false, titles: ['so luong ban', 'so ban'] },
  { field: 'transferDate', label: 'Ngày chuyển', type: 'date', required: false, titles: ['ngay chuyen'] },
  { field: 'note', label: 'Ghi chú', type: 'text', required: false, titles: ['ghi chu'] },
];

export function fieldsOf(kind: RegisterKind): FieldDef[] {
  return kind === 'incoming' ? incomingFields : outgoingFields;
}

export interface SheetRow {
  row: number;
  ok: boolean;
  errors: string[];
  values: Record<string, string | number | null>;
}

export interface SheetReadResult {
  sheetName: string;
  headerRow: number;
  columns: { field: string; column: number; header: string }[];
  /** Every cell of the header row, for choosing columns by hand. */
  headers: { column: number; text: string }[];
  rows: SheetRow[];
}

const squash = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** Which field a header cell names, if any; each field is taken once. */
function matchHeader(text: string, defs: FieldDef[], taken: Set<string>): FieldDef | undefined {
  const t = squash(text);
  if (!t) return undefined;
  for (const d of defs) if (!taken.has(d.field) && d.titles.some((x) => t === x)) return d;
  for (const d of defs) if (!taken.has(d.field) && d.titles.some((x) => t.startsWith(x) || t.includes(x))) return d;
  return undefined;
}

function detectHeader(ws: ExcelJS.Worksheet, defs: FieldDef[]): { headerRow: number; columns: Map<string, { column: number; header: string }> } {
  let best = { headerRow: 0, columns: new Map<string, { column: number; header: string }>() };
  const last = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const taken = new Set<string>();
    const cols = new Map<string, { column: number; header: string }>();
    const seen = new Set<string>();
    row.eachCell((cell, col) => {
      const text = cellText(cell.value);
      // A merged title repeats in every cell it spans: count it once.
      if (seen.has(text)) return;
      seen.add(text);
      const d = matchHeader(text, defs, taken);
      if (d) {
        taken.add(d.field);
        cols.set(d.field, { column: col, header: text });
      }
    });
    if (cols.size > best.columns.size) best = { headerRow: r, columns: cols };
  }
  if (best.columns.size < 3) {
    throw new Error(`không tìm thấy dòng tiêu đề cột (cần ít nhất 3 cột như ${defs.slice(0, 4).map((d) => `"${d.label}"`).join(', ')}). Hãy chọn cột bằng tay.`);
  }
  return best;
}

function readValue(def: FieldDef, raw: unknown, errors: string[]): string | number | null {
  if (def.type === 'date') {
    const d = parseSheetDate(raw);
    if (d === 'invalid') errors.push(`${def.label}: "${cellText(raw)}" không phải ngày hợp lệ.`);
    return d === 'invalid' ? null : d;
  }
  if (def.type === 'int') {
    const n = parseSheetInt(raw);
    if (n === 'invalid') errors.push(`${def.label}: "${cellText(raw)}" không phải số nguyên.`);
    return n === 'invalid' ? null : n;
  }
  const t = cellText(raw);
  return t === '' ? null : t;
}

export function readRegisterSheet(data: Buffer, kind: RegisterKind, mapping?: Record<string, number>): Promise<SheetReadResult> {
  return readSheetWith(data, fieldsOf(kind), mapping);
}

/** Any sheet whose columns are described by defs: header found, rows read and checked cell by cell. */
export async function readSheetWith(data: Buffer, defs: FieldDef[], mapping?: Record<string, number>): Promise<SheetReadResult> {
  const wb = new ExcelJS.Workbook();
  // exceljs's types want an ArrayBuffer; JSZip reads either.
  await wb.xlsx.load(new Uint8Array(data).buffer);
  const ws = wb.worksheets.find((w) => w.rowCount > 0);
  if (!ws) throw new Error('tệp không có trang tính nào có dữ liệu.');
  const detected = detectHeader(ws, defs);
  const columns = new Map(detected.columns);
  for (const [field, column] of Object.entries(mapping ?? {})) {
    if (!defs.some((d) => d.field === field)) throw new Error(`không có trường "${field}" để ghép cột.`);
    columns.set(field, { column, header: cellText(ws.getRow(detected.headerRow).getCell(column).value) });
  }
  const missing = defs.filter((d) => d.required && !columns.has(d.field));
  if (missing.length) throw new Error(`thiếu cột bắt buộc: ${missing.map((d) => d.label).join(', ')}. Hãy chọn cột bằng tay.`);

  const rows: SheetRow[] = [];
  for (let r = detected.headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw = new Map([...columns].map(([field, c]) => [field, row.getCell(c.column).value]));
    if ([...raw.values()].every((v) => cellText(v) === '')) continue; // blank rows are not errors
    const errors: string[] = [];
    const values: Record<string, string | number | null> = {};
    for (const d of defs) {
      if (!columns.has(d.field)) {
        values[d.field] = null;
        continue;
      }
      const v = readValue(d, raw.get(d.field), errors);
      values[d.field] = v;
      if (v === null && d.required && cellText(raw.get(d.field)) === '') errors.push(`${d.label}: không được để trống.`);
    }
    rows.push({ row: r, ok: errors.length === 0, errors, values });
  }
  const headers: { column: number; text: string }[] = [];
  ws.getRow(detected.headerRow).eachCell((cell, column) => headers.push({ column, text: cellText(cell.value) }));
  return {
    sheetName: ws.name,
    headerRow: detected.headerRow,
    headers,
    columns: defs.filter((d) => columns.has(d.field)).map((d) => ({ field: d.field, column: columns.get(d.field)!.column, header: columns.get(d.field)!.header })),
    rows,
  };
}
