/**
 * Hộp thư cơ quan: the IMAP account whose new mail becomes documents waiting
 * to be registered. The password is never shown back, only whether one is
 * kept and how it is protected; the state line says how the line is.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Output } from '../../../shared/api/index';
import { call, fetchValue, onEvent } from '../api/client';
import { Field, FormMessage, toFormErrors, useFormErrors } from '../components/form';
import { when } from '../intake/labels';

type Mailbox = Output<'intake.mailbox.get'>;
type State = Mailbox['state'];

const empty = { enabled: false, host: '', port: '993', security: 'tls' as 'tls' | 'starttls', username: '', password: '', folders: 'INBOX', afterFetch: 'leave' as 'leave' | 'seen' };

export function stateText(s: State): string {
  if (s.status === 'off') return 'Đang tắt: chưa nhận thư.';
  if (s.status === 'connecting') return 'Đang kết nối…';
  if (s.status === 'ok') return s.lastSyncAt ? `Đã cập nhật lúc ${when(s.lastSyncAt)}.` : 'Đã kết nối.';
  const retry = s.nextTryAt ? ` Sẽ thử lại lúc ${when(s.nextTryAt)}.` : '';
  const last = s.lastSyncAt ? ` Lần cập nhật trước: ${when(s.lastSyncAt)}.` : '';
  // The core's message may already say "Lỗi:" and end its sentence.
  const error = (s.error ?? 'không rõ').replace(/^lỗi:\s*/i, '').replace(/\.+$/, '');
  return `Lỗi: ${error}.${retry}${last}`;
}

function passwordText(m: Mailbox | null): string {
  if (!m?.hasPassword) return 'Chưa lưu mật khẩu.';
  return m.passwordProtection === 'os' ? 'Mật khẩu đã lưu, bảo vệ bởi hệ điều hành.' : 'Mật khẩu đã lưu nhưng không được bảo vệ (bản chạy trong trình duyệt không mã hóa được): nên dùng bản máy tính.';
}

