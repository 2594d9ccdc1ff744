/** A new outgoing document (a draft, without number until it is issued). */
import { useState, type FormEvent } from 'react';
import type { Outgoing } from '../../../shared/api/outgoing';
import type { Unit } from '../../../shared/api/units';
import { secrecies, secrecyLabels, signingAuthorities, urgencies, urgencyLabels } from '../../../shared/documents/fields';
import { documentTypes } from '../../../shared/documents/types';
import { call } from '../api/client';
import { useEscape } from '../components/keys';
import { Field, FormMessage, useFormErrors } from '../components/form';

export function OutgoingForm({ units, onSaved, onClose }: { units: Unit[]; onSaved: (d: Outgoing) => void; onClose: () => void }) {
  useEscape(onClose);
  const [v, setV] = useState({
    documentType: 'CV',
    subject: '',
    draftingUnitId: '',
    drafterInitials: '',
    signerName: '',
    signerPosition: '',
    signingAuthority: '',
    recipients: '',
    copies: '',
    urgency: '',
    secrecy: '',
  });
  const { errors, show } = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const recipients = v.recipients
      .split('\n')
      .map((s) => s.replace(/^[-–•]\s*/, '').trim())
      .filter(Boolean)
      .map((name) => ({ name, unitId: units.find((u) => u.name === name)?.id ?? null }));
    const r = await call('outgoing.createDraft', {
      documentType: v.documentType,
      subject: v.subject,
      draftingUnitId: v.draftingUnitId ? Number(v.draftingUnitId) : null,
      drafterInitials: v.drafterInitials,
      signerName: v.signerName,
      signerPosition: v.signerPosition,
      signingAuthority: (v.signingAuthority || null) as Outgoing['signingAuthority'],
      recipients,
      copies: v.copies.trim() ? Number(v.copies) : null,
      urgency: (v.urgency || null) as Outgoing['urgency'],
      secrecy: (v.secrecy || null) as Outgoing['secrecy'],
    });
    if (!r.ok) return show(r.error);
    onSaved(r.value);
  }

  const err = errors.byField;
  return (
    <form className="form panel wide" onSubmit={submit} noValidate aria-label="Văn bản đi mới">
      <div className="panel-head">
        <h2>Văn bản đi mới (dự thảo)</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      <FormMessage errors={errors} />
      <div className="grid2">
        <Field id="og-type" label="Loại văn bản" required error={err.documentType}>
          <select id="og-type" value={v.documentType} onChange={set('documentType')} autoFocus>
            {documentTypes.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
          </select>
        </Field>
        <Field id="og-unit" label="Đơn vị soạn thảo" required={v.documentType === 'CV'} error={err.draftingUnitId}>
          <select id="og-unit" value={v.draftingUnitId} onChange={set('draftingUnitId')}>
            <option value="">(chưa chọn)</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
      </div>
      <Field id="og-subject" label="Trích yếu" required error={err.subject}>
        <textarea id="og-subject" rows={2} value={v.subject} onChange={set('subject')} />
      </Field>
      <div className="grid2">
        <Field id="og-drafter" label="Người soạn thảo (viết tắt)" error={err.drafterInitials} hint="Ví dụ PAD → Lưu: VT, NKS(PAD).">
          <input id="og-drafter" value={v.drafterInitials} onChange={set('drafterInitials')} />
        </Field>
        <Field id="og-authority" label="Thẩm quyền ký" error={err.signingAuthority}>
          <select id="og-authority" value={v.signingAuthority} onChange={set('signingAuthority')}>
            <option value="">(ký trực tiếp)</option>
            {signingAuthorities.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </Field>
        <Field id="og-signer" label="Người ký" error={err.signerName}>
          <input id="og-signer" value={v.signerName} onChange={set('signerName')} />
        </Field>
        <Field id="og-position" label="Chức vụ" error={err.signerPosition}>
          <input id="og-position" value={v.signerPosition} onChange={set('signerPosition')} />
        </Field>
        <Field id="og-copies" label="Số lượng bản" error={err.copies}>
          <input id="og-copies" inputMode="numeric" value={v.copies} onChange={set('copies')} />
        </Field>
        <Field id="og-urgency" label="Độ khẩn" error={err.urgency}>
          <select id="og-urgency" value={v.urgency} onChange={set('urgency')}>
            <option value="">Thường</option>
            {urgencies.map((u) => <option key={u} value={u}>{urgencyLabels[u]}</option>)}
          </select>
        </Field>
        <Field id="og-secrecy" label="Độ mật" error={err.secrecy}>
          <select id="og-secrecy" value={v.secrecy} onChange={set('secrecy')}>
            <option value="">Thường</option>
            {secrecies.map((s) => <option key={s} value={s}>{secrecyLabels[s]}</option>)}
          </select>
        </Field>
      </div>
      <Field id="og-recipients" label="Nơi nhận (mỗi nơi một dòng)" error={err.recipients}>
        <textarea id="og-recipients" rows={3} value={v.recipients} onChange={set('recipients')} placeholder={'UBND tỉnh Lạng Sơn\nSở Tài chính'} />
      </Field>
      <div className="actions">
        <button type="submit" className="primary">Lưu dự thảo</button>
        <button type="button" onClick={onClose}>Đóng</button>
      </div>
    </form>
  );
}
