import { useState, type FormEvent } from 'react';
import type { Agency } from '../../../shared/api/agency';
import { call } from '../api/client';
import { Field, FormMessage, useFormErrors } from '../components/form';

interface Props {
  agency: Agency;
  onSaved: (a: Agency) => void;
  submitLabel: string;
}

export function AgencyForm({ agency, onSaved, submitLabel }: Props) {
  const [v, setV] = useState({
    name: agency.name,
    parentName: agency.parentName,
    abbreviation: agency.abbreviation,
    place: agency.place,
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const { errors, show, clear } = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const r = await call('agency.update', v);
    setBusy(false);
    if (!r.ok) return show(r.error);
    clear();
    setSaved(true);
    onSaved(r.value);
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormMessage errors={errors} />
      <Field id="agency-parent" label="Cơ quan chủ quản" error={errors.byField.parentName} hint="Ví dụ: UBND TỈNH LẠNG SƠN">
        <input id="agency-parent" value={v.parentName} onChange={set('parentName')} />
      </Field>
      <Field id="agency-name" label="Tên cơ quan" required error={errors.byField.name} hint="Ví dụ: Sở Tài nguyên và Môi trường">
        <input id="agency-name" value={v.name} onChange={set('name')} autoFocus />
      </Field>
      <Field id="agency-abbr" label="Tên viết tắt" required error={errors.byField.abbreviation} hint="Dùng trong ký hiệu văn bản, ví dụ STNMT → 56/KH-STNMT">
        <input id="agency-abbr" value={v.abbreviation} onChange={set('abbreviation')} />
      </Field>
      <Field id="agency-place" label="Địa danh ghi ở dòng ngày tháng" required error={errors.byField.place} hint="Ví dụ: Lạng Sơn">
        <input id="agency-place" value={v.place} onChange={set('place')} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {saved ? <span className="saved" role="status">Đã lưu.</span> : null}
      </div>
    </form>
  );
}
