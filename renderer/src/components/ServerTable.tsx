/**
 * A table over server-side pages: TanStack Table with manual sorting, rows
 * virtualised (only what is on screen is in the DOM), the next page loaded
 * when the user scrolls near the end, keyboard navigation between rows.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { rowSortingFeature, tableFeatures, useTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table';
import { countVi } from '../../../shared/dates';
import { useColumnPrefs } from './columnPrefs';

const features = tableFeatures({ rowSortingFeature });
export type ServerColumn<T extends RowData> = ColumnDef<typeof features, T> & {
  id: string;
  header: string;
  width?: number;
  className?: (row: T) => string;
  /** Hidden until the user shows it (Cột…). */
  hiddenByDefault?: boolean;
  /** The full text on hover, where the cell cuts it short. */
  hover?: (row: T) => string;
};

interface Props<T extends RowData> {
  label: string;
  columns: ServerColumn<T>[];
  rows: T[];
  total: number;
  /** False when `total` is a lower bound ("hơn 1.000"); `hasMore` then says whether to read on. */
  totalExact?: boolean;
  hasMore?: boolean;
  loading: boolean;
  sorting: SortingState;
  onSortingChange: (s: SortingState) => void;
  onNeedMore: () => void;
  onOpen: (row: T) => void;
  getRowId: (row: T) => string;
  emptyText: string;
  selectedId?: string | null;
  /** Keeps the user's shown columns and widths under this name. */
  storageKey?: string;
}

const ROW_HEIGHT = 44;

export function ServerTable<T extends RowData>(p: Props<T>) {
  const { prefs, update } = useColumnPrefs(p.storageKey, p.columns.filter((c) => c.hiddenByDefault).map((c) => c.id));
  const [choosing, setChoosing] = useState(false);
  const columns = p.columns.filter((c) => !prefs.hidden.includes(c.id)).map((c) => ({ ...c, width: prefs.widths[c.id] ?? c.width }));
  const table = useTable({
    features,
    columns,
    data: p.rows,
    getRowId: (r: T) => p.getRowId(r),
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting: p.sorting },
    onSortingChange: (u) => p.onSortingChange(typeof u === 'function' ? u(p.sorting) : u),
  });
  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.id ?? i,
  });
  // A new first row means a new query (sort, filter): start again at the top.
  const firstId = p.rows[0] ? p.getRowId(p.rows[0]) : null;
  useEffect(() => {
    scroller.current?.scrollTo(0, 0);
  }, [firstId]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (!p.loading && (p.hasMore ?? p.rows.length < p.total) && lastIndex >= p.rows.length - 20) p.onNeedMore();
  }, [lastIndex, p]);

  function onKey(e: KeyboardEvent<HTMLDivElement>, index: number, row: T) {
    const go = (i: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, i));
      virtualizer.scrollToIndex(target);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${target}"]`)?.focus());
    };
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(rows.length - 1);
    else if (e.key === 'Enter') p.onOpen(row);
    else return;
    e.preventDefault();
  }

  const template = columns.map((c) => (c.width ? `${c.width}px` : 'minmax(240px, 1fr)')).join(' ');
  // Narrow windows scroll sideways; the header follows the body.
  const minWidth = columns.reduce((sum, c) => sum + (c.width ?? 240), 0);

  function startResize(e: MouseEvent, id: string) {
    e.preventDefault();
    e.stopPropagation();
    const cell = (e.currentTarget as HTMLElement).parentElement;
    const start = e.clientX;
    const from = cell?.getBoundingClientRect().width ?? 120;
    let widths = prefs.widths;
    const move = (m: globalThis.MouseEvent) => {
      widths = { ...prefs.widths, [id]: Math.max(60, Math.round(from + m.clientX - start)) };
      update({ ...prefs, widths }, false);
    };
    const up = () => {
      window.removeEventListener('mousemove', move);
      window.removeEventListener('mouseup', up);
      update({ ...prefs, widths });
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', up);
  }
  const toggle = (id: string) =>
    update({ ...prefs, hidden: prefs.hidden.includes(id) ? prefs.hidden.filter((x) => x !== id) : [...prefs.hidden, id] });
  const head = useRef<HTMLDivElement>(null);
  return (
    <div className="vtable" role="table" aria-label={p.label} aria-rowcount={p.totalExact === false ? -1 : p.total + 1}>
      <div className="vtable-head" role="rowgroup" ref={head}>
        {table.getHeaderGroups().map((g) => (
          <div key={g.id} role="row" className="vtable-row" style={{ gridTemplateColumns: template, minWidth }}>
            {g.headers.map((h) => {
              const dir = h.column.getIsSorted();
              return (
                <div key={h.id} role="columnheader" className="resizable" aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}>
                  {h.column.getCanSort() ? (
                    <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                      <table.FlexRender header={h} />
                      <span className="sort-mark" aria-hidden="true">{dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={h} />
                  )}
                  {p.storageKey ? <span className="col-resize" role="separator" aria-orientation="vertical" aria-label={`Kéo để đổi độ rộng cột ${columns.find((c) => c.id === h.column.id)?.header ?? ''}`} onMouseDown={(e) => startResize(e, h.column.id)} /> : null}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="vtable-body" ref={scroller} role="rowgroup" onScroll={(e) => head.current && (head.current.scrollLeft = e.currentTarget.scrollLeft)}>
        {rows.length === 0 ? (
          <div className="empty">{p.loading ? 'Đang tải…' : p.emptyText}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
            {items.map((item) => {
              const row = rows[item.index]!;
              const extra = p.columns.map((c) => c.className?.(row.original) ?? '').join(' ');
              return (
                <div
                  key={row.id}
                  role="row"
                  tabIndex={0}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={p.selectedId === row.id}
                  className={`vtable-row ${extra}`}
                  style={{ gridTemplateColumns: template, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onKeyDown={(e) => onKey(e, item.index, row.original)}
                  onClick={() => p.onOpen(row.original)}
                >
                  {row.getAllCells().map((cell, ci) => (
                    <div key={cell.id} role="cell" className="vtable-cell" title={columns[ci]?.hover?.(row.original)}>
                      <table.FlexRender cell={cell} />
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
      <div className="table-foot">
        <span>
          {p.totalExact === false ? `Đang hiện ${p.rows.length} / ${countVi(p.total, false)} dòng` : p.rows.length < p.total ? `Đang hiện ${p.rows.length} / ${p.total} dòng` : `${p.total} dòng`}
          {p.loading ? ' — đang tải…' : ''}
        </span>
        {p.storageKey ? (
          <span className="column-chooser">
            <button type="button" className="link" aria-expanded={choosing} onClick={() => setChoosing(!choosing)}>Cột hiển thị…</button>
            {choosing ? (
              <fieldset className="column-menu">
                <legend>Cột hiển thị (kéo mép tiêu đề cột để đổi độ rộng)</legend>
                {p.columns.map((c) => (
                  <label key={c.id} className="check">
                    <input type="checkbox" checked={!prefs.hidden.includes(c.id)} onChange={() => toggle(c.id)} /> {c.header}
                  </label>
                ))}
                <button type="button" className="link" onClick={() => update({ hidden: p.columns.filter((c) => c.hiddenByDefault).map((c) => c.id), widths: {} })}>Trở về mặc định</button>
              </fieldset>
            ) : null}
          </span>
        ) : null}
      </div>
    </div>
  );
}
