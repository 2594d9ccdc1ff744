import { z } from 'zod';
import { method } from './define';
import { int, text } from '../validation';

export const searchHitSchema = z.object({
  kind: z.enum(['incoming', 'outgoing']),
  id: z.number(),
  notation: z.string().nullable(),
  subject: z.string(),
  sender: z.string().nullable(),
  date: z.string().nullable(),
  number: z.number().nullable(),
  /** Where the query matched: 4 the notation, 2 the subject, 1 the sender, summed. */
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/**
 * Matches counted at most, per kind: counting every match of a common word
 * over ten years costs more than finding the best ones; beyond it the total
 * is shown as "hơn 1.000".
 */
export const SEARCH_COUNT_CAP = 1000;

export const searchContracts = {
  'search.global': method({
    summary: 'Tìm văn bản đến và đi theo số ký hiệu (cả phần), trích yếu, cơ quan; gõ không dấu được',
    mode: 'read',
    input: z.object({ q: text('Từ khóa tìm kiếm', 300), limit: int('Số kết quả', 1, 200).default(30) }),
    output: z.object({
      /** Best first; the newest first among equally good matches. */
      hits: z.array(searchHitSchema),
      /** Every match the user may see, beyond `limit`, each kind counted up to SEARCH_COUNT_CAP. */
      total: z.number(),
      totals: z.object({ incoming: z.number(), outgoing: z.number() }),
      /** False where counting stopped at the cap: more than `totals[kind]` match. */
      exact: z.object({ incoming: z.boolean(), outgoing: z.boolean() }),
    }),
  }),
};
