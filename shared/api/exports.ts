import { z } from 'zod';
import { method } from './define';
import { id, isoDate, oneOf, optionalId } from '../validation';
import { exportResultSchema } from './files';

export const exportFormats = ['xlsx', 'docx'] as const;

const period = { from: isoDate('Từ ngày'), to: isoDate('Đến ngày'), format: oneOf('Định dạng', exportFormats) };
const fromBeforeTo = (v: { from: string; to: string }) => v.from <= v.to;
const toAfterFrom = { message: 'Đến ngày phải sau hoặc bằng Từ ngày.', path: ['to'] };

export const registerExportInput = z.object({ ...period, registerId: optionalId('Sổ đăng ký') }).refine(fromBeforeTo, toAfterFrom);
const periodExportInput = z.object(period).refine(fromBeforeTo, toAfterFrom);

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
  'exports.handlingSlip': method({
    summary: 'In phiếu giải quyết văn bản đến của một văn bản (Word, theo Nghị định 30/2020)',
    mode: 'job',
    input: z.object({ id: id('Văn bản đến') }),
    output: exportResult,
  }),
  'exports.incomingFollowUp': method({
    summary: 'In sổ theo dõi giải quyết văn bản đến của một kỳ ra Excel hoặc Word (7 cột theo Nghị định 30/2020)',
    mode: 'job',
    input: periodExportInput,
    output: exportResult,
  }),
};
