/** Nhiệm vụ: the list of task occurrences, the per-unit summary and reading tasks from a document. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import type { TaskListInput, TaskRow } from '../../../shared/api/tasks';
import { taskSourceKinds } from '../../../shared/api/tasks';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi } from '../../../shared/dates';
import { taskStatuses, taskStatusLabels } from '../../../shared/tasks/status';
import { fetchValue, onEvent } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { DateInput } from '../components/DateInput';
import { ServerTable, type ServerColumn } from '../components/ServerTable';
import { usePagedList } from '../components/usePagedList';
import { TaskDetail } from './TaskDetail';
import { TaskExport } from './TaskExport';
import { TaskForm } from './TaskForm';
import { TaskImport } from './TaskImport';
import { TaskSummaryView } from './TaskSummaryView';
import { hashNumber, hashQuery } from '../app/hash-query';
import './tasks.css';

type Filters = Omit<TaskListInput, 'page' | 'pageSize' | 'sort' | 'dir'>;
type Tab = 'list' | 'summary' | 'import';

const sourceLabels: Record<(typeof taskSourceKinds)[number], string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  text: 'Trích dẫn văn bản khác',
  none: 'Không ghi nguồn',
};

const columns: ServerColumn<TaskRow>[] = [
  { id: 'content', header: 'Nội dung nhiệm vụ', accessorFn: (r) => (r.focus ? `★ ${r.content}` : r.content) },
  { id: 'unit', header: 'Đơn vị chủ trì', accessorFn: (r) => r.leadUnit?.name ?? '(chung)', width: 190 },
  { id: 'source', header: 'Nguồn giao', accessorFn: (r) => r.source ?? '', enableSorting: false, width: 170 },
  // Only a task planned as "thường xuyên" reads so; a one-off task without a deadline has none.
  { id: 'due', header: 'Hạn', accessorFn: (r) => (r.due ? formatDateVi(r.due) + (r.periodLabel ? ` (${r.periodLabel})` : '') : r.periodLabel ?? 'Không có hạn'), width: 210 },
  { id: 'status', header: 'Tình trạng', accessorFn: (r) => taskStatusLabels[r.status], enableSorting: false, width: 150, className: (r) => `task-${r.status}` },
  { id: 'progress', header: 'Tiến độ', accessorFn: (r) => (r.lastPercent !== null ? `${r.lastPercent}%` : ''), enableSorting: false, width: 80 },
];

export function TasksPage() {
  const { may } = useAuth();
  const [tab, setTab] = useState<Tab>('list');
  // The home page's chart opens the list of a unit and status, for the period it counts.
  const [filters, setFilters] = useState<Filters>(() => {
    const h = hashQuery();
    const status = h.get('status');
    return { unitId: hashNumber('unitId'), status: taskStatuses.find((s) => s === status) ?? null, from: h.get('from'), to: h.get('to') };
  });
  const [sorting, setSorting] = useState<SortingState>([{ id: 'due', desc: false }]);
  const [units, setUnits] = useState<Unit[]>([]);
  // A notification or a queue item opens one document: #/tasks?open=ID.
  const [panel, setPanel] = useState<{ kind: 'form' } | { kind: 'detail'; id: number } | null>(() => {
    const id = hashNumber('open');
    return id === null ? null : { kind: 'detail', id };
  });
  const [reload, setReload] = useState(0);
  /** "Đã lưu 19 nhiệm vụ." after an import, shown over the list it lands on. */
  const [saved, setSaved] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items)).catch(() => setUnits([]));
  }, [reload]);
  useEffect(() => onEvent((e) => e.type === 'data.changed' && setReload((n) => n + 1)), []);
  const sort = sorting[0];
  const query = useMemo(
    () => ({ ...filters, sort: sort?.id === 'content' ? ('content' as const) : sort?.id === 'unit' ? ('unit' as const) : ('due' as const), dir: sort?.desc ? ('desc' as const) : ('asc' as const) }),
    [filters, sort],
  );
  const fetchPage = useCallback((f: typeof query, page: number) => fetchValue('tasks.list', { ...f, page, pageSize: 100 }), []);
  const list = usePagedList(fetchPage, query, reload);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value || null });

  return (
    <section className="page">
      <div className="page-head">
        <h1>Nhiệm vụ</h1>
        <div className="tabs" role="tablist" aria-label="Xem nhiệm vụ">
          {(
            [
              ['list', 'Danh sách'],
              ['summary', 'Tổng hợp theo đơn vị'],
              ['import', 'Đọc từ văn bản'],
            ] as const
          ).filter(([k]) => k !== 'import' || may('tasks.importCommit')).map(([k, label]) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => { setTab(k); setSaved(null); }}>
              {label}
            </button>
          ))}
        </div>
        <div className="actions">
          {may('exports.taskReport') ? <button type="button" onClick={() => setExporting(true)}>In báo cáo</button> : null}
          {may('tasks.create') ? <button type="button" className="primary" onClick={() => { setTab('list'); setPanel({ kind: 'form' }); }}>Giao nhiệm vụ</button> : null}
        </div>
      </div>
      {tab === 'summary' ? (
        <TaskSummaryView reload={reload} onPick={(pick) => { setFilters(pick); setTab('list'); }} />
      ) : tab === 'import' ? (
        <TaskImport units={units} onDone={(message) => { setSaved(message); setTab('list'); setFilters({}); setReload((n) => n + 1); }} />
      ) : (
        <>
          {saved ? <div className="notice" role="status">{saved}</div> : null}
          <div className="toolbar filters">
            <select value={filters.unitId ?? ''} onChange={(e) => setFilters({ ...filters, unitId: e.target.value ? Number(e.target.value) : null })} aria-label="Đơn vị chủ trì">
              <option value="">Mọi đơn vị</option>
              {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
            <select value={filters.status ?? ''} onChange={set('status')} aria-label="Tình trạng">
              <option value="">Mọi tình trạng</option>
              {taskStatuses.map((s) => <option key={s} value={s}>{taskStatusLabels[s]}</option>)}
            </select>
            <select value={filters.source ?? ''} onChange={set('source')} aria-label="Nguồn giao">
              <option value="">Mọi nguồn giao</option>
              {taskSourceKinds.map((s) => <option key={s} value={s}>{sourceLabels[s]}</option>)}
            </select>
            <label>Hạn từ <DateInput label="Hạn từ ngày" value={filters.from ?? null} onChange={(from) => setFilters({ ...filters, from })} /></label>
            <label>đến <DateInput label="Hạn đến ngày" value={filters.to ?? null} onChange={(to) => setFilters({ ...filters, to })} /></label>
            <label className="check">
              <input type="checkbox" checked={filters.focus === true} onChange={(e) => setFilters({ ...filters, focus: e.target.checked ? true : null })} /> Trọng tâm
            </label>
            <input type="search" className="filter" placeholder="Tìm nội dung… (gõ không dấu được)" value={filters.q ?? ''} onChange={set('q')} aria-label="Lọc theo từ khóa" />
            <span className="quick">
              <button type="button" onClick={() => setFilters({ ...filters, status: 'overdue' })}>Quá hạn</button>
              <button type="button" onClick={() => setFilters({ ...filters, status: 'due_soon' })}>Sắp đến hạn</button>
            </span>
          </div>
          {list.error ? <div className="form-message" role="alert">{list.error}</div> : null}
          <div className="split">
            <ServerTable
              label="Danh sách nhiệm vụ"
              columns={columns}
              rows={list.rows}
              total={list.total}
              loading={list.loading}
              sorting={sorting}
              onSortingChange={setSorting}
              onNeedMore={list.loadMore}
              onOpen={(r) => setPanel({ kind: 'detail', id: r.taskId })}
              getRowId={(r) => String(r.occurrenceId)}
              selectedId={null}
              emptyText="Không có nhiệm vụ nào khớp bộ lọc."
            />
            {panel?.kind === 'form' ? (
              <TaskForm units={units} onClose={() => setPanel(null)} onSaved={(t) => setPanel({ kind: 'detail', id: t.id })} />
            ) : panel?.kind === 'detail' ? (
              <TaskDetail key={panel.id} id={panel.id} onChanged={() => setReload((n) => n + 1)} onClose={() => setPanel(null)} />
            ) : null}
          </div>
        </>
      )}
      {exporting ? <TaskExport units={units} onClose={() => setExporting(false)} /> : null}
    </section>
  );
}
