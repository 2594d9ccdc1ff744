import { z } from 'zod';
import { method } from './define';
import { fileId } from './files';
import { recurrenceKinds } from '../tasks/recurrence';
import { id, optionalIsoDate, optionalText, text, unitIds } from '../validation';

const proposed = z.object({
  /** The first lead unit as written; null for a task addressed to all units. */
  unitName: z.string().nullable(),
  content: z.string(),
  /** YYYY-MM-DD, or null (always null for a recurring task). */
  deadline: z.string().nullable(),
  coordinatingUnitNames: z.array(z.string()),
  /** The words that set the time ("Quý II/2024", "trước ngày 18 hằng tháng"), kept on the saved task. */
  timeText: z.string().nullable(),
  /** Cited documents' numbers and notations: "56/KH-UBND". */
  references: z.array(z.string()),
  leadUnitNames: z.array(z.string()),
  /** The agency's unit the name matched (diacritics and case ignored), or null. */
  unitId: z.number().nullable(),
  coordinatingUnitIds: z.array(z.number()),
  /** Names that matched no unit: offered for creation on the review screen. */
  unknownUnitNames: z.array(z.string()),
  /** The period the task repeats on, and how it reads back ("Hàng năm trước 31/12"); null for a one-off task. */
  recurrence: z.object({ kind: z.enum(recurrenceKinds), label: z.string() }).nullable(),
});
export type ProposedTaskView = z.infer<typeof proposed>;

/** The document's header, the tasks' source; null where the text does not say. */
const source = z.object({
  issuer: z.string().nullable(),
  documentType: z.string().nullable(),
  notation: z.string().nullable(),
  documentDate: z.string().nullable(),
  subject: z.string().nullable(),
});
export type DocumentSourceView = z.infer<typeof source>;

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
    output: z.object({
      tasks: z.array(proposed),
      source,
      /** Every document the text cites, its own number left out. */
      references: z.array(z.string()),
      documentYear: z.number().nullable(),
    }),
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
