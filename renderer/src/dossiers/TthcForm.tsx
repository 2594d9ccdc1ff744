/** Tiếp nhận hồ sơ thủ tục hành chính; the due date comes back computed in working days. A procedure can be added to the catalogue here. */
import { useState, type FormEvent } from 'react';
import { applicantKinds, tthcChannelLabels, tthcChannels, type Procedure, type TthcDossier } from '../../../shared/api/tthc';
import type { Unit } from '../../../shared/api/units';
import { toIsoDate } from '../../../shared/dates';
import { call } from '../api/client';
import { DateInput } from '../components/DateInput';
import { Field, FormMessage, useFormErrors } from '../components/form';

interface Props {
  procedures: Procedure[];
  units: Unit[];
  onSaved: (d: TthcDossier) => void;
  onClose: () => void;
  onProceduresChanged: () => void;
}

export function TthcForm({ procedures, units, onSaved, onClose, onProceduresChanged }: Props) {
  const [v, setV] = useState({ procedureId: procedures[0] ? String(procedures[0].id) : '', applicantName: '', applicantKind: 'person', applicantAddress: '', applicantPhone: '', channel: 'direct', handlingUnitId: '', note: '' });
  const [receivedAt, setReceivedAt] = useState<string | null>(toIsoDate(new Date()));
  const [p, setP] = useState({ name: '', field: '', processingDays: '' });
  const { errors, show } = useFormErrors();
  const proc = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('tthc.register', {
      procedureId: Number(v.procedureId) || 0,
      applicantName: v.applicantName,
      applicantKind: v.applicantKind as (typeof applicantKinds)[number],
      applicantAddress: v.applicantAddress,
      applicantPhone: v.applicantPhone,
      receivedAt: receivedAt ?? '',
      channel: v.channel as (typeof tthcChannels)[number],
      handlingUnitId: v.handlingUnitId ? Number(v.handlingUnitId) : null,
      note: v.note,
    });
    if (!r.ok) return show(r.error);
    onSaved(r.value);
  }
  async function addProcedure(e: FormEvent) {
    e.preventDefault();
    const r = await call('tthc.addProcedure', { name: p.name, field: p.field, processingDays: Number(p.processingDays) || 0 });
    if (!r.ok) return proc.show(r.error);
    proc.clear();
    setP({ name: '', field: '', processingDays: '' });
    setV({ ...v, procedureId: String(r.value.id) });
    onProceduresChanged();
  }
  const err = (k: string) => errors.byField[k];
  return (
    <aside className="panel wide" aria-label="Tiếp nhận hồ sơ">
      <div className="panel-head">
        <h2>Tiếp nhận hồ sơ</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      <form className="form" onSubmit={submit} noValidate aria-label="Tiếp nhận hồ sơ thủ tục hành chính">
        <FormMessage errors={errors} />
        <Field id="tt-proc" label="Thủ tục" required error={err('procedureId')}>
          <select id="tt-proc" value={v.procedureId} onChange={set('procedureId')}>
            {procedures.length === 0 ? <option value="">(thêm thủ tục vào danh mục ở dưới)</option> : null}
            {procedures.map((x) => <option key={x.id} value={x.id}>{x.name} ({x.processingDays} ngày làm việc)</option>)}
          </select>
        </Field>
        <Field id="tt-name" label="Tổ chức, cá nhân nộp hồ sơ" required error={err('applicantName')}><input id="tt-name" value={v.applicantName} onChange={set('applicantName')} /></Field>
        <Field id="tt-kind" label="Loại người nộp" error={err('applicantKind')}>
          <select id="tt-kind" value={v.applicantKind} onChange={set('applicantKind')}><option value="person">Cá nhân</option><option value="organisation">Tổ chức</option></select>
        </Field>
        <Field id="tt-address" label="Địa chỉ" error={err('applicantAddress')}><input id="tt-address" value={v.applicantAddress} onChange={set('applicantAddress')} /></Field>
        <Field id="tt-phone" label="Số điện thoại" error={err('applicantPhone')}><input id="tt-phone" value={v.applicantPhone} onChange={set('applicantPhone')} /></Field>
        <Field id="tt-received" label="Ngày tiếp nhận" required error={err('receivedAt')}><DateInput id="tt-received" label="Ngày tiếp nhận" value={receivedAt} onChange={setReceivedAt} /></Field>
        <Field id="tt-channel" label="Hình thức nộp" error={err('channel')}>
          <select id="tt-channel" value={v.channel} onChange={set('channel')}>{tthcChannels.map((c) => <option key={c} value={c}>{tthcChannelLabels[c]}</option>)}</select>
        </Field>
        <Field id="tt-unit" label="Đơn vị giải quyết" error={err('handlingUnitId')}>
          <select id="tt-unit" value={v.handlingUnitId} onChange={set('handlingUnitId')}>
            <option value="">(chọn đơn vị)</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <div className="actions"><button type="submit" className="primary">Tiếp nhận</button></div>
      </form>
      <form className="form sub" onSubmit={addProcedure} noValidate aria-label="Thêm thủ tục vào danh mục">
        <h3>Thêm thủ tục vào danh mục</h3>
        <FormMessage errors={proc.errors} />
        <Field id="pr-name" label="Tên thủ tục" required error={proc.errors.byField.name}><input id="pr-name" value={p.name} onChange={(e) => setP({ ...p, name: e.target.value })} /></Field>
        <Field id="pr-field" label="Lĩnh vực" required error={proc.errors.byField.field}><input id="pr-field" value={p.field} onChange={(e) => setP({ ...p, field: e.target.value })} /></Field>
        <Field id="pr-days" label="Thời hạn giải quyết (ngày làm việc)" required error={proc.errors.byField.processingDays}><input id="pr-days" inputMode="numeric" value={p.processingDays} onChange={(e) => setP({ ...p, processingDays: e.target.value })} /></Field>
        <div className="actions"><button type="submit">Thêm thủ tục</button></div>
      </form>
    </aside>
  );
}
