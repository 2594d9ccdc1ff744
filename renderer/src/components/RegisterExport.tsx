/** "In sổ": the register of a period as Excel or Word, saved where the user says (or downloaded). */
import { useEffect, useState } from 'react';
import { formatNumberVi, toIsoDate } from '../../../shared/dates';
import { call, onEvent } from '../api/client';
import { exportToFile } from './exportFile';
import { DateInput } from './DateInput';
import { Dialog } from './Dialog';

export function RegisterExport({ kind, onClose }: { kind: 'incoming' | 'outgoing'; onClose: () => void }) {
  const year = toIsoDate(new Date()).slice(0, 4);
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [format, setFormat] = useState<'xlsx' | 'docx'>('xlsx');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // The incoming side prints two books: the register, and the follow-up of what was given to be handled.
  const [book, setBook] = useState<'register' | 'followUp'>('register');
  const title = kind === 'incoming' ? 'sổ văn bản đến' : 'sổ văn bản đi';
  const method = kind === 'outgoing' ? 'exports.outgoingRegister' : book === 'followUp' ? 'exports.incomingFollowUp' : 'exports.incomingRegister';
  useEffect(
    () =>
      onEvent((e) => {
        const p = e as { type: string; method?: string; done?: number; total?: number };
        if (p.type === 'job.progress' && p.method === method) setProgress({ done: p.done ?? 0, total: p.total ?? 0 });
      }),
    [method],
  );

  async function run() {
    if (!from || !to) return setMessage('Hãy nhập đủ Từ ngày và Đến ngày.');
    setBusy(true);
    setMessage('Đang xuất…');
    setProgress(null);
    setMessage(await exportToFile(() => call(method, { from, to, format }), (n) => `${formatNumberVi(n)} văn bản`));
    setBusy(false);
    setProgress(null);
  }

  return (
    <Dialog label={`In ${title}`} onClose={onClose}>
        <h2>In {title}</h2>
        <p className="muted">Theo mẫu Nghị định 30/2020/NĐ-CP: mỗi năm một quyển có bìa, khổ A4 ngang, tiêu đề cột lặp lại trên mỗi trang.</p>
        <div className="inline">
          {kind === 'incoming' ? (
            <label>
              Sổ{' '}
              <select value={book} onChange={(e) => setBook(e.target.value as 'register' | 'followUp')} aria-label="Sổ cần in">
                <option value="register">Sổ đăng ký văn bản đến</option>
                <option value="followUp">Sổ theo dõi giải quyết văn bản đến</option>
              </select>
            </label>
          ) : null}
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
        {busy && progress ? (
          <div className="inline">
            <progress aria-label="Tiến độ xuất sổ" value={progress.done} max={Math.max(1, progress.total)} />
            <span>{formatNumberVi(progress.done)} / {formatNumberVi(progress.total)} văn bản</span>
            <button type="button" onClick={() => void call('jobs.cancel', { method })}>Hủy</button>
          </div>
        ) : null}
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>Xuất tệp</button>
          <button type="button" onClick={onClose}>Đóng</button>
        </div>
    </Dialog>
  );
}
