/** Nộp lưu: the picked closed files go to the archive; the record and the index can be printed at once. */
import { useState } from 'react';
import type { Dossier } from '../../../shared/api/dossiers';
import type { Unit } from '../../../shared/api/units';
import { toIsoDate } from '../../../shared/dates';
import { call } from '../api/client';
import { DateInput } from '../components/DateInput';
import { exportToFile } from '../components/exportFile';
import { Dialog } from '../components/Dialog';

export function HandOverDialog({ files, units, onClose, onDone }: { files: Dossier[]; units: Unit[]; onClose: () => void; onDone: () => void }) {
  const [date, setDate] = useState<string | null>(toIsoDate(new Date()));
  const [giverUnitId, setGiverUnitId] = useState(files[0]?.keeperUnit ? String(files[0].keeperUnit.id) : '');
  const [giverPerson, setGiverPerson] = useState(files[0]?.keeperPerson ?? '');
  const [receiver, setReceiver] = useState('');
  const [handoverId, setHandoverId] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function submit() {
    const r = await call('dossiers.handOver', { ids: files.map((f) => f.id), date: date ?? '', giverUnitId: giverUnitId ? Number(giverUnitId) : null, giverPerson, receiver });
    if (!r.ok) return setMessage(r.error.fields.map((f) => f.message).join(' ') || r.error.message);
    setHandoverId(r.value.handoverId);
    setMessage(`Đã nộp lưu ${r.value.count} hồ sơ.`);
    onDone();
  }
  async function print(kind: 'record' | 'index') {
    if (handoverId === null) return;
    setMessage(
      await exportToFile(() => (kind === 'record' ? call('exports.handoverRecord', { handoverId }) : call('exports.handoverIndex', { handoverId, format: 'docx' })), (n) => `${n} hồ sơ`),
    );
  }
  return (
    <Dialog label="Nộp lưu hồ sơ" onClose={onClose}>
        <h2>Nộp lưu {files.length} hồ sơ vào Lưu trữ cơ quan</h2>
        <p className="muted">{files.map((f) => f.code).join(', ')}</p>
        {handoverId === null ? (
          <div className="inline">
            <label>Ngày giao nộp <DateInput label="Ngày giao nộp" value={date} onChange={setDate} /></label>
            <label>Đơn vị giao nộp
              <select value={giverUnitId} onChange={(e) => setGiverUnitId(e.target.value)} aria-label="Đơn vị giao nộp">
                <option value="">(cả cơ quan)</option>
                {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
            <label>Người giao <input aria-label="Người giao" value={giverPerson} onChange={(e) => setGiverPerson(e.target.value)} /></label>
            <label>Người nhận <input aria-label="Người nhận" value={receiver} onChange={(e) => setReceiver(e.target.value)} placeholder="Cán bộ lưu trữ" /></label>
          </div>
        ) : null}
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions">
          {handoverId === null ? (
            <button type="button" className="primary" onClick={() => void submit()}>Nộp lưu</button>
          ) : (
            <>
              <button type="button" className="primary" onClick={() => void print('record')}>In biên bản giao nhận</button>
              <button type="button" onClick={() => void print('index')}>In mục lục hồ sơ</button>
            </>
          )}
          <button type="button" onClick={onClose}>Đóng</button>
        </div>
    </Dialog>
  );
}
