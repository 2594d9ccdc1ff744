/** Per-unit summary: counts by status in a table and a stacked bar chart; a click opens the list. */
import { useEffect, useState } from 'react';
import type { TaskSummary } from '../../../shared/api/tasks';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { taskStatuses, taskStatusLabels, type TaskStatus } from '../../../shared/tasks/status';
import { fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';

const colours: Record<TaskStatus, string> = {
  overdue: '#c62828',
  due_soon: '#ef8f00',
  not_due: '#1e6bb8',
  done_on_time: '#2e7d32',
  done_late: '#8d6e63',
  paused: '#9e9e9e',
  cancelled: '#cfcfcf',
};

/** Which occurrences the summary counts, said in words: the list opened from it counts the same. */
function periodText(p: { from: string | null; to: string | null }): string {
  const span = p.from && p.to ? `từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}` : p.from ? `từ ${formatDateVi(p.from)}` : p.to ? `đến ${formatDateVi(p.to)}` : null;
  return span ? `Đếm các nhiệm vụ có hạn ${span} và nhiệm vụ thường xuyên.` : 'Đếm mọi nhiệm vụ, không giới hạn hạn.';
}

export function TaskSummaryView({ reload, onPick }: { reload: number; onPick: (pick: { unitId: number | null; status: TaskStatus | null; from: string | null; to: string | null }) => void }) {
  const year = toIsoDate(new Date()).slice(0, 4);
  const [from, setFrom] = useState<string | null>(`${year}-01-01`);
  const [to, setTo] = useState<string | null>(`${year}-12-31`);
  const [data, setData] = useState<TaskSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchValue('tasks.summary', { from, to }).then(setData).catch((e: Error) => setError(e.message));
  }, [from, to, reload]);
  if (error) return <div className="form-message" role="alert">{error}</div>;
  if (!data) return <p>Đang tải…</p>;
  const max = Math.max(1, ...data.rows.map((r) => r.total));
  const totals = Object.fromEntries(taskStatuses.map((s) => [s, data.rows.reduce((n, r) => n + r.counts[s], 0)])) as Record<TaskStatus, number>;

  return (
    <div className="summary">
      <div className="toolbar filters">
        <label>Hạn từ <DateInput label="Hạn từ ngày" value={from} onChange={setFrom} /></label>
        <label>đến <DateInput label="Hạn đến ngày" value={to} onChange={setTo} /></label>
        <span className="muted" role="note" aria-label="Kỳ tổng hợp">{periodText(data)} Tính đến ngày {formatDateVi(data.asOf)}; sắp đến hạn: trong {data.dueSoonDays} ngày làm việc.</span>
      </div>
      <figure className="chart" aria-label="Biểu đồ nhiệm vụ theo đơn vị">
        <svg viewBox={`0 0 800 ${data.rows.length * 30 + 10}`} width="100%" role="img" aria-label="Số nhiệm vụ theo đơn vị và tình trạng">
          {data.rows.map((r, i) => {
            let x = 260;
            return (
              <g key={r.unitId ?? 'none'} transform={`translate(0 ${i * 30 + 5})`}>
                <text x={250} y={16} textAnchor="end" fontSize={13}>{r.unitName}</text>
                {taskStatuses.map((s) => {
                  const w = (r.counts[s] / max) * 500;
                  const rect = w > 0 ? <rect key={s} x={x} y={2} width={w} height={20} fill={colours[s]}><title>{`${taskStatusLabels[s]}: ${r.counts[s]}`}</title></rect> : null;
                  x += w;
                  return rect;
                })}
                <text x={x + 6} y={16} fontSize={12}>{r.total}</text>
              </g>
            );
          })}
        </svg>
        <figcaption className="legend">
          {taskStatuses.map((s) => <span key={s}><i style={{ background: colours[s] }} /> {taskStatusLabels[s]}</span>)}
        </figcaption>
      </figure>
      <table className="grid summary-table">
        <thead>
          <tr><th>Đơn vị</th><th>Tổng số</th>{taskStatuses.map((s) => <th key={s}>{taskStatusLabels[s]}</th>)}</tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.unitId ?? 'none'}>
              <th scope="row"><button type="button" className="link" onClick={() => onPick({ unitId: r.unitId, status: null, from, to })}>{r.unitName}</button></th>
              <td>{r.total}</td>
              {taskStatuses.map((s) => (
                <td key={s} className={r.counts[s] > 0 && s === 'overdue' ? 'status-overdue' : undefined}>
                  {r.counts[s] > 0 ? <button type="button" className="link" onClick={() => onPick({ unitId: r.unitId, status: s, from, to })}>{r.counts[s]}</button> : '–'}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total">
            <th scope="row">Tổng cộng</th>
            <td>{data.rows.reduce((n, r) => n + r.total, 0)}</td>
            {taskStatuses.map((s) => <td key={s}>{totals[s]}</td>)}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
