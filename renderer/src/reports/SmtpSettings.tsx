/** Tài khoản gửi thư: the SMTP account of the outbox; the password is kept encrypted by the OS in the desktop app. */
import { useEffect, useState, type FormEvent } from 'react';
import { call, fetchValue } from '../api/client';
import { Field, FormMessage, useFormErrors } from '../components/form';

export function SmtpSettings() {
  const [v, setV] = useState({ host: '', port: '587', secure: false, user: '', from: '', password: '' });
  const [note, setNote] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();
  useEffect(() => {
    fetchValue('send.settings', {})
      .then((s) => {
        setV({ host: s.host, port: String(s.port), secure: s.secure, user: s.user, from: s.from, password: '' });
        setNote(s.passwordProtection === 'os' ? 'Mật khẩu được hệ điều hành mã hóa.' : 'Bản trình duyệt không mã hóa được mật khẩu: nên dùng bản máy tính để lưu mật khẩu.');
      })
      .catch(() => undefined);
  }, []);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('send.updateSettings', { host: v.host, port: Number(v.port) || 0, secure: v.secure, user: v.user, from: v.from, ...(v.password ? { password: v.password } : {}) });
    if (!r.ok) return show(r.error);
    clear();
    setV({ ...v, password: '' });
    setNote('Đã lưu tài khoản gửi thư.');
  }
  const set = (k: 'host' | 'port' | 'user' | 'from' | 'password') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  return (
    <section id="tai-khoan-gui-thu">
      <h2>Tài khoản gửi thư (SMTP)</h2>
      <form className="form sub inline" onSubmit={submit} noValidate aria-label="Tài khoản gửi thư">
      <FormMessage errors={errors} />
      <Field id="smtp-host" label="Máy chủ" error={errors.byField.host}><input id="smtp-host" value={v.host} onChange={set('host')} placeholder="mail.langson.gov.vn" /></Field>
      <Field id="smtp-port" label="Cổng" error={errors.byField.port}><input id="smtp-port" value={v.port} onChange={set('port')} /></Field>
      <label className="check"><input type="checkbox" checked={v.secure} onChange={(e) => setV({ ...v, secure: e.target.checked })} /> TLS (cổng 465)</label>
      <Field id="smtp-user" label="Tên đăng nhập" error={errors.byField.user}><input id="smtp-user" value={v.user} onChange={set('user')} /></Field>
      <Field id="smtp-pass" label="Mật khẩu" error={errors.byField.password}><input id="smtp-pass" type="password" value={v.password} onChange={set('password')} placeholder="(giữ nguyên)" /></Field>
      <Field id="smtp-from" label="Địa chỉ gửi" error={errors.byField.from}><input id="smtp-from" value={v.from} onChange={set('from')} /></Field>
      <button type="submit">Lưu</button>
      </form>
      {note ? <p className="muted">{note}</p> : null}
    </section>
  );
}
