/** Văn bản đến: the register as a list with filters, the entry form and the detail panel; files dropped or picked are registered from what they say. */
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import type { FieldSource } from '../../../shared/api/documents';
import type { SortingState } from '@tanstack/react-table';
import type { Incoming, IncomingListInput } from '../../../shared/api/incoming';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { incomingStatuses, incomingStatusLabels, secrecyLabels, urgencyLabels } from '../../../shared/documents/fields';
import { documentTypes } from '../../../shared/documents/types';
import { typeAndSubject } from '../../../shared/text';
import { fetchValue, onEvent } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { hashNumber, listFiltersFromHash } from '../app/hash-query';
import { DateInput } from '../components/DateInput';
import { useAltKey } from '../components/keys';
import { RegisterExport } from '../components/RegisterExport';
import { ServerTable, type ServerColumn } from '../components/ServerTable';
import { usePagedList } from '../components/usePagedList';
import type { OpenRequest } from '../app/open-request';
import { IncomingDetail } from './IncomingDetail';
import { IncomingForm } from './IncomingForm';
import { DocumentPreview } from './DocumentPreview';
import { useFileQueue } from './useFileQueue';
import { ReadingProgress } from './ReadingProgress';
import { FilePicker } from '../components/FilePicker';

const ACCEPTED = '.pdf,.docx,.edxml,.xml,.jpg,.jpeg,.png,.tif,.tiff';

type Filters = Omit<IncomingListInput, 'page' | 'pageSize'>;

const subjectOf = (d: Incoming) => typeAndSubject(d.documentType === 'CV' ? null : d.documentTypeName, d.subject);

/** Secret and urgent documents are marked where the eye reads the subject. */
function Marks({ d }: { d: Incoming }) {
  return (
    <>
      {d.secrecy ? <span className="mark secret">{secrecyLabels[d.secrecy]}</span> : null}
      {d.urgency ? <span className="mark urgent">{urgencyLabels[d.urgency]}</span> : null}
    </>
  );
}

// Sized for 1366 px with the menu: the decree's columns a clerk reads every day; the document date on demand.
const columns: ServerColumn<Incoming>[] = [
  { id: 'arrivalNumber', header: 'Số đến', accessorFn: (d) => d.arrivalNumberText, width: 76 },
  { id: 'arrivalDate', header: 'Ngày đến', accessorFn: (d) => formatDateVi(d.arrivalDate), width: 98 },
  { id: 'senderName', header: 'Tác giả', accessorFn: (d) => d.senderName, width: 170, hover: (d) => d.senderName },
  { id: 'notation', header: 'Số, ký hiệu', accessorFn: (d) => d.notation ?? '', enableSorting: false, width: 128, hover: (d) => d.notation ?? '' },
  { id: 'documentDate', header: 'Ngày VB', accessorFn: (d) => formatDateVi(d.documentDate), width: 98, hiddenByDefault: true },
  { id: 'subject', header: 'Trích yếu', accessorFn: subjectOf, cell: ({ row }) => <><Marks d={row.original} />{subjectOf(row.original)}</>, hover: subjectOf },
  { id: 'lead', header: 'Đơn vị xử lý', accessorFn: (d) => d.leadUnit?.name ?? '', enableSorting: false, width: 150, hover: (d) => d.leadUnit?.name ?? '' },
  { id: 'deadline', header: 'Hạn xử lý', accessorFn: (d) => formatDateVi(d.deadline), width: 98 },
  { id: 'status', header: 'Tình trạng', accessorFn: (d) => incomingStatusLabels[d.status], enableSorting: false, width: 128, className: (d) => (d.overdue ? 'late' : '') },
];

const sortable: Record<string, IncomingListInput['sort']> = {
  arrivalNumber: 'arrivalNumber',
  arrivalDate: 'arrivalDate',
  senderName: 'senderName',
  documentDate: 'documentDate',
  subject: 'subject',
  deadline: 'deadline',
};

