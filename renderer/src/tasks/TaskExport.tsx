/** "In báo cáo": the task report (Excel/Word), a meeting-conclusion notice, or a unit's reminder list. */
import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/api/units';
import { toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { exportToFile } from '../components/exportFile';
import { DateInput } from '../components/DateInput';
import { Dialog } from '../components/Dialog';

type Kind = 'report' | 'conclusion' | 'reminders';

export function TaskExport({ units, onClose }: { units: Unit[]; onClose: () => void }) {
  const year = toIsoDate(new Date()).slice(0, 4);
  const [kind, setKind] = useState<Kind>('report');
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [format, setFormat] = useState<'xlsx' | 'docx'>('xlsx');
  const [sources, setSources] = useState<{ sourceText: string; tasks: number }[]>([]);
  const [sourceText, setSourceText] = useState('');
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState(units[0] ? String(units[0].id) : '');
  const [sign, setSign] = useState({ authority: 'TL. GIÁM ĐỐC', position: 'CHÁNH VĂN PHÒNG', signerName: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    fetchValue('tasks.sources', {}).then((r) => { setSources(r.items); setSourceText(r.items[0]?.sourceText ?? ''); }).catch(() => setSources([]));
  }, []);

  async function run() {
    setBusy(true);
    setMessage('Đang xuất…');
    setMessage(
      await exportToFile(
        () =>
          kind === 'report'
            ? call('exports.taskReport', { from: from ?? '', to: to ?? '', format })
            : kind === 'conclusion'
              ? call('exports.meetingConclusion', { sourceText, title, ...sign })
              : call('exports.taskReminders', { unitId: Number(unitId), ...sign }),
        (n) => `${n} dòng`,
      ),
    );
    setBusy(false);
  }
  const signFields = (
    <div className="inline">
      <label>Thẩm quyền <input value={sign.authority} onChange={(e) => setSign({ ...sign, authority: e.target.value })} size={14} /></label>
      <label>Chức vụ <input value={sign.position} onChange={(e) => setSign({ ...sign, position: e.target.value })} size={18} /></label>
      <label>Người ký <input aria-label="Người ký" value={sign.signerName} onChange={(e) => setSign({ ...sign, signerName: e.target.value })} size={18} /></label>
    </div>
  );

  return (
    <Dialog label="In báo cáo nhiệm vụ" onClose={onClose}>
        <h2>In báo cáo nhiệm vụ</h2>
        <div className="tabs small" role="tablist">
          {([['report', 'Báo cáo theo đơn vị'], ['conclusion', 'Thông báo kết luận'], ['reminders', 'Danh sách đôn đốc']] as const).map(([k, l]) => (
            <button key={k} type="button" role="tab" aria-selected={kind === k} className={kind === k ? 'tab active' : 'tab'} onClick={() => setKind(k)}>{l}</button>
          ))}
        </div>
        {kind === 'report' ? (
          <div className="inline">
            <label>Hạn từ <DateInput label="Từ ngày xuất" value={from} onChange={setFrom} /></label>
            <label>đến <DateInput label="Đến ngày xuất" value={to} onChange={setTo} /></label>
            <label>Định dạng{' '}
              <select value={format} onChange={(e) => setFormat(e.target.value as 'xlsx' | 'docx')} aria-label="Định dạng">
                <option value="xlsx">Excel (.xlsx)</option>
                <option value="docx">Word (.docx)</option>
              </select>
            </label>
          </div>
        ) : kind === 'conclusion' ? (
          <>
            <label className="block">Cuộc họp (nguồn giao)
              <select value={sourceText} onChange={(e) => setSourceText(e.target.value)} aria-label="Nguồn giao">
                {sources.length === 0 ? <option value="">(chưa có nhiệm vụ nào ghi nguồn giao)</option> : null}
                {sources.map((s) => <option key={s.sourceText} value={s.sourceText}>{s.sourceText} ({s.tasks} nhiệm vụ)</option>)}
              </select>
            </label>
            <label className="block">Trích yếu <input aria-label="Trích yếu thông báo" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng …" /></label>
            {signFields}
          </>
        ) : (
          <>
            <label className="block">Đơn vị
              <select value={unitId} onChange={(e) => setUnitId(e.target.value)} aria-label="Đơn vị đôn đốc">
                {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
            {signFields}
          </>
        )}
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>Xuất tệp</button>
          <button type="button" onClick={onClose}>Đóng</button>
        </div>
    </Dialog>
  );
}
