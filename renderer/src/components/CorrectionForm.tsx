/**
 * "Sửa": correcting a document already in the register. Changing what the
 * register records of its arrival or issue (number, date) asks for the reason,
 * which the audit log keeps with the change.
 */
import { useState, type FormEvent } from 'react';
import type { ApiResult } from '../../../shared/api/errors';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { dateProblem } from '../../../shared/validation';
import { Field, FormMessage, toFormErrors, useFormErrors } from './form';

export interface CorrectionField {
  key: string;
  label: string;
  kind?: 'text' | 'long' | 'date' | 'number';
  required?: boolean;
  /** A change to this field needs a reason. */
  recorded?: boolean;
}

type Value = string | number | null;

interface Props<T> {
  label: string;
  fields: CorrectionField[];
  /** The record as loaded: its string and number fields fill the form. */
  initial: object;
  /** Sends only the changed fields (dates as ISO, numbers as numbers) and the reason. */
  save: (changes: Record<string, Value>, reason: string | null) => Promise<ApiResult<T>>;
  onSaved: (value: T) => void;
  onCancel: () => void;
}

function shown(f: CorrectionField, record: object): string {
  const v: unknown = (record as Record<string, unknown>)[f.key];
  if (typeof v !== 'string' && typeof v !== 'number') return '';
  return f.kind === 'date' ? formatDateVi(String(v)) : String(v);
}

export function CorrectionForm<T>({ label, fields, initial, save, onSaved, onCancel }: Props<T>) {
  const today = toIsoDate(new Date());
  const [text, setText] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.key, shown(f, initial)])));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, setErrors } = useFormErrors();
  const changed = fields.filter((f) => text[f.key]!.trim() !== shown(f, initial));
  const recorded = changed.filter((f) => f.recorded);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const changes: Record<string, Value> = {};
    for (const f of changed) {
      const t = text[f.key]!.trim();
      if (f.kind === 'date' && t) {
        const problem = dateProblem(f.label, t, today);
        if (problem) local[f.key] = problem;
        changes[f.key] = parseDateVi(t, today) ?? t;
      } else if (f.kind === 'number' && t) {
        if (!/^\d+$/.test(t)) local[f.key] = `${f.label} phải là số nguyên.`;
        changes[f.key] = Number(t);
      } else changes[f.key] = t || null;
    }
    if (recorded.length && !reason.trim()) local.reason = `Sửa ${recorded.map((f) => f.label.toLowerCase()).join(' và ')} cần ghi lý do sửa.`;
    if (!changed.length) return onCancel();
    setBusy(true);
    const r = await save(changes, reason.trim() || null);
    setBusy(false);
    // What is refused here is refused by the core too; its answer adds the other fields' errors.
    if (r.ok) return onSaved(r.value);
    const server = toFormErrors(r.error);
    setErrors({ message: server.message, byField: { ...server.byField, ...local } });
  }

  return (
    <form className="form sub" onSubmit={(e) => void submit(e)} noValidate aria-label={label}>
      <h3>{label}</h3>
      <FormMessage errors={errors} />
      <div className="grid2">
        {fields.map((f) => (
          <div key={f.key} className={f.kind === 'long' ? 'span2' : undefined}>
            <Field id={`fix-${f.key}`} label={f.label} required={f.required} error={errors.byField[f.key]}>
              {f.kind === 'long' ? (
                <textarea id={`fix-${f.key}`} rows={3} value={text[f.key]} onChange={(e) => setText({ ...text, [f.key]: e.target.value })} />
              ) : (
                <input
                  id={`fix-${f.key}`}
                  value={text[f.key]}
                  inputMode={f.kind === 'number' ? 'numeric' : undefined}
                  placeholder={f.kind === 'date' ? 'ngày/tháng/năm' : undefined}
                  onChange={(e) => setText({ ...text, [f.key]: e.target.value })}
                />
              )}
            </Field>
          </div>
        ))}
      </div>
      {recorded.length ? (
        <Field id="fix-reason" label="Lý do sửa" required error={errors.byField.reason} hint={`Sửa ${recorded.map((f) => f.label.toLowerCase()).join(', ')} đã vào sổ: lý do được ghi vào nhật ký.`}>
          <textarea id="fix-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>Lưu thay đổi</button>
        <button type="button" onClick={onCancel}>Thôi</button>
      </div>
    </form>
  );
}
