/** "Xóa": asks for the reason, then moves the record to the trash (it can be restored there). */
import { useState } from 'react';
import type { TrashKind } from '../../../shared/api/trash';
import { call } from '../api/client';

const methods = { incoming: 'incoming.delete', outgoing: 'outgoing.delete', tasks: 'tasks.delete', dossiers: 'dossiers.delete', tthc: 'tthc.delete' } as const;

export function DeleteButton({ kind, id, onDeleted }: { kind: TrashKind; id: number; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    const r = await call(methods[kind], { id, reason });
    if (!r.ok) return setError(r.error.fields[0]?.message ?? r.error.message);
    onDeleted();
  }
  if (!asking) return <button type="button" className="danger-link" onClick={() => setAsking(true)}>Xóa…</button>;
  return (
    <div className="form sub inline" aria-label="Xóa">
      <label>Lý do xóa <input aria-label="Lý do xóa" value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      <button type="button" className="danger" onClick={() => void confirm()}>Chuyển vào thùng rác</button>
      <button type="button" onClick={() => setAsking(false)}>Thôi</button>
      {error ? <div className="form-message" role="alert">{error}</div> : null}
    </div>
  );
}
