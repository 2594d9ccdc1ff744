/** Văn bản đi: drafts and issued documents of the register. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';
import type { Outgoing, OutgoingListInput } from '../../../shared/api/outgoing';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { outgoingStatuses, outgoingStatusLabels } from '../../../shared/documents/fields';
import { typeAndSubject } from '../../../shared/text';
import { fetchValue, onEvent } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { listFiltersFromHash } from '../app/hash-query';
import { DateInput } from '../components/DateInput';
import { useAltKey } from '../components/keys';
import { RegisterExport } from '../components/RegisterExport';
import { ServerTable, type ServerColumn } from '../components/ServerTable';
import { usePagedList } from '../components/usePagedList';
import type { OpenRequest } from '../app/open-request';
import { OutgoingDetail } from './OutgoingDetail';
import { OutgoingForm } from './OutgoingForm';

type Filters = Omit<OutgoingListInput, 'page' | 'pageSize'>;

const columns: ServerColumn<Outgoing>[] = [
  { id: 'number', header: 'Số, ký hiệu', accessorFn: (d) => d.notation ?? '(chưa cấp số)', width: 170 },
  { id: 'issueDate', header: 'Ngày', accessorFn: (d) => formatDateVi(d.issueDate), width: 110 },
  { id: 'subject', header: 'Tên loại và trích yếu', accessorFn: (d) => typeAndSubject(d.documentType === 'CV' ? null : d.documentTypeName, d.subject) },
  { id: 'unit', header: 'Đơn vị soạn thảo', accessorFn: (d) => d.draftingUnit?.name ?? '', enableSorting: false, width: 200 },
  { id: 'recipients', header: 'Nơi nhận', accessorFn: (d) => d.recipients.map((r) => r.name).join('; '), enableSorting: false, width: 220 },
  { id: 'status', header: 'Tình trạng', accessorFn: (d) => outgoingStatusLabels[d.status], enableSorting: false, width: 120, className: (d) => (d.status === 'cancelled' ? 'cancelled' : '') },
];

export function OutgoingPage({ open }: { open?: OpenRequest | null }) {
  const { may } = useAuth();
  const year = toIsoDate(new Date()).slice(0, 4);
  // A chart on the home page may open this list for one month, the search box for its words.
  const [filters, setFilters] = useState<Filters>(() => listFiltersFromHash(year));
  const [sorting, setSorting] = useState<SortingState>([{ id: 'number', desc: true }]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [panel, setPanel] = useState<{ kind: 'form' } | { kind: 'detail'; id: number } | null>(null);
  const [reload, setReload] = useState(0);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items)).catch(() => setUnits([]));
  }, []);
  useEffect(() => onEvent((e) => e.type === 'data.changed' && setReload((n) => n + 1)), []);
  // Alt+N: a new draft, as Alt+N registers an incoming document on its page.
  useAltKey('n', () => setPanel({ kind: 'form' }), may('outgoing.createDraft'));
  useEffect(() => {
    if (open) setPanel({ kind: 'detail', id: open.id });
  }, [open]);
  const sort = sorting[0];
  const query = useMemo(
    () => ({ ...filters, sort: sort?.id === 'issueDate' ? ('issueDate' as const) : sort?.id === 'subject' ? ('subject' as const) : ('number' as const), dir: sort?.desc === false ? ('asc' as const) : ('desc' as const) }),
    [filters, sort],
  );
  const fetchPage = useCallback((f: typeof query, page: number) => fetchValue('outgoing.list', { ...f, page, pageSize: 100 }), []);
  const list = usePagedList(fetchPage, query, reload);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value || null });

  return (
    <section className="page">
      <div className="page-head">
        <h1>Văn bản đi</h1>
        <div className="actions">
          {may('exports.outgoingRegister') ? <button type="button" onClick={() => setExporting(true)}>In sổ</button> : null}
          {may('outgoing.createDraft') ? <button type="button" className="primary" onClick={() => setPanel({ kind: 'form' })} title="Alt+N">Văn bản đi mới (Alt+N)</button> : null}
        </div>
      </div>
      <div className="toolbar filters">
        <label>Từ <DateInput label="Từ ngày" value={filters.from ?? null} onChange={(from) => setFilters({ ...filters, from })} /></label>
        <label>đến <DateInput label="Đến ngày" value={filters.to ?? null} onChange={(to) => setFilters({ ...filters, to })} /></label>
        <select value={filters.status ?? ''} onChange={set('status')} aria-label="Tình trạng">
          <option value="">Mọi tình trạng</option>
          {outgoingStatuses.map((s) => <option key={s} value={s}>{outgoingStatusLabels[s]}</option>)}
        </select>
        <input type="search" className="filter" placeholder="Tìm trích yếu, số ký hiệu… (gõ không dấu được)" value={filters.q ?? ''} onChange={set('q')} aria-label="Lọc theo từ khóa" />
      </div>
      {list.error ? <div className="form-message" role="alert">{list.error}</div> : null}
      <div className="split">
        <ServerTable
          label="Sổ văn bản đi"
          columns={columns}
          rows={list.rows}
          total={list.total}
          loading={list.loading}
          sorting={sorting}
          onSortingChange={setSorting}
          onNeedMore={list.loadMore}
          onOpen={(d) => setPanel({ kind: 'detail', id: d.id })}
          getRowId={(d) => String(d.id)}
          selectedId={panel?.kind === 'detail' ? String(panel.id) : null}
          emptyText="Chưa có văn bản đi trong kỳ này."
        />
        {panel?.kind === 'form' ? (
          <OutgoingForm units={units} onClose={() => setPanel(null)} onSaved={(d) => setPanel({ kind: 'detail', id: d.id })} />
        ) : panel?.kind === 'detail' ? (
          <OutgoingDetail key={panel.id} id={panel.id} onChanged={() => setReload((n) => n + 1)} onClose={() => setPanel(null)} />
        ) : null}
      </div>
      {exporting ? <RegisterExport kind="outgoing" onClose={() => setExporting(false)} /> : null}
    </section>
  );
}
