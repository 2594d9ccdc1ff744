/** The one shape every failure takes, whichever shell carried the call. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'DB_TOO_NEW',
  'DB_DAMAGED',
  /** The database is open for writing in another program (desktop or browser shell). */
  'DB_IN_USE',
  'CANCELLED',
  'IO',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldError {
  /** Dotted path of the input field, e.g. "name" or "recipients.0.unitId". */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields: FieldError[];
  /** Extra facts for the UI, e.g. the earlier document of a DUPLICATE. */
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function fieldsMessage(fields: FieldError[]): string {
  if (fields.length === 0) return 'Dữ liệu không hợp lệ.';
  return `Dữ liệu không hợp lệ: ${fields.map((f) => f.message).join(' ')}`;
}

/** Thrown by the core; the registry turns it into `{ok: false, error}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[];
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, fields: FieldError[] = [], details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
  toApiError(): ApiError {
    return this.details
      ? { code: this.code, message: this.message, fields: this.fields, details: this.details }
      : { code: this.code, message: this.message, fields: this.fields };
  }
}

export function fieldError(code: ErrorCode, path: string, message: string, details?: Record<string, unknown>): AppError {
  return new AppError(code, message, [{ path, message }], details);
}
