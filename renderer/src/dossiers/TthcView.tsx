/** Hồ sơ thủ tục hành chính: the period figures as the monthly report quotes them, and the list. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { tthcChannelLabels, tthcStatuses, tthcStatusLabels, type Procedure, type TthcDossier, type TthcStats } from '../../../shared/api/tthc';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';
import { ServerTable, type ServerColumn } from '../components/ServerTable';
import { usePagedList } from '../components/usePagedList';
import { TthcDetail } from './TthcDetail';
import { TthcForm } from './TthcForm';

type Filters = { status?: (typeof tthcStatuses)[number] | null; procedureId?: number | null; q?: string | null; from?: string | null; to?: string | null };

const columns: ServerColumn<TthcDossier>[] = [
  { id: 'code', header: 'Mã hồ sơ', accessorFn: (r) => r.code, enableSorting: false, width: 165 },
  { id: 'applicant', header: 'Tổ chức, cá nhân', accessorFn: (r) => r.applicantName, enableSorting: false, width: 180 },
  { id: 'procedure', header: 'Thủ tục', accessorFn: (r) => r.procedure.name, enableSorting: false },
  { id: 'received', header: 'Ngày nhận', accessorFn: (r) => formatDateVi(r.receivedAt), enableSorting: false, width: 100 },
  { id: 'due', header: 'Hẹn trả', accessorFn: (r) => formatDateVi(r.newDueDate ?? r.dueDate), enableSorting: false, width: 100 },
  { id: 'channel', header: 'Hình thức', accessorFn: (r) => tthcChannelLabels[r.channel], enableSorting: false, width: 160 },
  { id: 'status', header: 'Tình trạng', accessorFn: (r) => tthcStatusLabels[r.status], enableSorting: false, width: 215, className: (r) => `tthc-${r.status}` },
];

const figures: [keyof TthcStats, string][] = [
  ['received', 'Tiếp nhận mới'],
  ['carriedOver', 'Kỳ trước chuyển sang'],
  ['solvedOnTime', 'Giải quyết đúng hạn'],
  ['solvedLate', 'Giải quyết quá hạn'],
  ['inProgressOnTime', 'Đang giải quyết trong hạn'],
  ['inProgressLate', 'Đang giải quyết quá hạn'],
  ['withdrawn', 'Rút hồ sơ'],
  ['online', 'Nộp trực tuyến'],
];

function monthOf(today: string): [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return [`${today.slice(0, 7)}-01`, `${today.slice(0, 7)}-${String(last).padStart(2, '0')}`];
}

export function TthcView({ units, reload, onChanged }: { units: Unit[]; reload: number; onChanged: () => void }) {
  const [filters, setFilters] = useState<Filters>({});
  const [procedures, setProcedures] = useState<Procedure[]>([]);
  const [[from, to], setPeriod] = useState<[string | null, string | null]>(monthOf(toIsoDate(new Date())));
  const [stats, setStats] = useState<TthcStats | null>(null);
  const [panel, setPanel] = useState<{ kind: 'form' } | { kind: 'detail'; id: number } | null>(null);
  useEffect(() => {
    fetchValue('tthc.procedures', {}).then((r) => setProcedures(r.items)).catch(() => setProcedures([]));
  }, [reload]);
  useEffect(() => {
    if (from && to) fetchValue('tthc.stats', { from, to }).then(setStats).catch(() => setStats(null));
  }, [from, to, reload]);
  const query = useMemo(() => filters, [filters]);
  const fetchPage = useCallback((f: Filters, page: number) => fetchValue('tthc.list', { ...f, page, pageSize: 100 }), []);
  const list = usePagedList(fetchPage, query, reload);

  return (
    <>
      <div className="stats-box" aria-label="Số liệu kỳ báo cáo">
        <div className="inline">
          <label>Kỳ từ <DateInput label="Kỳ từ ngày" value={from} onChange={(v) => setPeriod([v, to])} /></label>
          <label>đến <DateInput label="Kỳ đến ngày" value={to} onChange={(v) => setPeriod([from, v])} /></label>
        </div>
        {stats ? (
          <dl className="figures">
            {figures.map(([k, label]) => <div key={k}><dt>{label}</dt><dd>{String(stats[k])}</dd></div>)}
          </dl>
        ) : null}
      </div>
      <div className="toolbar filters">
        <select value={filters.status ?? ''} onChange={(e) => setFilters({ ...filters, status: (e.target.value || null) as Filters['status'] })} aria-label="Tình trạng hồ sơ">
          <option value="">Mọi tình trạng</option>
          {tthcStatuses.map((s) => <option key={s} value={s}>{tthcStatusLabels[s]}</option>)}
        </select>
        <select value={filters.procedureId ?? ''} onChange={(e) => setFilters({ ...filters, procedureId: e.target.value ? Number(e.target.value) : null })} aria-label="Thủ tục">
          <option value="">Mọi thủ tục</option>
          {procedures.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
        <input type="search" className="filter" placeholder="Tìm mã hồ sơ, người nộp… (gõ không dấu được)" value={filters.q ?? ''} onChange={(e) => setFilters({ ...filters, q: e.target.value || null })} aria-label="Tìm hồ sơ" />
        <a className="button" href="#/import/tthc">Nhập từ Excel (một cửa)</a>
        <button type="button" className="primary" onClick={() => setPanel({ kind: 'form' })}>Tiếp nhận hồ sơ</button>
      </div>
      {list.error ? <div className="form-message" role="alert">{list.error}</div> : null}
      <div className="split">
        <ServerTable
          label="Danh sách hồ sơ thủ tục hành chính"
          columns={columns}
          rows={list.rows}
          total={list.total}
          loading={list.loading}
          sorting={[]}
          onSortingChange={() => undefined}
          onNeedMore={list.loadMore}
          onOpen={(r) => setPanel({ kind: 'detail', id: r.id })}
          getRowId={(r) => String(r.id)}
          emptyText="Không có hồ sơ nào khớp bộ lọc."
        />
        {panel?.kind === 'form' ? (
          <TthcForm procedures={procedures} units={units} onClose={() => setPanel(null)} onSaved={(d) => { setPanel({ kind: 'detail', id: d.id }); onChanged(); }} onProceduresChanged={onChanged} />
        ) : panel?.kind === 'detail' ? (
          <TthcDetail key={panel.id} id={panel.id} onChanged={onChanged} onClose={() => setPanel(null)} />
        ) : null}
      </div>
    </>
  );
}
