import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Unit, UnitKind } from '../../../shared/api/units';
import { unitKindLabels } from '../../../shared/labels';
import { call, fetchValue } from '../api/client';
import { DataTable, type Column } from '../components/DataTable';
import { useAuth } from '../auth/AuthGate';
import { useAsk } from '../components/Dialog';
import { UnitForm } from './UnitForm';

type KindFilter = UnitKind | 'all';

export function UnitsPage() {
  const [units, setUnits] = useState<Unit[]>([]);
  const [kind, setKind] = useState<KindFilter>('internal');
  const [showArchived, setShowArchived] = useState(false);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { confirm } = useAsk();
  const { may } = useAuth();

  const load = useCallback(() => {
    fetchValue('units.list', { includeArchived: showArchived })
      .then((r) => setUnits(r.items))
      .catch((e: Error) => setMessage(e.message));
  }, [showArchived]);
  useEffect(load, [load]);

  const columns = useMemo<Column<Unit>[]>(() => {
    async function archive(u: Unit) {
      if (!(await confirm({ title: `Ngừng sử dụng đơn vị "${u.name}"?`, text: 'Dữ liệu cũ vẫn giữ nguyên và có thể dùng lại.', ok: 'Ngừng sử dụng', danger: true }))) return;
      const r = await call('units.archive', { id: u.id });
      setMessage(r.ok ? `Đã ngừng sử dụng "${u.name}".` : r.error.message);
      load();
    }
    async function restore(u: Unit) {
      const r = await call('units.restore', { id: u.id });
      setMessage(r.ok ? `Đã dùng lại "${u.name}".` : r.error.message);
      load();
    }
    const editable = may('units.update');
    return [
      { id: 'name', accessorKey: 'name', header: 'Tên đơn vị', sortFn: 'vi' },
      { id: 'abbreviation', accessorKey: 'abbreviation', header: 'Viết tắt', sortFn: 'vi', size: 110 },
      { id: 'kind', accessorFn: (u) => unitKindLabels[u.kind], header: 'Loại', sortFn: 'vi', size: 150 },
      { id: 'parentName', accessorKey: 'parentName', header: 'Đơn vị cấp trên', sortFn: 'vi' },
      { id: 'email', accessorKey: 'email', header: 'Thư điện tử', sortFn: 'vi' },
      { id: 'order', accessorKey: 'order', header: 'Thứ tự', sortFn: 'vi', size: 80 },
      {
        id: 'actions',
        header: '',
        enableSorting: false,
        enableGlobalFilter: false,
        size: 190,
        cell: ({ row }) => editable ? (
          <span className="row-actions">
            <button type="button" onClick={() => setEditing(row.original)}>
              Sửa
            </button>
            {row.original.archived ? (
              <button type="button" onClick={() => void restore(row.original)}>
                Dùng lại
              </button>
            ) : (
              <button type="button" onClick={() => void archive(row.original)}>
                Ngừng sử dụng
              </button>
            )}
          </span>
        ) : null,
      },
    ];
  }, [load, confirm, may]);

  const shown = useMemo(() => (kind === 'all' ? units : units.filter((u) => u.kind === kind)), [units, kind]);

  return (
    <section className="page">
      <div className="page-head">
        <h1>Đơn vị</h1>
        {may('units.create') ? (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            Thêm đơn vị
          </button>
        ) : null}
      </div>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Loại đơn vị">
          {(['internal', 'external', 'all'] as const).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setKind(k)}>
              {k === 'all' ? 'Tất cả' : unitKindLabels[k]}
            </button>
          ))}
        </div>
        <input
          type="search"
          className="filter"
          placeholder="Lọc theo tên, viết tắt… (gõ không dấu được)"
          aria-label="Lọc đơn vị"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="check">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Hiện cả đơn vị đã ngừng
          sử dụng
        </label>
      </div>
      {message ? (
        <div className="notice" role="status">
          {message}
        </div>
      ) : null}
      <div className="split">
        <div className="table-wrap">
          <DataTable
            label="Danh sách đơn vị"
            columns={columns}
            data={shown}
            globalFilter={filter}
            getRowId={(u) => String(u.id)}
            onOpen={(u) => setEditing(u)}
            emptyText="Chưa có đơn vị nào. Bấm “Thêm đơn vị” để bắt đầu."
          />
          <div className="table-foot">{shown.length} đơn vị</div>
        </div>
        {editing ? (
          <UnitForm
            key={editing === 'new' ? 'new' : editing.id}
            unit={editing === 'new' ? null : editing}
            units={units}
            defaultKind={kind === 'external' ? 'external' : 'internal'}
            onCancel={() => setEditing(null)}
            onSaved={(u) => {
              setEditing(null);
              setMessage(`Đã lưu "${u.name}".`);
              load();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
