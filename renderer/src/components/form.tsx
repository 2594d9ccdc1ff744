/** Form fields that show the API's Vietnamese message for their path. */
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../../../shared/api/errors';

export interface FormErrors {
  message: string | null;
  byField: Record<string, string>;
}

export const noErrors: FormErrors = { message: null, byField: {} };

export function toFormErrors(error: ApiError): FormErrors {
  const byField: Record<string, string> = {};
  for (const f of error.fields) if (f.path && !byField[f.path]) byField[f.path] = f.message;
  return { message: error.message, byField };
}

export function useFormErrors() {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  return { errors, setErrors, show: (e: ApiError) => setErrors(toFormErrors(e)), clear: () => setErrors(noErrors) };
}

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  required?: boolean;
  hint?: string;
  children: ReactNode;
}

export function Field({ id, label, error, required, hint, children }: FieldProps) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint && !error ? <div className="field-hint">{hint}</div> : null}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** The general message; when the fields carry their own, it only points at them. */
export function FormMessage({ errors }: { errors: FormErrors }) {
  if (!errors.message) return null;
  const n = Object.keys(errors.byField).length;
  return (
    <div className="form-message" role="alert">
      {n > 0 ? `Chưa lưu được: hãy sửa ${n} ô được đánh dấu đỏ.` : errors.message}
    </div>
  );
}
