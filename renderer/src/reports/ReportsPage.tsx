/** Báo cáo: the monthly report computed from the data, sent upward; the outbox and the mail account. */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import { outboxStatusLabels } from '../../../shared/api/send';
import { formatNumberVi as n, toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { exportFile } from '../components/exportFile';
import { useAsk } from '../components/Dialog';
import { SendDialog } from './SendDialog';
import type { FileHandle } from '../../../shared/api/files';
import { ReportSignature } from './ReportSignature';
import { SmtpSettings } from './SmtpSettings';

type Figures = Output<'reports.monthly'>;
type Outbox = Output<'send.outbox'>['items'];

export function ReportsPage() {
  const today = toIsoDate(new Date());
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [month, setMonth] = useState(Number(today.slice(5, 7)));
  const [f, setF] = useState<Figures | null>(null);
  const [outbox, setOutbox] = useState<Outbox>([]);
  const [sending, setSending] = useState<{ files: FileHandle[]; recipients: string[] } | null>(null);
  const { prompt } = useAsk();
  const [message, setMessage] = useState<string | null>(null);
  // The signature form reloads after the signer was asked for.
  const [signatureSeq, setSignatureSeq] = useState(0);
  useEffect(() => {
    fetchValue('reports.monthly', { year, month }).then(setF).catch((e: Error) => setMessage(e.message));
  }, [year, month]);
  const loadOutbox = useCallback(() => {
    fetchValue('send.outbox', {}).then((r) => setOutbox(r.items)).catch(() => setOutbox([]));
  }, []);
  useEffect(loadOutbox, [loadOutbox]);

  async function exportReport() {
    const settings = await call('reports.settings', {});
    if (!settings.ok) return setMessage(settings.error.message);
    if (!settings.value.signerName.trim()) {
      // A report without the signer's name under the signature is not sent upward.
      const signerName = await prompt({
        title: 'Ai ký báo cáo tháng?',
        text: `Chưa có tên người ký (${settings.value.authority ? `${settings.value.authority}, ` : ''}${settings.value.position}). Tên được lưu lại cho các tháng sau; sửa ở mục "Nơi nhận và người ký báo cáo tháng".`,
        ok: 'Xuất báo cáo',
        input: { label: 'Họ và tên người ký' },
      });
      if (signerName === null) return;
      const saved = await call('reports.updateSettings', { ...settings.value, signerName });
      if (!saved.ok) return setMessage(saved.error.fields[0]?.message ?? saved.error.message);
      setSignatureSeq((n) => n + 1);
    }
    const r = await exportFile(() => call('exports.monthlyReport', { year, month }), () => 'báo cáo tháng');
    setMessage(r.message);
    if (r.file) setSending({ files: [r.file], recipients: settings.value.recipients });
  }
  async function outboxAction(id: number, method: 'send.retry' | 'send.markSent' | 'send.cancel') {
    const r = await call(method, { id });
    if (!r.ok) setMessage(r.error.fields[0]?.message ?? r.error.message);
    loadOutbox();
  }
  async function sendNow() {
    const r = await call('send.process', {});
    if (!r.ok) setMessage(r.error.message);
    // Nothing sent is not a success.
    else if (r.value.sent === 0 && r.value.failed === 0) setMessage('Không có thư nào đến lượt gửi (hộp thư đi trống, hoặc thư đang chờ thử lại).');
    else if (r.value.sent === 0) setMessage(`Chưa gửi được thư nào: ${r.value.failed} thư lỗi, xem lý do trong bảng.`);
    else setMessage(`Đã gửi ${r.value.sent} thư${r.value.failed ? `; ${r.value.failed} thư chưa gửi được, xem lý do trong bảng` : ''}.`);
    loadOutbox();
  }
  const rows: [string, string][] = f
    ? [
        ['Văn bản đến', `${n(f.month.incoming)} (lũy kế ${n(f.yearToDate.incoming)})`],
        ['Văn bản đi', `${n(f.month.outgoing)} (lũy kế ${n(f.yearToDate.outgoing)})`],
        ['Văn bản đến đã giải quyết đúng hạn / quá hạn / đang giải quyết', `${n(f.month.incomingHandled.onTime)} / ${n(f.month.incomingHandled.late)} / ${n(f.month.incomingHandled.pending)}`],
        ['Hồ sơ TTHC tiếp nhận mới / kỳ trước chuyển sang', `${n(f.tthc.month.received)} / ${n(f.tthc.month.carriedOver)}`],
        ['Hồ sơ TTHC giải quyết đúng hạn / quá hạn', `${n(f.tthc.month.solvedOnTime)} / ${n(f.tthc.month.solvedLate)}`],
        ['Nhiệm vụ quá hạn', n(f.tasks.byStatus.overdue)],
        ['Hồ sơ nộp lưu trong tháng', n(f.workFiles.handedOverInMonth)],
      ]
    : [];
  return (
    <section className="page">
      <h1>Báo cáo</h1>
      <h2>Báo cáo tháng</h2>
      <div className="toolbar">
        <label>Tháng <select aria-label="Tháng báo cáo" value={month} onChange={(e) => setMonth(Number(e.target.value))}>{Array.from({ length: 12 }, (_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}</select></label>
        <label>Năm <input aria-label="Năm báo cáo" type="number" className="year-input" value={year} onChange={(e) => setYear(Number(e.target.value))} /></label>
        <button type="button" className="primary" onClick={() => void exportReport()}>Xuất báo cáo tháng (Word) và gửi…</button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Số liệu tháng">
        <tbody>{rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}</tbody>
      </table>
      <h2>Hộp thư đi</h2>
      <div className="toolbar"><button type="button" onClick={() => void sendNow()}>Gửi ngay</button></div>
      <table className="grid" aria-label="Hộp thư đi">
        <thead><tr><th>Tiêu đề</th><th>Gửi tới</th><th>Tệp</th><th>Trạng thái</th><th /></tr></thead>
        <tbody>
          {outbox.map((m) => (
            <tr key={m.id}>
              <td>{m.subject}</td>
              <td>{m.to.join(', ')}</td>
              <td>{m.files.join(', ')}</td>
              <td>{outboxStatusLabels[m.status]}{m.sentAt ? ` ${new Date(m.sentAt).toLocaleString('vi-VN')}` : ''}{m.lastError ? <div className="small">{m.lastError}</div> : null}</td>
              <td className="nowrap">
                {m.status === 'error' || m.status === 'unknown' ? <button type="button" onClick={() => void outboxAction(m.id, 'send.retry')}>Gửi lại</button> : null}
                {m.status === 'unknown' ? <button type="button" onClick={() => void outboxAction(m.id, 'send.markSent')}>Đánh dấu đã gửi</button> : null}
                {m.status === 'pending' || m.status === 'error' || m.status === 'unknown' ? <button type="button" onClick={() => void outboxAction(m.id, 'send.cancel')}>Hủy</button> : null}
              </td>
            </tr>
          ))}
          {outbox.length === 0 ? <tr><td colSpan={5} className="muted">Hộp thư đi trống.</td></tr> : null}
        </tbody>
      </table>
      <ReportSignature key={signatureSeq} />
      <SmtpSettings />
      {sending ? <SendDialog files={sending.files} recipients={sending.recipients} subject={`Báo cáo kết quả thực hiện nhiệm vụ tháng ${month} năm ${year}`} onClose={() => { setSending(null); loadOutbox(); }} /> : null}
    </section>
  );
}
