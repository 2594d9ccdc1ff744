import { z } from 'zod';
import { method } from './define';
import { id, int, isoDate, oneOf, optionalId, optionalText, text } from '../validation';

export const dossierStates = ['open', 'closed', 'handed_over'] as const;
export type DossierState = (typeof dossierStates)[number];
export const dossierStateLabels: Record<DossierState, string> = { open: 'Đang lập', closed: 'Đã kết thúc', handed_over: 'Đã nộp lưu' };

/** Retention: "permanent" (Vĩnh viễn) or a number of years. */
export const retention = z.union([z.literal('permanent'), int('Thời hạn bảo quản (năm)', 1, 100)], {
  error: 'Thời hạn bảo quản phải là "Vĩnh viễn" hoặc số năm từ 1 đến 100.',
});
export type Retention = z.infer<typeof retention>;
export const retentionLabel = (r: Retention) => (r === 'permanent' ? 'Vĩnh viễn' : `${r} năm`);

const year = int('Năm', 2000, 2100);

export const headingSchema = z.object({ id: z.number(), year: z.number(), parentId: z.number().nullable(), position: z.number(), label: z.string(), title: z.string() });
export type Heading = z.infer<typeof headingSchema>;

export const dossierDocumentSchema = z.object({
  id: z.number(),
  kind: z.enum(['incoming', 'outgoing', 'other']),
  incomingId: z.number().nullable(),
  outgoingId: z.number().nullable(),
  notation: z.string().nullable(),
  date: z.string(),
  title: z.string(),
  author: z.string().nullable(),
  sheets: z.number(),
});

export const dossierSchema = z.object({
  id: z.number(),
  year: z.number(),
  headingId: z.number().nullable(),
  code: z.string(),
  title: z.string(),
  retention: z.union([z.literal('permanent'), z.number()]),
  keeperUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  keeperPerson: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(dossierStates),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  documentCount: z.number(),
  sheets: z.number(),
  workEndedAt: z.string().nullable(),
  /** One year after the work ended (Decree 30/2020, art. 31). */
  handoverDue: z.string().nullable(),
  /** 'soon' from 30 days before handoverDue; 'overdue' after it. */
  handoverWarning: z.enum(['soon', 'overdue']).nullable(),
  handover: z.object({ id: z.number(), date: z.string(), receiver: z.string() }).nullable(),
  documents: z.array(dossierDocumentSchema),
});
export type Dossier = z.infer<typeof dossierSchema>;

const editable = {
  headingId: optionalId('Đề mục'),
  code: text('Số và ký hiệu hồ sơ', 30),
  title: text('Tiêu đề hồ sơ', 1000),
  retention,
  keeperUnitId: optionalId('Đơn vị lập hồ sơ'),
  keeperPerson: optionalText('Người lập hồ sơ', 200),
  note: optionalText('Ghi chú', 1000),
};

const documentInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('incoming'), incomingId: id('Văn bản đến'), sheets: int('Số tờ', 1, 10000).default(1) }),
    z.object({ kind: z.literal('outgoing'), outgoingId: id('Văn bản đi'), sheets: int('Số tờ', 1, 10000).default(1) }),
    z.object({
      kind: z.literal('other'),
      notation: optionalText('Số, ký hiệu', 100),
      date: isoDate('Ngày văn bản'),
      title: text('Trích yếu', 1000),
      author: optionalText('Tác giả', 300),
      sheets: int('Số tờ', 1, 10000).default(1),
    }),
  ],
  { error: 'Loại tài liệu phải là incoming, outgoing hoặc other.' },
);

