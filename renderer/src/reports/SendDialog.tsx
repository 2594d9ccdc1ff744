/** "Gửi": the chosen files to the superior's email — as a .zip, as a draft for the mail program, or through the outbox. */
import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/api/units';
import { call, fetchValue, saveFile } from '../api/client';
import type { FileHandle } from '../../../shared/api/files';
import { exportFile } from '../components/exportFile';
import { Dialog } from '../components/Dialog';
import { abbreviationLookup } from '../../../shared/abbreviations';
import { recipientUnitIds } from '../../../shared/recipients';

interface Props {
  files: FileHandle[];
  subject: string;
  /** The report's Nơi nhận: the units it names (with an address) start chosen. */
  recipients?: readonly string[];
  onClose: () => void;
}

export function SendDialog({ files: handles, subject: initialSubject, recipients, onClose }: Props) {
  const files = handles.map((h) => ({ fileId: h.fileId }));
  const names = handles.map((h) => h.name).join(', ');
  const [units, setUnits] = useState<Unit[]>([]);
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const [to, setTo] = useState('');
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState(`Kính gửi: …\n\nCơ quan gửi kèm theo thư này: ${names}.\n\nTrân trọng.`);
  const [message, setMessage] = useState<string | null>(null);
  const [noAccount, setNoAccount] = useState(false);
  useEffect(() => {
    fetchValue('send.settings', {}).then((s) => setNoAccount(!s.host)).catch(() => setNoAccount(false));
  }, []);
  function openAccount() {
    onClose();
    window.location.hash = '#/reports';
    requestAnimationFrame(() => document.getElementById('tai-khoan-gui-thu')?.scrollIntoView());
  }
  useEffect(() => {
    fetchValue('units.list', {})
      .then((r) => {
        setUnits(r.items.filter((u) => u.email));
        if (recipients?.length) setUnitIds(recipientUnitIds(recipients, r.items, abbreviationLookup(r.items)));
      })
      .catch(() => setUnits([]));
  }, [recipients]);
  const typed = to.split(/[,;\s]+/).filter(Boolean);
  const message_ = { files, toUnitIds: unitIds, to: typed, subject, body };

  async function zip() {
    setMessage((await exportFile(() => call('send.package', { files }), (n) => `gói ${n} tệp`)).message);
  }
  async function draft() {
    const r = await call('send.draft', message_);
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    // The desktop opened it in the mail program; otherwise it is saved for the user to open.
    setMessage(r.value.opened ? 'Đã mở thư nháp trong chương trình thư.' : `Đã soạn thư nháp; mở tệp .eml bằng chương trình thư để gửi. ${await saveFile(r.value)}`);
  }
  async function queue() {
    const r = await call('send.queue', message_);
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setMessage(
      noAccount
        ? `Đã đưa vào hộp thư đi (gửi tới ${r.value.to.join(', ')}). Thư chờ đến khi có tài khoản gửi thư.`
        : `Đã đưa vào hộp thư đi (gửi tới ${r.value.to.join(', ')}); thư sẽ tự gửi khi có mạng.`,
    );
  }
  return (
    <Dialog label="Gửi tệp" onClose={onClose}>
        <h2>Gửi lên cấp trên</h2>
        <p className="muted">Tệp gửi: {names}</p>
        {noAccount ? (
          <div className="field-warning" role="note">
            Chưa có tài khoản gửi thư: thư đưa vào hộp thư đi sẽ chờ, chưa gửi đi được cho đến khi đặt tài khoản.{' '}
            <button type="button" className="link" onClick={openAccount}>Đặt tài khoản gửi thư</button>
          </div>
        ) : null}
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
    </Dialog>
  );
}
