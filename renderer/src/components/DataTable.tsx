/**
 * The product's table: TanStack Table for sorting and filtering, keyboard
 * navigation between rows (arrows, Home/End, Enter opens).
 */
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import {
  columnFilteringFeature,
  constructFilterFn,
  constructSortFn,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  columnSizingFeature,
  type ColumnDef,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import { compareVi, foldVietnamese } from '../../../shared/text';

const asText = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export const features = tableFeatures({
  columnSizingFeature,
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: {
    // Vietnamese order (A Ă Â B … Đ …), numbers as numbers.
    vi: constructSortFn({
      sort: (a: unknown, b: unknown) =>
        typeof a === 'number' && typeof b === 'number' ? a - b : compareVi(asText(a), asText(b)),
    }),
  },
  filterFns: {
    // "dat dai" finds "Đất đai": both sides folded, đ included.
    viIncludes: constructFilterFn({
      filter: (value: unknown, wanted: unknown) => foldVietnamese(asText(value)).includes(asText(wanted)),
      resolveFilterValue: (v: unknown) => foldVietnamese(asText(v)),
      autoRemove: (v: unknown) => asText(v).trim() === '',
    }),
  },
});

export type Column<T extends RowData> = ColumnDef<typeof features, T>;

interface DataTableProps<T extends RowData> {
  columns: Column<T>[];
  data: T[];
  globalFilter?: string;
  getRowId: (row: T) => string;
  onOpen?: (row: T) => void;
  emptyText: string;
  label: string;
  initialSort?: SortingState;
}

export function DataTable<T extends RowData>({ columns, data, globalFilter, getRowId, onOpen, emptyText, label, initialSort }: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(initialSort ?? []);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r: T) => getRowId(r),
    state: { sorting, globalFilter: globalFilter ?? '' },
    onSortingChange: setSorting,
    globalFilterFn: 'viIncludes',
    enableSortingRemoval: false,
  });
  const body = useRef<HTMLTableSectionElement>(null);

  function onKey(e: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-row]');
    if (!rows) return;
    const go = (i: number) => rows[Math.max(0, Math.min(rows.length - 1, i))]?.focus();
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(rows.length - 1);
    else if (e.key === 'Enter' && onOpen) onOpen(row);
    else return;
    e.preventDefault();
  }

  const rows = table.getRowModel().rows;
  return (
    <table className="data-table" aria-label={label}>
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => {
              const dir = h.column.getIsSorted();
              const sortable = h.column.getCanSort();
              const content: ReactNode = h.isPlaceholder ? null : <table.FlexRender header={h} />;
              return (
                <th
                  key={h.id}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  style={h.column.columnDef.size ? { width: h.column.columnDef.size } : undefined}
                >
                  {sortable ? (
                    <button type="button" className="th-sort" onClick={h.column.getToggleSortingHandler()}>
                      {content}
                      <span className="sort-mark" aria-hidden="true">
                        {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    content
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody ref={body}>
        {rows.length === 0 ? (
          <tr>
            <td className="empty" colSpan={columns.length}>
              {emptyText}
            </td>
          </tr>
        ) : (
          rows.map((row, i) => (
            <tr
              key={row.id}
              data-row=""
              tabIndex={0}
              onKeyDown={(e) => onKey(e, i, row.original)}
              onDoubleClick={() => onOpen?.(row.original)}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
