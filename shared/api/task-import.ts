import { z } from 'zod';
import { method } from './define';
import { fileId } from './files';
import { id, optionalIsoDate, optionalText, text, unitIds } from '../validation';

const proposed = z.object({
  unitName: z.string().nullable(),
  content: z.string(),
  deadline: z.string().nullable(),
  coordinatingUnitNames: z.array(z.string()),
  timeText: z.string().nullable(),
  references: z.array(z.string()),
  leadUnitNames: z.array(z.string()),
  /** The agency's unit the name matched (diacritics and case ignored), or null. */
  unitId: z.number().nullable(),
  coordinatingUnitIds: z.array(z.number()),
  /** Names that matched no unit: offered for creation on the review screen. */
  unknownUnitNames: z.array(z.string()),
  /** "Hàng năm trước 31/12" when the time text sets a recurring deadline. */
  recurrence: z.string().nullable(),
});
export type ProposedTaskView = z.infer<typeof proposed>;

const reviewed = z.object({
  content: text('Nội dung nhiệm vụ', 5000),
  leadUnitId: z.number().int().positive().nullish().transform((v) => v ?? null),
  /** A unit to create and make the lead (a name the text used that the agency lacks). */
  newLeadUnitName: optionalText('Tên đơn vị mới', 200),
  coordinatingUnitIds: unitIds('Đơn vị phối hợp').default([]),
  deadline: optionalIsoDate('Hạn hoàn thành'),
  timeText: optionalText('Thời hạn (định kỳ)', 300),
  focus: z.boolean().default(false),
});

export const taskImportContracts = {
  'tasks.readDocument': method({
    summary: 'Lấy chữ từ tệp .txt hoặc .docx để đọc nhiệm vụ',
    mode: 'read',
    input: z.object({
      fileId: fileId('Tệp văn bản'),
    }),
    output: z.object({ text: z.string() }),
  }),
  'tasks.importFromText': method({
    summary: 'Đọc nhiệm vụ từ văn bản (thông báo kết luận, kế hoạch, công văn): đề xuất danh sách để xem lại',
    mode: 'read',
    input: z.object({ text: text('Nội dung văn bản', 2_000_000) }),
    output: z.object({ tasks: z.array(proposed), documentYear: z.number().nullable() }),
  }),
  'tasks.importCommit': method({
    summary: 'Lưu danh sách nhiệm vụ đã xem lại (tạo đơn vị mới nếu chọn), trong một giao dịch',
    input: z.object({
      sourceText: optionalText('Nguồn giao', 500),
      sourceIncomingId: z.number().int().positive().nullish().transform((v) => v ?? null),
      assignedBy: optionalText('Người giao', 200),
      tasks: z.array(reviewed, { error: 'Danh sách nhiệm vụ phải là danh sách.' }).min(1, 'Danh sách nhiệm vụ: chưa có nhiệm vụ nào được chọn.').max(2000),
    }),
    output: z.object({ created: z.array(id('Mã nhiệm vụ')), createdUnits: z.array(z.object({ id: z.number(), name: z.string() })) }),
  }),
};
