import { z } from 'zod';
import { method } from './define';
import { text } from '../validation';

export const jobsContracts = {
  'jobs.cancel': method({
    summary: 'Hủy một việc dài đang chạy (xuất sổ): tệp dở dang bị xóa',
    mode: 'job',
    input: z.object({ method: text('Việc cần hủy', 100) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