export function IncomingPage({ open }: { open?: OpenRequest | null }) {
  const { may } = useAuth();
  const year = toIsoDate(new Date()).slice(0, 4);
  // A chart on the home page may open this list for one month, the search box for its words.
  const [filters, setFilters] = useState<Filters>(() => listFiltersFromHash(year));
  const [sorting, setSorting] = useState<SortingState>([{ id: 'arrivalNumber', desc: true }]);
  const [units, setUnits] = useState<Unit[]>([]);
  // A notification or a queue item opens one document: #/incoming?open=ID.
  const [panel, setPanel] = useState<{ kind: 'form' } | { kind: 'detail'; id: number } | null>(() => {
    const id = hashNumber('open');
    return id === null ? null : { kind: 'detail', id };
  });
  const [reload, setReload] = useState(0);
  const [exporting, setExporting] = useState(false);
  const queue = useFileQueue();
  const [source, setSource] = useState<FieldSource | null>(null);
  const [queueNote, setQueueNote] = useState<{ text: string; problem: boolean } | null>(null);
  const mayRegister = may('incoming.register');
  const startFiles = (files: readonly File[]) => {
    if (!files.length || !mayRegister) return;
    setQueueNote(null);
    setPanel(null);
    queue.start([...files]);
  };
  const onDrop = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    startFiles([...e.dataTransfer.files]);
  };

  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items)).catch(() => setUnits([]));
  }, []);
  useAltKey('n', () => setPanel({ kind: 'form' }), may('incoming.register'));
  useEffect(() => {
    if (open) setPanel({ kind: 'detail', id: open.id });
  }, [open]);
  useEffect(() => onEvent((e) => e.type === 'data.changed' && setReload((n) => n + 1)), []);

  const sort = sorting[0];
  const query = useMemo(() => ({ ...filters, sort: sortable[sort?.id ?? ''] ?? 'arrivalNumber', dir: sort?.desc === false ? ('asc' as const) : ('desc' as const) }), [filters, sort]);
  const fetchPage = useCallback((f: typeof query, page: number) => fetchValue('incoming.list', { ...f, page, pageSize: 100 }), []);
  const list = usePagedList(fetchPage, query, reload);
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [k]: e.target.value || null });

  return (
    <section className="page" onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()} onDrop={onDrop}>
      <div className="page-head">
        <h1>Văn bản đến</h1>
        <div className="actions">
          {may('exports.incomingRegister') ? <button type="button" onClick={() => setExporting(true)}>In sổ</button> : null}
          {may('imports.registerXlsx') ? <a className="button" href="#/import">Nhập từ Excel</a> : null}
          {mayRegister ? (
            <FilePicker label="Chọn tệp văn bản đến" multiple accept={ACCEPTED} title="Hoặc kéo thả tệp vào trang này" onFiles={startFiles}>
              Vào sổ từ tệp…
            </FilePicker>
          ) : null}
          {mayRegister ? (
            <button type="button" className="primary" onClick={() => setPanel({ kind: 'form' })} title="Alt+N">
              Vào sổ văn bản đến (Alt+N)
            </button>
          ) : null}
        </div>
      </div>
      <div className="toolbar filters">
        <label>Từ <DateInput label="Từ ngày" value={filters.from ?? null} onChange={(from) => setFilters({ ...filters, from })} /></label>
        <label>đến <DateInput label="Đến ngày" value={filters.to ?? null} onChange={(to) => setFilters({ ...filters, to })} /></label>
        <select value={filters.status ?? ''} onChange={set('status')} aria-label="Tình trạng">
          <option value="">Mọi tình trạng</option>
          {incomingStatuses.map((s) => <option key={s} value={s}>{incomingStatusLabels[s]}</option>)}
        </select>
        <select value={filters.documentType ?? ''} onChange={set('documentType')} aria-label="Loại văn bản">
          <option value="">Mọi loại</option>
          {documentTypes.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
        </select>
        <select value={filters.unitId ?? ''} onChange={(e) => setFilters({ ...filters, unitId: e.target.value ? Number(e.target.value) : null })} aria-label="Đơn vị xử lý">
          <option value="">Mọi đơn vị</option>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
        <input type="search" className="filter" placeholder="Cơ quan gửi" value={filters.sender ?? ''} onChange={set('sender')} aria-label="Lọc theo cơ quan gửi" />
        <input type="search" className="filter" placeholder="Tìm trích yếu, số ký hiệu… (gõ không dấu được)" value={filters.q ?? ''} onChange={set('q')} aria-label="Lọc theo từ khóa" />
      </div>
      {list.error ? <div className="form-message" role="alert">{list.error}</div> : null}
      {queueNote ? <div className={queueNote.problem ? 'form-message' : 'notice'} role={queueNote.problem ? 'alert' : 'status'}>{queueNote.text}</div> : null}
      {queue.position ? (
        <div className="from-file">
          <div className="from-file-head">
            <strong>Tệp {queue.position.n}/{queue.position.of}</strong>
            <span>{queue.current ? (queue.current.state === 'ready' ? queue.current.item.file.name : queue.current.file.name) : ''}</span>
            {queue.position.of > 1 ? <button type="button" onClick={queue.next}>Bỏ qua tệp này</button> : null}
            <button type="button" onClick={queue.stop}>Thôi vào sổ từ tệp</button>
          </div>
          {queue.current?.state === 'reading' ? <ReadingProgress name={queue.current.file.name} /> : null}
          {queue.current?.state === 'failed' ? (
            <div className="form-message" role="alert">
              <p>{queue.current.message}</p>
              <button type="button" onClick={queue.next}>Sang tệp sau</button>
            </div>
          ) : null}
          {queue.current?.state === 'ready' ? (
            <div className="split">
              <DocumentPreview item={queue.current.item} source={source} />
              <IncomingForm
                key={queue.current.item.fileId}
                from={queue.current.item}
                onSourceFocus={setSource}
                onSaved={(d, problem) => {
                  const text = `Đã vào sổ tệp ${queue.position?.n ?? ''}/${queue.position?.of ?? ''}: số đến ${d.arrivalNumberText} — ${d.notation ?? ''} ${d.subject}`;
                  setQueueNote({ text: problem ?? text, problem: !!problem });
                  setSource(null);
                  setReload((n) => n + 1);
                  queue.next();
                }}
                onClose={queue.stop}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="split">
        <ServerTable
          label="Sổ văn bản đến"
          storageKey="incoming"
          columns={columns}
          rows={list.rows}
          total={list.total}
          totalExact={list.totalExact}
          hasMore={list.hasMore}
          loading={list.loading}
          sorting={sorting}
          onSortingChange={setSorting}
          onNeedMore={list.loadMore}
          onOpen={(d) => setPanel({ kind: 'detail', id: d.id })}
          getRowId={(d) => String(d.id)}
          selectedId={panel?.kind === 'detail' ? String(panel.id) : null}
          emptyText="Không có văn bản nào trong kỳ này. Bấm Alt+N để vào sổ, hoặc kéo thả tệp văn bản đến vào đây."
        />
        {panel?.kind === 'form' ? (
          <IncomingForm onSaved={() => setReload((n) => n + 1)} onClose={() => setPanel(null)} />
        ) : panel?.kind === 'detail' ? (
          <IncomingDetail key={panel.id} id={panel.id} units={units} onChanged={() => setReload((n) => n + 1)} onClose={() => setPanel(null)} />
        ) : null}
      </div>
      {exporting ? <RegisterExport kind="incoming" onClose={() => setExporting(false)} /> : null}
    </section>
  );
}
