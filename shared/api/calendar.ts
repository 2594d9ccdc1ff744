import { z } from 'zod';
import { method } from './define';
import { int, isoDate, oneOf, optionalText } from '../validation';

export const calendarYearSchema = z.object({
  year: z.number(),
  /** Weekdays and weekend days off: holidays, compensation days and the government's extra days. */
  daysOff: z.array(z.object({ date: z.string(), name: z.string() })),
  adjustments: z.array(z.object({ date: z.string(), kind: z.enum(['off', 'work']), note: z.string().nullable() })),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

const year = int('Năm', 2000, 2100);

export const calendarContracts = {
  'calendar.year': method({
    summary: 'Lịch ngày nghỉ của một năm: ngày lễ, Tết (âm lịch), nghỉ bù, ngày nghỉ và ngày làm bù do Chính phủ quyết định',
    mode: 'read',
    input: z.object({ year }),
    output: calendarYearSchema,
  }),
  'calendar.setDay': method({
    summary: 'Đặt một ngày là ngày nghỉ, ngày làm bù, hoặc trả về theo quy định chung',
    input: z.object({ date: isoDate('Ngày'), kind: oneOf('Loại ngày', ['off', 'work', 'normal']), note: optionalText('Ghi chú', 300) }),
    output: calendarYearSchema,
  }),
};
