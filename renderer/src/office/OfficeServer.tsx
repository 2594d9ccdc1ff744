/**
 * Cài đặt → Máy chủ văn phòng: this PC serves its database to the office's
 * other PCs, on one chosen address (never every interface unless chosen).
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ServerStatus } from '../../../shared/api/office';
import { Fingerprint } from './Fingerprint';
import { callShell } from '../api/client';

const DEFAULT_PORT = 8443;

export function OfficeServer() {
  const [status, setStatus] = useState<ServerStatus | null>(null);
  const [host, setHost] = useState('');
  const [port, setPort] = useState(String(DEFAULT_PORT));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sheet, setSheet] = useState(false);

  function show(s: ServerStatus) {
    setStatus(s);
    // A LAN address first: loopback serves nobody else.
    setHost((h) => h || s.host || s.addresses.find((a) => !a.address.startsWith('127.'))?.address || s.addresses[0]?.address || '');
    if (s.port) setPort(String(s.port));
  }
  useEffect(() => {
    void callShell('office.serverStatus', {}).then((r) => (r.ok ? show(r.value) : setMessage(r.error.message)));
  }, []);

  async function start() {
    setBusy(true);
    const r = await callShell('office.serverStart', { host, port: Number(port) });
    setBusy(false);
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setMessage(null);
    show(r.value);
  }
  async function stop() {
    setBusy(true);
    const r = await callShell('office.serverStop', {});
    setBusy(false);
    if (!r.ok) return setMessage(r.error.message);
    show(r.value);
  }
  function print() {
    document.body.classList.add('printing-handover');
    window.print();
    document.body.classList.remove('printing-handover');
  }

  if (!status) return null;
  const choices = status.addresses.some((a) => a.address === host) || !host ? status.addresses : [...status.addresses, { name: 'đã lưu', address: host }];
  return (
    <section aria-label="Máy chủ văn phòng" id="may-chu-van-phong">
      <h2>Máy chủ văn phòng</h2>
      <p className="muted">Cho các máy khác trong văn phòng dùng chung dữ liệu của máy này qua mạng nội bộ (HTTPS). Máy này phải luôn bật; chương trình vẫn chạy ở khay hệ thống khi đóng cửa sổ.</p>
      {message ? <div className="form-message" role="alert">{message}</div> : null}
      <p>Trạng thái: <strong>{status.running ? `Đang chạy tại ${status.url}` : 'Đang tắt'}</strong></p>
      {status.running ? (
        <>
          <div>Dấu vân tay chứng thư của máy chủ (SHA-256) — các máy trạm so với dãy này khi kết nối:</div>
          <Fingerprint label="Dấu vân tay máy chủ" value={status.fingerprint ?? ''} />
          <div className="actions">
            <button type="button" onClick={() => setSheet((v) => !v)}>{sheet ? 'Ẩn phiếu bàn giao' : 'Xem phiếu bàn giao'}</button>
            <button type="button" onClick={() => void stop()} disabled={busy}>Tắt máy chủ</button>
          </div>
          {sheet ? <HandoverSheet url={status.url ?? ''} fingerprint={status.fingerprint ?? ''} onPrint={print} /> : null}
        </>
      ) : (
        <div className="form" aria-label="Bật máy chủ văn phòng">
          <div className="field">
            <label htmlFor="server-host">Địa chỉ mạng của máy này</label>
            <select id="server-host" value={host} onChange={(e) => setHost(e.target.value)}>
              {choices.map((a) => <option key={`${a.name}-${a.address}`} value={a.address}>{a.address} ({a.name})</option>)}
              <option value="0.0.0.0">0.0.0.0 (mọi mạng của máy — không nên)</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="server-port">Cổng</label>
            <input id="server-port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
          </div>
          <p className="muted">Mở cổng này trong tường lửa của máy (chỉ cho mạng nội bộ). Bật lại tự động khi khởi động chương trình.</p>
          <div className="actions"><button type="button" className="primary" onClick={() => void start()} disabled={busy || !host}>Bật máy chủ</button></div>
        </div>
      )}
    </section>
  );
}

function HandoverSheet({ url, fingerprint, onPrint }: { url: string; fingerprint: string; onPrint: () => void }) {
  return (
    <>
      <div className="handover-sheet" aria-label="Phiếu bàn giao máy chủ văn phòng">
        <SheetText url={url} fingerprint={fingerprint} />
        <div className="actions"><button type="button" className="primary" onClick={onPrint}>In phiếu bàn giao</button></div>
      </div>
      {/* What is printed: a copy directly under <body>, the page itself hidden while printing. */}
      {createPortal(<div className="print-sheet"><SheetText url={url} fingerprint={fingerprint} /></div>, document.body)}
    </>
  );
}

function SheetText({ url, fingerprint }: { url: string; fingerprint: string }) {
  return (
    <>
      <h3>PHIẾU BÀN GIAO MÁY CHỦ VĂN PHÒNG — VĂN THƯ</h3>
      <p>Địa chỉ máy chủ: <strong>{url}</strong></p>
      <p>Dấu vân tay chứng thư (SHA-256):</p>
      <Fingerprint value={fingerprint} />
      <p>Các bước trên mỗi máy trạm:</p>
      <ol>
        <li>Cài chương trình Văn thư, mở Cài đặt → <strong>Kết nối máy chủ văn phòng</strong>.</li>
        <li>Nhập địa chỉ <strong>{url}</strong> (hoặc chọn máy chủ tìm thấy trong mạng), bấm <strong>Kiểm tra</strong>.</li>
        <li>So từng cặp ký tự của dấu vân tay hiện trên màn hình với dấu vân tay trên phiếu này. Khác dù một ký tự: không kết nối, báo người quản trị.</li>
        <li>Trùng khớp: bấm <strong>Xác nhận và kết nối</strong>, rồi mỗi người đăng nhập bằng tài khoản của mình.</li>
      </ol>
      <p className="muted">Nếu sau này chương trình báo chứng thư của máy chủ đã thay đổi, đừng tiếp tục: hỏi người quản trị máy chủ.</p>
    </>
  );
}
