/**
 * Cài đặt → Kết nối máy chủ văn phòng: the address (typed or found on the LAN),
 * the certificate's fingerprint compared with the hand-over sheet, then pinned.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { ShellOutput } from '../../../shared/api/index';
import { Fingerprint } from './Fingerprint';
import { callShell, restartApp } from '../api/client';
import { useAsk } from '../components/Dialog';

type Status = ShellOutput<'office.connectionStatus'>;
type Probe = ShellOutput<'office.probe'>;
type Found = ShellOutput<'office.discover'>['servers'][number];

const stateLabel = { ok: 'Đang kết nối tốt', lost: 'Mất kết nối, đang thử lại', connecting: 'Đang kết nối…' } as const;

export function OfficeConnect() {
  const [status, setStatus] = useState<Status | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { confirm } = useAsk();
  useEffect(() => {
    void callShell('office.connectionStatus', {}).then((r) => (r.ok ? setStatus(r.value) : setMessage(r.error.message)));
  }, []);

  async function disconnect() {
    const sure = await confirm({ title: 'Ngắt kết nối máy chủ văn phòng?', text: 'Máy này sẽ dùng lại cơ sở dữ liệu riêng của nó. Dữ liệu của văn phòng vẫn nằm nguyên trên máy chủ.', ok: 'Ngắt kết nối', danger: true });
    if (!sure) return;
    const r = await callShell('office.disconnect', {});
    if (!r.ok) return setMessage(r.error.message);
    restartApp();
  }

  return (
    <section aria-label="Kết nối máy chủ văn phòng" id="ket-noi-may-chu">
      <h2>Kết nối máy chủ văn phòng</h2>
      {message ? <div className="form-message" role="alert">{message}</div> : null}
      {status?.mode === 'client' ? (
        <>
          <p>Máy này là <strong>máy trạm</strong>: mọi dữ liệu nằm trên máy chủ văn phòng <strong>{status.url}</strong>. Máy này chỉ giữ địa chỉ và dấu vân tay của máy chủ.</p>
          <p>Trạng thái: <strong>{status.state ? stateLabel[status.state] : ''}</strong></p>
          <div>Dấu vân tay đã xác nhận (SHA-256):</div>
          <Fingerprint label="Dấu vân tay đã xác nhận" value={status.fingerprint ?? ''} />
          <div className="actions"><button type="button" onClick={() => void disconnect()}>Ngắt kết nối</button></div>
        </>
      ) : status ? (
        <ConnectForm />
      ) : null}
    </section>
  );
}

/** Also on the first-run screen: a new client PC connects before anything else. */
export function ConnectForm() {
  const [url, setUrl] = useState('https://');
  const [probe, setProbe] = useState<Probe | null>(null);
  const [found, setFound] = useState<Found[] | null>(null);
  const [expected, setExpected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(e?: FormEvent) {
    e?.preventDefault();
    setBusy(true);
    setProbe(null);
    setError(null);
    const r = await callShell('office.probe', { url });
    setBusy(false);
    if (!r.ok) return setError(r.error.fields[0]?.message ?? r.error.message);
    setProbe(r.value);
  }
  async function look() {
    setBusy(true);
    const r = await callShell('office.discover', {});
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setFound(r.value.servers);
  }
  async function connect() {
    if (!probe) return;
    setBusy(true);
    const r = await callShell('office.connect', { url: probe.url, fingerprint: probe.fingerprint });
    setBusy(false);
    if (!r.ok) return setError(r.error.fields[0]?.message ?? r.error.message);
    restartApp();
  }
  const mismatch = probe && expected && expected.replace(/:/g, '') !== probe.fingerprint.replace(/:/g, '');

  return (
    <>
      <p className="muted">Dùng khi văn phòng có một máy chủ (máy của văn thư hoặc một máy luôn bật): máy này sẽ làm việc trên dữ liệu của máy chủ, mỗi người đăng nhập bằng tài khoản của mình trên máy chủ.</p>
      <form className="form" onSubmit={(e) => void check(e)} aria-label="Địa chỉ máy chủ văn phòng" noValidate>
        <div className="field">
          <label htmlFor="office-url">Địa chỉ máy chủ</label>
          <input id="office-url" value={url} onChange={(e) => { setUrl(e.target.value); setProbe(null); }} placeholder="https://192.168.1.10:8443" spellCheck={false} />
        </div>
        {error ? <div className="form-message" role="alert">{error}</div> : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>Kiểm tra</button>
          <button type="button" onClick={() => void look()} disabled={busy}>Tìm máy chủ trong mạng nội bộ</button>
        </div>
      </form>
      {found ? (
        found.length === 0 ? (
          <p className="muted">Không thấy máy chủ nào trong mạng nội bộ (mạng có thể chặn việc tìm kiếm). Hãy nhập địa chỉ ghi trên phiếu bàn giao.</p>
        ) : (
          <table className="grid" aria-label="Máy chủ tìm thấy">
            <thead><tr><th>Máy chủ</th><th>Địa chỉ</th><th /></tr></thead>
            <tbody>
              {found.map((f) => (
                <tr key={f.url}>
                  <td>{f.name}</td>
                  <td>{f.url}</td>
                  <td><button type="button" onClick={() => { setUrl(f.url); setExpected(f.fingerprint); setProbe(null); }}>Chọn</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      {probe ? (
        <div aria-label="Chứng thư của máy chủ">
          <p>Máy chủ <strong>{probe.url}</strong> ({probe.subject}) đưa ra chứng thư có dấu vân tay (SHA-256):</p>
          <Fingerprint label="Dấu vân tay của máy chủ" value={probe.fingerprint} />
          {mismatch ? <div className="form-message" role="alert">Dấu vân tay này KHÁC với dấu vân tay máy chủ quảng bá trong mạng: đừng kết nối, hãy báo người quản trị.</div> : null}
          <p><strong>So từng cặp ký tự với dấu vân tay trên phiếu bàn giao của máy chủ.</strong> Chỉ xác nhận khi trùng khớp hoàn toàn: từ đó máy này chỉ tin đúng chứng thư này, và từ chối nếu chứng thư của máy chủ bị thay.</p>
          <div className="actions"><button type="button" className="primary" onClick={() => void connect()} disabled={busy}>Xác nhận và kết nối</button></div>
        </div>
      ) : null}
    </>
  );
}
