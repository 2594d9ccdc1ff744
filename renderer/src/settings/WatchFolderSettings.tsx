/**
 * Thư mục theo dõi: folders of this PC (the scanner's, a USB drive's) whose
 * new files become documents waiting to be registered. The path is a setting
 * of this PC, like the backup folder; the core checks it.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Output } from '../../../shared/api/index';
import { call, fetchValue } from '../api/client';
import { useAsk } from '../components/Dialog';
import { Field, FormMessage, useFormErrors } from '../components/form';
import { when } from '../intake/labels';

type Folder = Output<'intake.folders.list'>['folders'][number];
type AfterTake = Folder['afterTake'];

const afterTakeLabels: Record<AfterTake, string> = { move: 'Chuyển vào thư mục con “đã nhận”', leave: 'Để nguyên tại chỗ' };
const afterTakeOf = (v: string): AfterTake => (v === 'leave' ? 'leave' : 'move');

function AfterTakeSelect({ id, label, value, onChange }: { id?: string; label?: string; value: AfterTake; onChange: (v: AfterTake) => void }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(afterTakeOf(e.target.value))}>
      {(['move', 'leave'] as const).map((k) => <option key={k} value={k}>{afterTakeLabels[k]}</option>)}
    </select>
  );
}

export function WatchFolderSettings() {
  const [folders, setFolders] = useState<Folder[]>([]);
  const [v, setV] = useState({ label: '', path: '', afterTake: 'move' as AfterTake });
  const [message, setMessage] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();
  const { confirm } = useAsk();
  const load = useCallback(() => {
    fetchValue('intake.folders.list', {}).then((r) => setFolders(r.folders)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);

  async function add(e: FormEvent) {
    e.preventDefault();
    const r = await call('intake.folders.add', { label: v.label.trim(), path: v.path.trim(), afterTake: v.afterTake });
    if (!r.ok) return show(r.error);
    clear();
    setV({ label: '', path: '', afterTake: 'move' });
    setMessage(`Đã thêm thư mục “${r.value.label}”: tệp mới trong đó sẽ vào danh sách chờ vào sổ.`);
    load();
  }
  async function update(f: Folder, change: { afterTake?: AfterTake; enabled?: boolean }) {
    const r = await call('intake.folders.update', { id: f.id, ...change });
    setMessage(r.ok ? `Đã lưu thư mục “${f.label}”.` : (r.error.fields[0]?.message ?? r.error.message));
    load();
  }
  async function remove(f: Folder) {
    const sure = await confirm({ title: `Thôi theo dõi thư mục “${f.label}”?`, text: 'Các văn bản đã nhận từ thư mục này vẫn giữ nguyên; tệp trong thư mục không bị xóa.', ok: 'Thôi theo dõi', danger: true });
    if (!sure) return;
    const r = await call('intake.folders.remove', { id: f.id });
    setMessage(r.ok ? `Đã thôi theo dõi thư mục “${f.label}”.` : r.error.message);
    load();
  }
  return (
    <section aria-label="Thư mục theo dõi">
      <h2>Thư mục theo dõi</h2>
      <p className="muted">Thư mục máy quét ghi vào, hoặc thư mục trên ổ USB. Tệp mới được nhận khi đã ghi xong (không nhận tệp đang ghi dở).</p>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid spaced" aria-label="Các thư mục theo dõi">
        <thead><tr><th>Tên</th><th>Đường dẫn</th><th>Tệp đã nhận</th><th>Theo dõi</th><th>Lần quét gần nhất</th><th /></tr></thead>
        <tbody>
          {folders.map((f) => (
            <tr key={f.id}>
              <td>{f.label}</td>
              <td className="small">{f.path}</td>
              <td><AfterTakeSelect label={`Tệp đã nhận của ${f.label}`} value={f.afterTake} onChange={(afterTake) => void update(f, { afterTake })} /></td>
              <td><label className="check"><input type="checkbox" checked={f.enabled} onChange={(e) => void update(f, { enabled: e.target.checked })} /> Bật</label></td>
              <td className="small">{f.lastScanAt ? when(f.lastScanAt) : 'chưa quét'}{f.error ? <div className="late">Lỗi: {f.error}</div> : null}</td>
              <td><button type="button" onClick={() => void remove(f)}>Bỏ</button></td>
            </tr>
          ))}
          {folders.length === 0 ? <tr><td colSpan={6} className="muted">Chưa theo dõi thư mục nào.</td></tr> : null}
        </tbody>
      </table>
      <form className="form sub inline" onSubmit={add} noValidate aria-label="Thêm thư mục theo dõi">
        <FormMessage errors={errors} />
        <Field id="watch-label" label="Tên" required error={errors.byField.label}><input id="watch-label" value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} placeholder="Máy quét văn thư" /></Field>
        <Field id="watch-path" label="Đường dẫn thư mục" required error={errors.byField.path}>
          <input id="watch-path" className="wide-input" value={v.path} onChange={(e) => setV({ ...v, path: e.target.value })} placeholder="D:\May quet" />
        </Field>
        <Field id="watch-after" label="Tệp đã nhận" error={errors.byField.afterTake}>
          <AfterTakeSelect id="watch-after" value={v.afterTake} onChange={(afterTake) => setV({ ...v, afterTake })} />
        </Field>
        <button type="submit">Thêm thư mục</button>
      </form>
    </section>
  );
}
