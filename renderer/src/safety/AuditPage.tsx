/** Nhật ký thay đổi: every change with who, when, what and the values before and after; filters and Excel. */
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/api/audit';
import { format } from 'date-fns';
import { toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';
import { exportToFile } from '../components/exportFile';

const entities: [string, string][] = [
  ['', 'Mọi đối tượng'], ['incoming', 'Văn bản đến'], ['outgoing', 'Văn bản đi'], ['tasks', 'Nhiệm vụ'], ['dossiers', 'Hồ sơ công việc'],
  ['tthc_dossiers', 'Hồ sơ TTHC'], ['units', 'Đơn vị'], ['agency', 'Cơ quan'], ['settings', 'Cài đặt'], ['calendar_days', 'Lịch ngày nghỉ'], ['database', 'Cơ sở dữ liệu'],
];

const cut = (v: string) => (v.length > 120 ? `${v.slice(0, 117)}…` : v);
const when = (iso: string) => format(new Date(iso), 'dd/MM/yyyy HH:mm');

export function AuditPage() {
  const today = toIsoDate(new Date());
  const [from, setFrom] = useState<string | null>(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState<string | null>(today);
  const [entity, setEntity] = useState('');
  const [data, setData] = useState<{ items: AuditEntry[]; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('audit.list', { from, to, entity: entity || null }).then(setData).catch((e: Error) => setMessage(e.message));
  }, [from, to, entity]);
  useEffect(load, [load]);
  async function exportXlsx() {
    setMessage(await exportToFile(() => call('exports.audit', { from: from ?? '', to: to ?? '', entity: entity || null }), (n) => `${n} dòng nhật ký`));
  }
  return (
    <section className="page">
      <h1>Nhật ký thay đổi</h1>
      <div className="toolbar inline">
        <label>Từ ngày <DateInput label="Nhật ký từ ngày" value={from} onChange={setFrom} /></label>
        <label>đến <DateInput label="Nhật ký đến ngày" value={to} onChange={setTo} /></label>
        <select aria-label="Đối tượng" value={entity} onChange={(e) => setEntity(e.target.value)}>
          {entities.map(([k, l]) => <option key={k} value={k}>{l}</option>)}
        </select>
        <button type="button" onClick={() => void exportXlsx()}>Xuất Excel</button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <p className="muted">{data ? `${data.total} thay đổi${data.total > data.items.length ? `, hiện ${data.items.length} mới nhất` : ''}.` : 'Đang tải…'}</p>
      <table className="grid audit" aria-label="Nhật ký thay đổi">
        <thead><tr><th>Thời điểm</th><th>Người thực hiện</th><th>Thao tác</th><th>Văn bản, hồ sơ…</th><th>Thay đổi (trước → sau)</th></tr></thead>
        <tbody>
          {(data?.items ?? []).map((e) => (
            <tr key={e.id}>
              <td className="nowrap">{when(e.at)}</td>
              <td>{e.actorName}</td>
              <td>{e.actionLabel}</td>
              <td>{e.record}</td>
              <td>
                <ul className="changes">
                  {e.changes.slice(0, 8).map((c) => (
                    <li key={c.field}>
                      <b>{c.label}</b>: {c.before ? <><s>{cut(c.before)}</s> → </> : null}{c.after ? cut(c.after) : <i>(để trống)</i>}
                    </li>
                  ))}
                  {e.changes.length > 8 ? <li className="muted">… và {e.changes.length - 8} trường khác</li> : null}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
