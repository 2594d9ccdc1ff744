import { z } from 'zod';
import { method } from './define';
import { exportResultSchema } from './files';
import { exportFormats } from './exports';
import { id, int, oneOf, optionalText, text } from '../validation';

const exportResult = exportResultSchema;
const format = oneOf('Định dạng', exportFormats);

export const dossierExportsContracts = {
  'exports.dossierPlan': method({
    summary: 'Danh mục hồ sơ của năm (Word hoặc Excel)',
    mode: 'job',
    input: z.object({ year: int('Năm', 2000, 2100), format, decision: optionalText('Quyết định ban hành danh mục', 300) }),
    output: exportResult,
  }),
  'exports.dossierIndex': method({
    summary: 'Mục lục văn bản trong một hồ sơ (Word hoặc Excel)',
    mode: 'job',
    input: z.object({ id: id('Mã hồ sơ'), format }),
    output: exportResult,
  }),
  'exports.handoverIndex': method({
    summary: 'Mục lục hồ sơ, tài liệu nộp lưu của một lần giao nộp (Word hoặc Excel)',
    mode: 'job',
    input: z.object({ handoverId: id('Lần giao nộp'), format }),
    output: exportResult,
  }),
  'exports.handoverRecord': method({
    summary: 'Biên bản giao nhận hồ sơ, tài liệu kèm mục lục (Word)',
    mode: 'job',
    input: z.object({ handoverId: id('Lần giao nộp') }),
    output: exportResult,
  }),
  'exports.apologySlip': method({
    summary: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả cho hồ sơ thủ tục hành chính quá hạn (Word)',
    mode: 'job',
    input: z.object({
      id: id('Mã hồ sơ'),
      authority: optionalText('Thẩm quyền ký (KT., TL.)', 100),
      position: text('Chức vụ người ký', 200),
      signerName: text('Người ký', 200),
    }),
    output: exportResult,
  }),
};
