/** "Gửi": the chosen files to the superior's email — as a .zip, as a draft for the mail program, or through the outbox. */
import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/api/units';
import { call, fetchValue } from '../api/client';
import { exportFile } from '../components/exportFile';

export function SendDialog({ files, subject: initialSubject, onClose }: { files: string[]; subject: string; onClose: () => void }) {
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState(`Kính gửi: …\n\nCơ quan gửi kèm theo thư này: ${files.map((f) => f.split(/[\\/]/).pop()).join(', ')}.\n\nTrân trọng.`);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    fetchValue('units.list', {}).then((r) => setUnits(r.items.filter((u) => u.email))).catch(() => setUnits([]));
  }, []);
  const typed = to.split(/[,;\s]+/).filter(Boolean);
  const message_ = { files, toUnitIds: unitIds, to: typed, subject, body };

  async function zip() {
    setMessage((await exportFile('Goi-gui.zip', (path) => call('send.package', { files, path }), (n) => `gói ${n} tệp`)).message);
  }
  async function draft() {
    setMessage((await exportFile('Thu-gui.eml', (path) => call('send.draft', { ...message_, path }), () => 'thư nháp; mở tệp .eml bằng chương trình thư để gửi')).message);
  }
  async function queue() {
    const r = await call('send.queue', message_);
    setMessage(r.ok ? `Đã đưa vào hộp thư đi (gửi tới ${r.value.to.join(', ')}); thư sẽ tự gửi khi có mạng.` : (r.error.fields[0]?.message ?? r.error.message));
  }
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Gửi tệp" onMouseDown={(e) => e.stopPropagation()}>
        <h2>Gửi lên cấp trên</h2>
        <p className="muted">Tệp gửi: {files.map((f) => f.split(/[\\/]/).pop()).join(', ')}</p>
        <fieldset className="checks">
          <legend>Đơn vị nhận (có địa chỉ thư)</legend>
          {units.map((u) => (
            <label key={u.id} className="check">
              <input type="checkbox" checked={unitIds.includes(u.id)} onChange={(e) => setUnitIds(e.target.checked ? [...unitIds, u.id] : unitIds.filter((x) => x !== u.id))} /> {u.name}
            </label>
          ))}
        </fieldset>
        <label className="block">Địa chỉ khác <input aria-label="Địa chỉ khác" value={to} onChange={(e) => setTo(e.target.value)} placeholder="ten@langson.gov.vn, …" /></label>
        <label className="block">Tiêu đề <input aria-label="Tiêu đề thư" value={subject} onChange={(e) => setSubject(e.target.value)} /></label>
        <label className="block">Nội dung <textarea aria-label="Nội dung thư" rows={5} value={body} onChange={(e) => setBody(e.target.value)} /></label>
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions">
          <button type="button" className="primary" onClick={() => void queue()}>Đưa vào hộp thư đi</button>
          <button type="button" onClick={() => void draft()}>Soạn thư nháp (.eml)</button>
          <button type="button" onClick={() => void zip()}>Đóng gói .zip</button>
          <button type="button" onClick={onClose}>Đóng</button>
        </div>
      </div>
    </div>
  );
}
