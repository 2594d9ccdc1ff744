/** One TTHC dossier: return the result, record a withdrawal, or postpone with an apology slip. */
import { useCallback, useEffect, useState } from 'react';
import { tthcChannelLabels, tthcStatusLabels, type TthcDossier } from '../../../shared/api/tthc';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';
import { DeleteButton } from '../components/DeleteButton';
import { exportToFile } from '../components/exportFile';

type Action = 'complete' | 'withdraw' | 'postpone';

export function TthcDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const [d, setD] = useState<TthcDossier | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [action, setAction] = useState<Action>('complete');
  const [date, setDate] = useState<string | null>(toIsoDate(new Date()));
  const [reason, setReason] = useState('');
  const [sign, setSign] = useState({ authority: 'KT. GIÁM ĐỐC', position: 'PHÓ GIÁM ĐỐC', signerName: '' });
  const load = useCallback(() => {
    fetchValue('tthc.get', { id }).then(setD).catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <div className="panel wide form-message">{error}</div>;
  if (!d) return <div className="panel wide">Đang tải…</div>;
  const open = !d.resultDate && !d.withdrawnAt;
  const late = d.status === 'in_progress_late' || d.status === 'solved_late';

  async function apply() {
    const r =
      action === 'complete'
        ? await call('tthc.complete', { id, resultDate: date ?? '' })
        : action === 'withdraw'
          ? await call('tthc.withdraw', { id, date: date ?? '', reason })
          : await call('tthc.postpone', { id, newDueDate: date ?? '', reason });
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setD(r.value);
    setMessage('Đã ghi.');
    onChanged();
  }
  async function apology() {
    setMessage(await exportToFile(() => call('exports.apologySlip', { id, ...sign }), () => 'phiếu xin lỗi'));
  }
  const facts: [string, string][] = [
    ['Thủ tục', `${d.procedure.name} (${d.procedure.processingDays} ngày làm việc)`],
    ['Người nộp', [d.applicantName, d.applicantAddress].filter(Boolean).join(', ')],
    ['Ngày nhận', formatDateVi(d.receivedAt)],
    ['Hình thức', tthcChannelLabels[d.channel]],
    ['Đơn vị giải quyết', d.handlingUnit?.name ?? ''],
    ['Hạn trả kết quả', formatDateVi(d.dueDate)],
    ['Hẹn lại', d.newDueDate ? `${formatDateVi(d.newDueDate)} — ${d.delayReason ?? ''}` : ''],
    ['Trả kết quả', formatDateVi(d.resultDate)],
    ['Rút hồ sơ', formatDateVi(d.withdrawnAt)],
    ['Tình trạng', tthcStatusLabels[d.status]],
  ];
  return (
    <aside className="panel wide" aria-label="Chi tiết hồ sơ thủ tục hành chính">
      <div className="panel-head">
        <h2>Hồ sơ {d.code}</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      <dl className="facts">
        {facts.filter(([, v]) => v).map(([k, v]) => <div key={k}><dt>{k}</dt><dd className={k === 'Tình trạng' && late ? 'overdue' : undefined}>{v}</dd></div>)}
      </dl>
      {open ? (
        <div className="form sub">
          <div className="tabs small" role="tablist">
            {([['complete', 'Trả kết quả'], ['postpone', 'Hẹn lại ngày trả'], ['withdraw', 'Rút hồ sơ']] as const).map(([k, l]) => (
              <button key={k} type="button" role="tab" aria-selected={action === k} className={action === k ? 'tab active' : 'tab'} onClick={() => setAction(k)}>{l}</button>
            ))}
          </div>
          <div className="inline">
            <label>{action === 'postpone' ? 'Ngày hẹn trả mới' : 'Ngày'} <DateInput label={action === 'postpone' ? 'Ngày hẹn trả mới' : 'Ngày'} value={date} onChange={setDate} /></label>
            {action !== 'complete' ? <label>Lý do <input aria-label="Lý do" value={reason} onChange={(e) => setReason(e.target.value)} size={30} /></label> : null}
            <button type="button" className="primary" onClick={() => void apply()}>Ghi</button>
          </div>
        </div>
      ) : null}
      {late && d.newDueDate ? (
        <div className="form sub">
          <h3>Phiếu xin lỗi và hẹn lại ngày trả kết quả</h3>
          <div className="inline">
            <label>Thẩm quyền <input value={sign.authority} onChange={(e) => setSign({ ...sign, authority: e.target.value })} size={14} /></label>
            <label>Chức vụ <input value={sign.position} onChange={(e) => setSign({ ...sign, position: e.target.value })} size={16} /></label>
            <label>Người ký <input aria-label="Người ký phiếu" value={sign.signerName} onChange={(e) => setSign({ ...sign, signerName: e.target.value })} size={18} /></label>
            <button type="button" onClick={() => void apology()}>In phiếu xin lỗi</button>
          </div>
        </div>
      ) : null}
      {message ? <div className="notice" role="status">{message}</div> : null}
      <DeleteButton kind="tthc" id={d.id} onDeleted={() => { onChanged(); onClose(); }} />
    </aside>
  );
}
