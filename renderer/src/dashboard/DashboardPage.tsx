/** Tổng quan: registers by month against last year, tasks by unit and status, what needs action today, TTHC on time. Every chart opens the list behind it. */
import { useEffect, useRef, useState } from 'react';
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData } from 'chart.js';
import { Bar, getElementAtEvent } from 'react-chartjs-2';
import type { Dashboard } from '../../../shared/api/reports';
import { formatDateVi, formatNumberVi, toIsoDate } from '../../../shared/dates';
import { taskStatuses, taskStatusLabels } from '../../../shared/tasks/status';
import { fetchValue } from '../api/client';
import { FirstRunChecklist } from './FirstRunChecklist';
import './dashboard.css';

ChartJS.register(CategoryScale, LinearScale, BarElement, Tooltip, Legend);

const statusColours: Record<(typeof taskStatuses)[number], string> = {
  not_due: '#90a4ae', due_soon: '#f9a825', overdue: '#c62828', done_on_time: '#2e7d32', done_late: '#8d6e63', paused: '#b0bec5', cancelled: '#cfd8dc',
};
/** A long unit name on several lines, so that every unit's label is shown whole beside its bar. */
function wrapLabel(name: string, width = 26): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function DashboardPage() {
  const year = Number(toIsoDate(new Date()).slice(0, 4));
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const docsChart = useRef<ChartJS<'bar'>>(null);
  const tasksChart = useRef<ChartJS<'bar'>>(null);
  useEffect(() => {
    fetchValue('reports.dashboard', { year }).then(setD).catch((e: Error) => setError(e.message));
  }, [year]);
  if (error) return <div className="form-message" role="alert">{error}</div>;
  if (!d) return <p className="muted">Đang tải…</p>;

  const labels = d.months.map((m) => `T${m.month}`);
  const docs: ChartData<'bar'> = {
    labels,
    datasets: [
      { label: `Văn bản đến ${year}`, data: d.months.map((m) => m.incoming), backgroundColor: '#1565c0' },
      { label: `Văn bản đến ${year - 1}`, data: d.months.map((m) => m.incomingLastYear), backgroundColor: '#90caf9' },
      { label: `Văn bản đi ${year}`, data: d.months.map((m) => m.outgoing), backgroundColor: '#ef6c00' },
      { label: `Văn bản đi ${year - 1}`, data: d.months.map((m) => m.outgoingLastYear), backgroundColor: '#ffcc80' },
    ],
  };
  const tasks: ChartData<'bar'> = {
    labels: d.tasksByUnit.map((u) => wrapLabel(u.unitName)),
    datasets: taskStatuses.map((s) => ({ label: taskStatusLabels[s], data: d.tasksByUnit.map((u) => u.counts[s]), backgroundColor: statusColours[s] })),
  };
  function openDocs(e: React.MouseEvent<HTMLCanvasElement>) {
    const hit = docsChart.current ? getElementAtEvent(docsChart.current, e)[0] : undefined;
    if (!hit) return;
    const y = hit.datasetIndex % 2 === 0 ? year : year - 1;
    const m = String(hit.index + 1).padStart(2, '0');
    window.location.hash = `#/${hit.datasetIndex < 2 ? 'incoming' : 'outgoing'}?from=${y}-${m}-01&to=${y}-${m}-${monthEnd(y, hit.index + 1)}`;
  }
  function openTasks(e: React.MouseEvent<HTMLCanvasElement>) {
    const hit = tasksChart.current ? getElementAtEvent(tasksChart.current, e)[0] : undefined;
    const unit = hit ? d!.tasksByUnit[hit.index] : undefined;
    if (!hit || !unit) return;
    // The list opens on the period the chart counts, so that its total is the bar's.
    window.location.hash = `#/tasks?${unit.unitId ? `unitId=${unit.unitId}&` : ''}status=${taskStatuses[hit.datasetIndex]}&${yearPeriod}`;
  }
  const yearPeriod = `from=${year}-01-01&to=${year}-12-31`;
  const noDocs = d.months.every((m) => !m.incoming && !m.incomingLastYear && !m.outgoing && !m.outgoingLastYear);
  const noTasks = d.tasksByUnit.every((u) => taskStatuses.every((st) => !u.counts[st]));
  return (
    <section className="page dashboard">
      <FirstRunChecklist />
      <h1>Tổng quan năm {year}</h1>
      <div className="cards">
        <div className="card"><span>Văn bản đến từ đầu năm</span><b>{formatNumberVi(d.months.reduce((s, m) => s + m.incoming, 0))}</b></div>
        <div className="card"><span>Văn bản đi từ đầu năm</span><b>{formatNumberVi(d.months.reduce((s, m) => s + m.outgoing, 0))}</b></div>
        <div className="card"><span>Hồ sơ TTHC giải quyết đúng hạn</span><b>{d.tthc.onTimeRate === null ? '—' : `${formatNumberVi(d.tthc.onTimeRate)}%`}</b><small>{formatNumberVi(d.tthc.solvedOnTime)} đúng hạn, {formatNumberVi(d.tthc.solvedLate)} quá hạn</small></div>
      </div>
      <div className="charts">
        <figure>
          <figcaption>Văn bản đến, đi theo tháng (so với năm {year - 1}) — bấm vào cột để xem danh sách</figcaption>
          {noDocs ? (
            <p className="chart-empty">Chưa có văn bản đến, đi nào trong năm {year} và năm {year - 1}. Biểu đồ hiện khi có văn bản vào sổ.</p>
          ) : (
            <Bar ref={docsChart} data={docs} options={{ responsive: true, animation: false }} onClick={openDocs} aria-label="Văn bản theo tháng" role="img" />
          )}
        </figure>
        <figure>
          <figcaption>Nhiệm vụ có hạn trong năm {year} (và nhiệm vụ thường xuyên) theo đơn vị và tình trạng, tính đến ngày {formatDateVi(d.asOf)} — bấm để xem danh sách</figcaption>
          {noTasks ? (
            <p className="chart-empty">Chưa có nhiệm vụ nào có hạn trong năm {year}. Biểu đồ hiện khi có nhiệm vụ được giao.</p>
          ) : (
            // Tall enough for every unit's (wrapped) name: nothing is skipped or clipped.
            <div style={{ height: Math.max(220, 70 + d.tasksByUnit.length * 44) }}>
              <Bar
                ref={tasksChart}
                data={tasks}
                options={{ indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false, scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true, ticks: { autoSkip: false } } } }}
                onClick={openTasks}
                aria-label="Nhiệm vụ theo đơn vị"
                role="img"
              />
            </div>
          )}
        </figure>
      </div>
      <div className="lists">
        <div>
          <h2>Nhiệm vụ quá hạn <a className="small" href="#/tasks?status=overdue">({d.overdueTaskTotal}, kể cả các năm trước)</a></h2>
          <ul aria-label="Nhiệm vụ quá hạn">
            {d.overdueTasks.map((t) => <li key={t.taskId}><a href="#/tasks?status=overdue">{t.content}</a> <span className="muted">— {t.unitName ?? 'chung'}, hạn {formatDateVi(t.due)}</span></li>)}
            {d.overdueTasks.length === 0 ? <li className="muted">Không có.</li> : null}
          </ul>
        </div>
        <div>
          <h2>Văn bản đến cần xử lý (đến hạn hoặc quá hạn)</h2>
          <ul aria-label="Văn bản cần xử lý">
            {d.documentsToday.map((x) => <li key={x.id}><a href={`#/incoming?status=overdue`}>Số đến {x.number}{x.notation ? ` (${x.notation})` : ''}: {x.subject}</a> <span className="muted">— hạn {formatDateVi(x.deadline)}</span></li>)}
            {d.documentsToday.length === 0 ? <li className="muted">Không có.</li> : null}
          </ul>
        </div>
      </div>
    </section>
  );
}
