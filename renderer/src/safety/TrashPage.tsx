/** Thùng rác: what was deleted, by whom and why; restore it, or purge it for good. */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import { trashKindLabels, trashKinds, type TrashKind } from '../../../shared/api/trash';
import { call, fetchValue } from '../api/client';

type Item = Output<'trash.list'>['items'][number];
const when = (iso: string) => new Date(iso).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' });

export function TrashPage() {
  const [kind, setKind] = useState<TrashKind | ''>('');
  const [items, setItems] = useState<Item[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('trash.list', { kind: kind || null }).then((r) => setItems(r.items)).catch((e: Error) => setMessage(e.message));
  }, [kind]);
  useEffect(load, [load]);
  async function act(it: Item, what: 'restore' | 'purge') {
    const r = what === 'restore' ? await call('trash.restore', { kind: it.kind, id: it.id }) : await call('trash.purge', { kind: it.kind, id: it.id });
    setMessage(r.ok ? (what === 'restore' ? `Đã khôi phục “${it.label}”.` : `Đã xóa hẳn “${it.label}”.`) : r.error.message);
    load();
  }
  return (
    <section className="page">
      <h1>Thùng rác</h1>
      <p className="muted">Những gì đã xóa vẫn được giữ ở đây và khôi phục được. “Xóa hẳn” thì không khôi phục được nữa.</p>
      <div className="toolbar">
        <select aria-label="Loại" value={kind} onChange={(e) => setKind(e.target.value as TrashKind | '')}>
          <option value="">Tất cả</option>
          {trashKinds.map((k) => <option key={k} value={k}>{trashKindLabels[k]}</option>)}
        </select>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Các mục đã xóa">
        <thead><tr><th>Loại</th><th>Nội dung</th><th>Xóa lúc</th><th>Người xóa</th><th>Lý do</th><th /></tr></thead>
        <tbody>
          {items.map((it) => (
            <tr key={`${it.kind}${it.id}`}>
              <td>{trashKindLabels[it.kind]}</td>
              <td>{it.label}</td>
              <td>{when(it.deletedAt)}</td>
              <td>{it.deletedBy ?? ''}</td>
              <td>{it.reason ?? ''}</td>
              <td className="nowrap">
                <button type="button" onClick={() => void act(it, 'restore')}>Khôi phục</button>{' '}
                <button type="button" className="danger" onClick={() => void act(it, 'purge')}>Xóa hẳn</button>
              </td>
            </tr>
          ))}
          {items.length === 0 ? <tr><td colSpan={6} className="muted">Thùng rác trống.</td></tr> : null}
        </tbody>
      </table>
    </section>
  );
}
