/**
 * imports.registerXlsx: a clerk's Excel register into the app. The sheet is
 * read and every row checked first (the dry run's report); a real run writes
 * all rows in the action's one transaction, so a failure leaves nothing
 * behind. A backup is taken before a real run.
 */
import { fieldError } from '../../../shared/api/errors';
import { incomingRegisterInput } from '../../../shared/api/incoming';
import { outgoingCreateDraftInput } from '../../../shared/api/outgoing';
import { formatDocNumber, parseNotation } from '../../../shared/documents/notation';
import type { CallContext, HandlerMap } from '../context';
import { registerIncoming } from '../incoming';
import { resolveRegister } from '../documents';
import { arrivalNumberTaken } from '../../../db/incoming';
import { zodIssuesToFields } from '../registry';
import { readRegisterSheet, type SheetReadResult } from './register-sheet';
import { backupBeforeImport, readChecked, sourceFile } from './source';

const labels: Record<string, string> = {
  arrivalDate: 'Ngày đến',
  arrivalNumber: 'Số đến',
  senderName: 'Tác giả',
  notation: 'Số, ký hiệu',
  documentDate: 'Ngày văn bản',
  subject: 'Trích yếu',
  recipientText: 'Đơn vị hoặc người nhận',
  transferDate: 'Ngày chuyển',
  note: 'Ghi chú',
};



export const importsHandlers: HandlerMap<'imports.registerXlsx'> = {
  'imports.registerXlsx': async (ctx, input) => {
    const src = sourceFile(ctx, input);
    let sheet: SheetReadResult;
    try {
      sheet = await readChecked(() => readRegisterSheet(src.file, input.kind, input.mapping));
    } finally {
      src.cleanup();
    }
    const rows = sheet.rows.map((r) => {
      const v = r.values as Record<string, unknown>;
      const errors = [...r.errors];
      let payload: unknown = null;
      if (r.ok && input.kind === 'incoming') {
        const parsed = incomingRegisterInput.safeParse({ ...v, confirmDuplicate: true });
        if (parsed.success) payload = parsed.data;
        else errors.push(...zodIssuesToFields(parsed.error.issues).map((f) => f.message));
      } else if (r.ok) {
        const p = typeof v.notation === 'string' ? parseNotation(v.notation) : null;
        const parsed = outgoingCreateDraftInput.safeParse({ documentType: p?.typeCode ?? 'CV', subject: v.subject, signerName: v.signerName, copies: v.copies, note: v.note });
        if (parsed.success) payload = parsed.data;
        else errors.push(...zodIssuesToFields(parsed.error.issues).map((f) => f.message));
      }
      const label = typeof v.arrivalNumber === 'number' ? `Số đến ${formatDocNumber(v.arrivalNumber)}` : typeof v.notation === 'string' ? v.notation : '';
      return { row: r.row, ok: errors.length === 0, errors, label, payload };
    });
    if (input.kind === 'incoming') await checkNumbers(ctx, rows);
    const valid = rows.filter((r) => r.ok).length;
    const invalid = rows.length - valid;
    let imported = 0;
    if (!input.dryRun && (invalid === 0 || input.validOnly)) {
      await backupBeforeImport(ctx);
      for (const r of rows) {
        if (!r.ok || input.kind !== 'incoming') continue;
        try {
          await registerIncoming(ctx, r.payload as Parameters<typeof registerIncoming>[1]);
          imported++;
        } catch (e) {
          // One bad row stops an all-or-nothing import: the transaction rolls back.
          const msg = e instanceof Error ? e.message : String(e);
          throw fieldError('VALIDATION', 'path', `Dòng ${r.row}: ${msg} Chưa nhập dòng nào.`);
        }
      }
    }
    return {
      dryRun: input.dryRun,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      columns: sheet.columns.map((c) => ({ field: c.field, column: c.column, header: c.header || labels[c.field] || c.field })),
      headers: sheet.headers,
      valid,
      invalid,
      imported,
      rows: rows.map(({ row, ok, errors, label }) => ({ row, ok, errors, label })),
    };
  },
};

/** Arrival numbers must be unique per year: within the sheet and against the register. */
async function checkNumbers(ctx: CallContext, rows: { row: number; ok: boolean; errors: string[]; payload: unknown }[]): Promise<void> {
  const register = await resolveRegister(ctx, 'incoming', null, false);
  const seen = new Map<string, number>();
  for (const r of rows) {
    const p = r.payload as { arrivalNumber?: number; arrivalDate?: string } | null;
    if (!r.ok || !p?.arrivalNumber || !p.arrivalDate) continue;
    const year = Number(p.arrivalDate.slice(0, 4));
    const key = `${year}/${p.arrivalNumber}`;
    const first = seen.get(key);
    if (first !== undefined) r.errors.push(`Số đến ${formatDocNumber(p.arrivalNumber)} năm ${year} trùng với dòng ${first}.`);
    else if (await arrivalNumberTaken(ctx.db, register.id, year, p.arrivalNumber))
      r.errors.push(`Số đến ${formatDocNumber(p.arrivalNumber)} năm ${year} đã có trong ${register.name}.`);
    else seen.set(key, r.row);
    r.ok = r.errors.length === 0;
  }
}
