/** Nơi nhận and the signature block printed on the monthly report. */
import { useEffect, useState, type FormEvent } from 'react';
import { call, fetchValue } from '../api/client';
import { Field, FormMessage, useFormErrors } from '../components/form';

export function ReportSignature() {
  const [v, setV] = useState({ recipients: '', authority: '', position: '', signerName: '' });
  const [saved, setSaved] = useState(false);
  const { errors, show, clear } = useFormErrors();
  useEffect(() => {
    fetchValue('reports.settings', {})
      .then((s) => setV({ recipients: s.recipients.join('\n'), authority: s.authority, position: s.position, signerName: s.signerName }))
      .catch(() => undefined);
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('reports.updateSettings', { recipients: v.recipients.split('\n').map((x) => x.trim()).filter(Boolean), authority: v.authority, position: v.position, signerName: v.signerName });
    if (!r.ok) return show(r.error);
    clear();
    setSaved(true);
  }
  return (
    <section>
      <h2>Nơi nhận và người ký báo cáo tháng</h2>
      <form className="form sub inline" onSubmit={submit} noValidate aria-label="Người ký báo cáo">
        <FormMessage errors={errors} />
        <Field id="rs-recipients" label="Nơi nhận (mỗi dòng một nơi)" error={errors.byField.recipients}><textarea id="rs-recipients" rows={4} value={v.recipients} onChange={(e) => setV({ ...v, recipients: e.target.value })} /></Field>
        <Field id="rs-authority" label="Thẩm quyền ký" error={errors.byField.authority}><input id="rs-authority" value={v.authority} onChange={(e) => setV({ ...v, authority: e.target.value })} /></Field>
        <Field id="rs-position" label="Chức vụ" error={errors.byField.position}><input id="rs-position" value={v.position} onChange={(e) => setV({ ...v, position: e.target.value })} /></Field>
        <Field id="rs-signer" label="Người ký" error={errors.byField.signerName}><input id="rs-signer" value={v.signerName} onChange={(e) => setV({ ...v, signerName: e.target.value })} /></Field>
        <button type="submit">Lưu</button>
        {saved ? <span role="status">Đã lưu.</span> : null}
      </form>
    </section>
  );
}
