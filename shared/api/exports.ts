import { z } from 'zod';
import { method } from './define';
import { isoDate, oneOf, optionalId } from '../validation';
import { exportResultSchema } from './files';

export const exportFormats = ['xlsx', 'docx'] as const;

export const registerExportInput = z
  .object({
    from: isoDate('Từ ngày'),
    to: isoDate('Đến ngày'),
    format: oneOf('Định dạng', exportFormats),
    registerId: optionalId('Sổ đăng ký'),
  })
  .refine((v) => v.from <= v.to, { message: 'Đến ngày phải sau hoặc bằng Từ ngày.', path: ['to'] });

const exportResult = exportResultSchema;

export const exportsContracts = {
  'exports.incomingRegister': method({
    summary: 'In sổ đăng ký văn bản đến của một kỳ ra Excel hoặc Word (10 cột theo Nghị định 30/2020)',
    mode: 'job',
    input: registerExportInput,
    output: exportResult,
  }),
  'exports.outgoingRegister': method({
    summary: 'In sổ đăng ký văn bản đi của một kỳ ra Excel hoặc Word (10 cột theo Nghị định 30/2020)',
    mode: 'job',
    input: registerExportInput,
    output: exportResult,
  }),
};