export const dossiersContracts = {
  'dossiers.plan': method({
    summary: 'Danh mục hồ sơ của một năm: đề mục (số La Mã), đề mục nhỏ (số Ả Rập) và hồ sơ',
    mode: 'read',
    input: z.object({ year }),
    output: z.object({ year: z.number(), headings: z.array(headingSchema), files: z.array(dossierSchema) }),
  }),
  'dossiers.addHeading': method({
    summary: 'Thêm đề mục vào danh mục hồ sơ',
    input: z.object({ year, parentId: optionalId('Đề mục cha'), title: text('Tên đề mục', 500) }),
    output: headingSchema,
  }),
  'dossiers.copyYear': method({
    summary: 'Lập danh mục hồ sơ năm mới từ danh mục năm trước (đề mục và hồ sơ, chưa có văn bản)',
    input: z.object({ fromYear: year, toYear: year }).refine((v) => v.fromYear !== v.toYear, { message: 'Năm nhận phải khác năm nguồn.', path: ['toYear'] }),
    output: z.object({ headings: z.number(), files: z.number() }),
  }),
  'dossiers.create': method({ summary: 'Thêm hồ sơ vào danh mục', input: z.object({ year, ...editable }), output: dossierSchema }),
  'dossiers.update': method({ summary: 'Sửa hồ sơ', input: z.object(editable).partial().extend({ id: id('Mã hồ sơ') }), output: dossierSchema }),
  'dossiers.get': method({ summary: 'Một hồ sơ với các văn bản trong hồ sơ', mode: 'read', input: z.object({ id: id('Mã hồ sơ') }), output: dossierSchema }),
  'dossiers.list': method({
    summary: 'Danh sách hồ sơ: lọc theo năm, đơn vị, trạng thái, cảnh báo nộp lưu, từ khóa',
    mode: 'read',
    input: z.object({
      year: year.nullish(),
      unitId: optionalId('Đơn vị lập hồ sơ'),
      state: oneOf('Trạng thái', dossierStates).nullish(),
      warning: z.boolean({ error: 'Cảnh báo nộp lưu phải là đúng hoặc sai.' }).default(false),
      q: optionalText('Từ khóa', 200),
    }),
    output: z.object({ items: z.array(dossierSchema) }),
  }),
  'dossiers.addDocuments': method({
    summary: 'Đưa văn bản (đến, đi, tài liệu khác) vào hồ sơ',
    input: z.object({ id: id('Mã hồ sơ'), documents: z.array(documentInput).min(1, 'Chọn ít nhất một văn bản.').max(500, 'Tối đa 500 văn bản một lần.') }),
    output: dossierSchema,
  }),
  'dossiers.removeDocument': method({
    summary: 'Bỏ một văn bản khỏi hồ sơ đang lập',
    input: z.object({ id: id('Mã hồ sơ'), documentId: id('Văn bản trong hồ sơ') }),
    output: dossierSchema,
  }),
  'dossiers.close': method({
    summary: 'Kết thúc hồ sơ (công việc đã giải quyết xong)',
    input: z.object({ id: id('Mã hồ sơ'), workEndedAt: isoDate('Ngày kết thúc công việc'), extraSheets: int('Số tờ thêm (bìa, mục lục)', 0, 10000).default(0) }),
    output: dossierSchema,
  }),
  'dossiers.handOver': method({
    summary: 'Nộp lưu hồ sơ vào lưu trữ cơ quan; lập biên bản giao nhận',
    input: z.object({
      ids: z.array(id('Hồ sơ')).min(1, 'Chọn ít nhất một hồ sơ.').max(2000),
      date: isoDate('Ngày giao nộp'),
      giverUnitId: optionalId('Đơn vị giao nộp'),
      giverPerson: text('Người giao', 200),
      receiver: text('Người nhận (lưu trữ cơ quan)', 200),
      note: optionalText('Ghi chú', 1000),
    }),
    output: z.object({ handoverId: z.number(), count: z.number() }),
  }),
  'dossiers.handovers': method({
    summary: 'Các lần nộp lưu hồ sơ',
    mode: 'read',
    input: z.object({ year: year.nullish() }),
    output: z.object({ items: z.array(z.object({ id: z.number(), date: z.string(), giverUnit: z.string().nullable(), giverPerson: z.string(), receiver: z.string(), count: z.number() })) }),
  }),
};
