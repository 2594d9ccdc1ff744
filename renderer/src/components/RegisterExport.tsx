/** "In sổ": the register of a period as Excel or Word, saved where the user says (or downloaded). */
import { useState } from 'react';
import { formatNumberVi, toIsoDate } from '../../../shared/dates';
import { call, downloadUrl } from '../api/client';
import { DateInput } from './DateInput';

export function RegisterExport({ kind, onClose }: { kind: 'incoming' | 'outgoing'; onClose: () => void }) {
  const year = toIsoDate(new Date()).slice(0, 4);
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [format, setFormat] = useState<'xlsx' | 'docx'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const title = kind === 'incoming' ? 'sổ văn bản đến' : 'sổ văn bản đi';

  async function run() {
    if (!from || !to) return setMessage('Hãy nhập đủ Từ ngày và Đến ngày.');
    setBusy(true);
    const name = `${kind === 'incoming' ? 'So-van-ban-den' : 'So-van-ban-di'}_${from}_${to}.${format}`;
    const target = await call('files.savePath', { fileName: name });
    if (!target.ok || !target.value.path) {
      setBusy(false);
      return setMessage(target.ok ? 'Đã hủy.' : target.error.message);
    }
    setMessage('Đang xuất…');
    const input = { from, to, format, path: target.value.path };
    const r = kind === 'incoming' ? await call('exports.incomingRegister', input) : await call('exports.outgoingRegister', input);
    setBusy(false);
    if (!r.ok) return setMessage(r.error.message);
    setMessage(`Đã xuất ${formatNumberVi(r.value.rows)} văn bản${target.value.downloadPath ? '' : ` vào ${r.value.path}`}.`);
    if (target.value.downloadPath) window.location.assign(downloadUrl(target.value.downloadPath));
  }

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label={`In ${title}`} onMouseDown={(e) => e.stopPropagation()}>
        <h2>In {title}</h2>
        <p className="muted">Theo mẫu Nghị định 30/2020/NĐ-CP: khổ A4 ngang, tiêu đề cột lặp lại trên mỗi trang.</p>
        <div className="inline">
          <label>Từ ngày <DateInput label="Từ ngày xuất" value={from} onChange={setFrom} /></label>
          <label>Đến ngày <DateInput label="Đến ngày xuất" value={to} onChange={setTo} /></label>
          <label>
            Định dạng{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'docx')} aria-label="Định dạng">
              <option value="xlsx">Excel (.xlsx)</option>
              <option value="docx">Word (.docx)</option>
            </select>
          </label>
        </div>
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>Xuất tệp</button>
          <button type="button" onClick={onClose}>Đóng</button>
        </div>
      </div>
    </div>
  );
}