export function MailboxSettings() {
  const [v, setV] = useState(empty);
  const [saved, setSaved] = useState<Mailbox | null>(null);
  const [state, setState] = useState<State | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const { errors, setErrors, clear } = useFormErrors();
  const take = useCallback((m: Mailbox) => {
    setSaved(m);
    setState(m.state);
    setV({ enabled: m.enabled, host: m.host, port: String(m.port), security: m.security, username: m.username, password: '', folders: m.folders.join(', '), afterFetch: m.afterFetch });
  }, []);
  useEffect(() => {
    fetchValue('intake.mailbox.get', {}).then(take).catch((e: Error) => setNote(e.message));
  }, [take]);
  // Only the state line follows the core; what is being typed stays.
  useEffect(() => {
    const look = () => void fetchValue('intake.mailbox.get', {}).then((m) => setState(m.state), () => undefined);
    const timer = window.setInterval(look, 5000);
    const stop = onEvent((e) => (e.type === 'intake.new' || e.type === 'data.changed') && look());
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, []);

  const input = () => ({
    enabled: v.enabled,
    host: v.host.trim(),
    port: Number(v.port) || 0,
    security: v.security,
    username: v.username.trim(),
    folders: v.folders.split(',').map((f) => f.trim()).filter(Boolean),
    afterFetch: v.afterFetch,
    ...(v.password ? { password: v.password } : {}),
  });
  function showError(e: Parameters<typeof toFormErrors>[0]) {
    const f = toFormErrors(e);
    // One box holds every folder name: a message about the n-th name belongs to it.
    const byField = Object.fromEntries(Object.entries(f.byField).map(([k, m]) => [k.replace(/^folders\.\d+$/, 'folders'), m]));
    setErrors({ message: f.message, byField });
    setNote(null);
  }
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('intake.mailbox.update', input());
    if (!r.ok) return showError(r.error);
    clear();
    take(r.value);
    setNote(r.value.enabled ? 'Đã lưu. Thư mới sẽ được nhận khi có mạng.' : 'Đã lưu. Nhận thư đang tắt.');
  }
  async function test() {
    setNote('Đang thử kết nối…');
    const r = await call('intake.mailbox.test', input());
    if (!r.ok) return showError(r.error);
    clear();
    setNote(r.value.message);
  }
  async function checkNow() {
    setState((s) => (s ? { ...s, status: 'connecting' } : s));
    const r = await call('intake.mailbox.check', {});
    if (r.ok) setState(r.value);
    else setNote(r.error.message);
  }
  const set = (k: 'host' | 'port' | 'username' | 'password' | 'folders') => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const err = errors.byField;
  return (
    <section aria-label="Hộp thư cơ quan">
      <h2>Hộp thư cơ quan</h2>
      <p className="muted">Thư mới trong các thư mục đã chọn được nhận tự động khi có mạng; mỗi tệp đính kèm (PDF, ảnh, Word, edXML, zip) thành một văn bản chờ vào sổ. Thư trên máy chủ không bị xóa.</p>
      {state ? <p className={state.status === 'error' ? 'state-line error' : 'state-line'} role="status" aria-label="Tình trạng hộp thư">{stateText(state)}</p> : null}
      {/* Shown once the saved settings are in, so that nothing typed is overwritten by them. */}
      {!saved ? <p className="muted">Đang tải…</p> : (
      <form className="form sub" onSubmit={submit} noValidate aria-label="Hộp thư cơ quan (IMAP)">
        <FormMessage errors={errors} />
        <label className="check"><input type="checkbox" checked={v.enabled} onChange={(e) => setV({ ...v, enabled: e.target.checked })} /> Nhận thư từ hộp thư này</label>
        <div className="grid2">
          <Field id="imap-host" label="Máy chủ IMAP" required error={err.host}><input id="imap-host" value={v.host} onChange={set('host')} placeholder="mail.langson.gov.vn" /></Field>
          <Field id="imap-port" label="Cổng" required error={err.port}><input id="imap-port" inputMode="numeric" value={v.port} onChange={set('port')} /></Field>
          <Field id="imap-security" label="Bảo mật" error={err.security}>
            <select id="imap-security" value={v.security} onChange={(e) => setV({ ...v, security: e.target.value === 'starttls' ? 'starttls' : 'tls', port: v.port === '993' || v.port === '143' ? (e.target.value === 'starttls' ? '143' : '993') : v.port })}>
              <option value="tls">TLS (cổng 993)</option>
              <option value="starttls">STARTTLS (cổng 143)</option>
            </select>
          </Field>
          <Field id="imap-user" label="Tên đăng nhập" required error={err.username}><input id="imap-user" value={v.username} onChange={set('username')} autoComplete="off" /></Field>
          <Field id="imap-pass" label="Mật khẩu" error={err.password} hint={passwordText(saved)}>
            <input id="imap-pass" type="password" value={v.password} onChange={set('password')} placeholder={saved?.hasPassword ? '(giữ nguyên)' : ''} autoComplete="new-password" />
          </Field>
          <Field id="imap-folders" label="Thư mục thư" required error={err.folders} hint="Cách nhau bằng dấu phẩy, ví dụ: INBOX, Công văn đến">
            <input id="imap-folders" value={v.folders} onChange={set('folders')} />
          </Field>
          <Field id="imap-after" label="Sau khi nhận" error={err.afterFetch}>
            <select id="imap-after" value={v.afterFetch} onChange={(e) => setV({ ...v, afterFetch: e.target.value === 'seen' ? 'seen' : 'leave' })}>
              <option value="leave">Để nguyên thư trên máy chủ</option>
              <option value="seen">Đánh dấu thư đã đọc</option>
            </select>
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="primary">Lưu</button>
          <button type="button" onClick={() => void test()}>Thử kết nối</button>
          <button type="button" onClick={() => void checkNow()} disabled={!saved?.enabled}>Kiểm tra ngay</button>
        </div>
      </form>
      )}
      {note ? <div className="notice" role="status">{note}</div> : null}
    </section>
  );
}
