/**
 * Sao lưu: where backups go (a USB drive or another disk), how many are kept,
 * a backup now, and restoring one after seeing what it holds. The restore
 * keeps today's data as a backup, so it can be undone from the same list.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import type { BackupInfo, BackupSource } from '../../../shared/api/backup';
import { formatNumberVi } from '../../../shared/dates';
import { call, fetchValue, uploadFile } from '../api/client';
import { Dialog } from '../components/Dialog';
import { FilePicker } from '../components/FilePicker';

type Settings = Output<'backup.settings'>;
type Contents = Output<'backup.inspect'>;

const reasons: Record<string, string> = {
  'hang-ngay': 'Hằng ngày',
  'khi-thoat': 'Khi thoát',
  'thu-cong': 'Sao lưu ngay',
  'truoc-khoi-phuc': 'Trước khi khôi phục',
  'truoc-nhap-excel': 'Trước khi nhập Excel',
  'truoc-nang-cap': 'Trước khi nâng cấp dữ liệu',
};
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

export function BackupSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dir, setDir] = useState('');
  const [items, setItems] = useState<BackupInfo[]>([]);
  const [preview, setPreview] = useState<{ contents: Contents; source: BackupSource } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('backup.settings', {}).then((s) => { setSettings(s); setDir(s.dir ?? ''); }).catch((e: Error) => setMessage(e.message));
    fetchValue('backup.list', {}).then((r) => setItems(r.items)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);

  async function save() {
    if (!settings) return;
    const r = await call('backup.updateSettings', { dir, keepDaily: settings.keepDaily, keepWeekly: settings.keepWeekly, keepMonthly: settings.keepMonthly });
    setMessage(r.ok ? `Đã lưu. Bản sao lưu sẽ ghi vào ${r.value.effectiveDir}.` : (r.error.fields[0]?.message ?? r.error.message));
    load();
  }
  async function backupNow() {
    setMessage('Đang sao lưu…');
    const r = await call('backup.create', {});
    setMessage(r.ok ? `Đã sao lưu vào ${settings?.effectiveDir ?? 'thư mục sao lưu'}, tệp ${r.value.id} (${formatNumberVi(Math.round(r.value.sizeBytes / 1024))} KB), đã kiểm tra đọc lại được.` : r.error.message);
    load();
  }
  async function compact() {
    setMessage('Đang thu gọn cơ sở dữ liệu…');
    const r = await call('backup.compact', {});
    const mb = (bytes: number) => `${formatNumberVi(Math.round(bytes / 1e5) / 10)} MB`;
    setMessage(r.ok ? `Đã thu gọn cơ sở dữ liệu: ${mb(r.value.beforeBytes)} → ${mb(r.value.afterBytes)}. Dữ liệu giữ nguyên.` : r.error.message);
  }
  async function inspect(source: BackupSource) {
    const r = await call('backup.inspect', source);
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setPreview({ contents: r.value, source });
  }
  /** A backup file from a USB drive or an old PC: uploaded, then shown like a listed one. */
  async function inspectFile(file: File | undefined) {
    if (!file) return;
    setMessage(`Đang đọc tệp ${file.name}…`);
    const up = await uploadFile(file);
    if (!up.ok) return setMessage(up.error.message);
    setMessage(null);
    await inspect({ fileId: up.value.fileId });
  }
  async function restore() {
    if (!preview) return;
    const r = await call('backup.restore', preview.source);
    setPreview(null);
    setMessage(r.ok ? `Đã khôi phục dữ liệu ngày ${when(r.value.restored.createdAt)}. Dữ liệu trước đó được giữ ở bản “Trước khi khôi phục”: khôi phục bản đó để hoàn tác.` : r.error.message);
    load();
  }
  const num = (k: 'keepDaily' | 'keepWeekly' | 'keepMonthly', label: string) => (
    <label>{label} <input type="number" min={0} aria-label={label} value={settings?.[k] ?? 0} onChange={(e) => settings && setSettings({ ...settings, [k]: Number(e.target.value) })} className="year-input" /></label>
  );
  return (
    <section aria-label="Sao lưu">
      <h2>Sao lưu dữ liệu</h2>
      <p className="muted">Phần mềm tự sao lưu lần mở máy đầu tiên mỗi ngày và khi thoát; bản sao lưu được đọc lại để kiểm tra trước khi xóa bản cũ. Nên chọn thư mục trên ổ USB hoặc ổ đĩa khác.</p>
      <div className="inline">
        <label>Thư mục sao lưu <input aria-label="Thư mục sao lưu" value={dir} onChange={(e) => setDir(e.target.value)} placeholder={settings?.effectiveDir ?? ''} className="wide-input" /></label>
        {num('keepDaily', 'Giữ theo ngày')}
        {num('keepWeekly', 'theo tuần')}
        {num('keepMonthly', 'theo tháng')}
        <button type="button" onClick={() => void save()}>Lưu cài đặt</button>
        <button type="button" className="primary" onClick={() => void backupNow()}>Sao lưu ngay</button>
        <button type="button" onClick={() => void compact()} title="Ghi lại tệp dữ liệu bỏ các trang trống sau khi nhập hoặc xóa nhiều: tệp và bản sao lưu nhỏ hơn">Thu gọn dữ liệu</button>
        <FilePicker label="Khôi phục từ tệp sao lưu" accept=".sqlite" onFiles={([f]) => void inspectFile(f)}>Khôi phục từ tệp…</FilePicker>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid spaced" aria-label="Các bản sao lưu">
        <thead><tr><th>Thời điểm</th><th>Loại</th><th>Dung lượng</th><th>Tệp</th><th /></tr></thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <td>{when(b.createdAt)}</td>
              <td>{reasons[b.reason.replace(/-\d+$/, '')] ?? b.reason}</td>
              <td>{formatNumberVi(Math.round(b.sizeBytes / 1024))} KB</td>
              <td className="small">{b.id}</td>
              <td><button type="button" onClick={() => void inspect({ id: b.id })}>Khôi phục…</button></td>
            </tr>
          ))}
          {items.length === 0 ? <tr><td colSpan={5} className="muted">Chưa có bản sao lưu nào.</td></tr> : null}
        </tbody>
      </table>
      {preview ? (
        <Dialog label="Khôi phục dữ liệu" onClose={() => setPreview(null)}>
            <h2>Khôi phục bản sao lưu ngày {when(preview.contents.createdAt)}?</h2>
            <p>Bản sao lưu này có: {preview.contents.counts.incoming} văn bản đến, {preview.contents.counts.outgoing} văn bản đi, {preview.contents.counts.tasks} nhiệm vụ, {preview.contents.counts.workFiles} hồ sơ công việc, {preview.contents.counts.tthc} hồ sơ thủ tục hành chính, {preview.contents.counts.units} đơn vị.</p>
            <p className="muted">Dữ liệu hiện tại sẽ được sao lưu trước (bản “Trước khi khôi phục”) để có thể hoàn tác.</p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => void restore()}>Khôi phục</button>
              <button type="button" onClick={() => setPreview(null)}>Hủy</button>
            </div>
        </Dialog>
      ) : null}
    </section>
  );
}
