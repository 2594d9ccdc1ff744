import { z } from 'zod';
import { method } from './define';
import { exportResultSchema } from './files';
import { exportFormats } from './exports';
import { id, int, isoDate, oneOf, optionalIsoDate, optionalText, text } from '../validation';

const exportResult = exportResultSchema;

export const taskExportsContracts = {
  'exports.taskReport': method({
    summary: 'Báo cáo tình hình thực hiện nhiệm vụ: số lượng theo đơn vị và tình trạng, danh sách quá hạn (Excel hoặc Word)',
    mode: 'job',
    input: z
      .object({ from: isoDate('Từ ngày'), to: isoDate('Đến ngày'), format: oneOf('Định dạng', exportFormats) })
      .refine((v) => v.from <= v.to, { message: 'Đến ngày phải sau hoặc bằng Từ ngày.', path: ['to'] }),
    output: exportResult,
  }),
  'exports.meetingConclusion': method({
    summary: 'Thông báo kết luận cuộc họp (Word): nhiệm vụ chung và nhiệm vụ theo đơn vị của một nguồn giao',
    mode: 'job',
    input: z.object({
      sourceText: text('Nguồn giao (cuộc họp)', 500),
      title: text('Trích yếu thông báo', 1000),
      number: int('Số thông báo', 1, 1_000_000).nullish().transform((v) => v ?? null),
      date: optionalIsoDate('Ngày thông báo'),
      intro: z.array(text('Đoạn mở đầu', 5000)).max(20).default([]),
      closing: optionalText('Câu kết', 2000),
      recipients: z.array(text('Nơi nhận', 300)).max(50).default([]),
      authority: optionalText('Thẩm quyền ký (TL., KT.)', 100),
      position: text('Chức vụ người ký', 200),
      signerName: text('Người ký', 200),
    }),
    output: exportResult,
  }),
  'exports.taskReminders': method({
    summary: 'Danh sách nhiệm vụ cần đôn đốc của một đơn vị (Word): quá hạn và sắp đến hạn',
    mode: 'job',
    input: z.object({
      unitId: id('Đơn vị'),
      authority: optionalText('Thẩm quyền ký (TL., KT.)', 100),
      position: text('Chức vụ người ký', 200),
      signerName: text('Người ký', 200),
    }),
    output: exportResult,
  }),
};
