import type { z } from 'zod';

export interface MethodContract<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Vietnamese one-line description, shown by GET /api. */
  summary: string;
  input: I;
  output: O;
  /**
   * read: no transaction, no change event. write (default): the whole handler
   * runs in one transaction, so bad input or a failure writes nothing. job: a
   * long run (export, import) that must not hold the one connection throughout;
   * it opens its own short transactions.
   */
  mode?: 'read' | 'write' | 'job';
}

export function method<I extends z.ZodType, O extends z.ZodType>(c: MethodContract<I, O>): MethodContract<I, O> {
  return c;
}

export type ContractMap = Record<string, MethodContract>;
