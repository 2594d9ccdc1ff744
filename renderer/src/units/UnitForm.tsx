import { useState, type FormEvent } from 'react';
import type { Unit, UnitKind } from '../../../shared/api/units';
import { unitKindLabels } from '../../../shared/labels';
import { call } from '../api/client';
import { Field, FormMessage, useFormErrors } from '../components/form';

interface Props {
  unit: Unit | null;
  units: Unit[];
  defaultKind: UnitKind;
  onSaved: (u: Unit) => void;
  onCancel: () => void;
}

export function UnitForm({ unit, units, defaultKind, onSaved, onCancel }: Props) {
  const [v, setV] = useState({
    name: unit?.name ?? '',
    abbreviation: unit?.abbreviation ?? '',
    kind: unit?.kind ?? defaultKind,
    parentId: unit?.parentId ? String(unit.parentId) : '',
    email: unit?.email ?? '',
    order: String(unit?.order ?? 0),
  });
  const [busy, setBusy] = useState(false);
  const { errors, show } = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const parents = units.filter((u) => u.kind === v.kind && u.id !== unit?.id && !u.archived);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const fields = {
      name: v.name,
      abbreviation: v.abbreviation,
      kind: v.kind,
      parentId: v.parentId ? Number(v.parentId) : null,
      email: v.email,
      order: v.order.trim() === '' ? 0 : Number(v.order),
    };
    const r = unit ? await call('units.update', { id: unit.id, ...fields }) : await call('units.create', fields);
    setBusy(false);
    if (!r.ok) return show(r.error);
    onSaved(r.value);
  }

  return (
    <form className="form panel" onSubmit={submit} noValidate aria-label={unit ? 'Sửa đơn vị' : 'Thêm đơn vị'}>
      <h2>{unit ? `Sửa đơn vị: ${unit.name}` : 'Thêm đơn vị'}</h2>
      <FormMessage errors={errors} />
      <Field id="unit-name" label="Tên đơn vị" required error={errors.byField.name}>
        <input id="unit-name" value={v.name} onChange={set('name')} autoFocus />
      </Field>
      <Field id="unit-kind" label="Loại" required error={errors.byField.kind}>
        <select id="unit-kind" value={v.kind} onChange={(e) => setV({ ...v, kind: e.target.value as UnitKind, parentId: '' })}>
          <option value="internal">{unitKindLabels.internal}</option>
          <option value="external">{unitKindLabels.external}</option>
        </select>
      </Field>
      <Field
        id="unit-abbr"
        label="Tên viết tắt"
        required={v.kind === 'internal'}
        error={errors.byField.abbreviation}
        hint={v.kind === 'internal' ? 'Dùng trong ký hiệu công văn, ví dụ VP → 1467/STNMT-VP' : 'Không bắt buộc, ví dụ UBND'}
      >
        <input id="unit-abbr" value={v.abbreviation} onChange={set('abbreviation')} />
      </Field>
      <Field id="unit-parent" label="Đơn vị cấp trên" error={errors.byField.parentId}>
        <select id="unit-parent" value={v.parentId} onChange={set('parentId')}>
          <option value="">(không có)</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="unit-email" label="Thư điện tử" error={errors.byField.email} hint="Dùng khi gửi báo cáo, văn bản qua thư điện tử">
        <input id="unit-email" type="email" value={v.email} onChange={set('email')} />
      </Field>
      <Field id="unit-order" label="Thứ tự hiển thị" error={errors.byField.order}>
        <input id="unit-order" inputMode="numeric" value={v.order} onChange={set('order')} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          Lưu
        </button>
        <button type="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
