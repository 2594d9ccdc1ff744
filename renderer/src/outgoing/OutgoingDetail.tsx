/** One outgoing document: issue a number, cancel it, record the sending. */
import { useEffect, useState } from 'react';
import type { Outgoing } from '../../../shared/api/outgoing';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { outgoingStatusLabels } from '../../../shared/documents/fields';
import { call, fetchValue } from '../api/client';
import { Attachments } from '../components/Attachments';
import { DeleteButton } from '../components/DeleteButton';

export function OutgoingDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const today = toIsoDate(new Date());
  const [doc, setDoc] = useState<Outgoing | null>(null);
  const [date, setDate] = useState(formatDateVi(today));
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    fetchValue('outgoing.get', { id }).then(setDoc).catch((e: Error) => setMessage(e.message));
  }, [id]);
  if (!doc) return <div className="panel wide">{message ?? 'Đang tải…'}</div>;

  async function act(kind: 'issue' | 'cancel' | 'sent') {
    const d = parseDateVi(date, today);
    if (kind !== 'cancel' && !d) return setMessage('Ngày: nhập dạng ngày/tháng/năm.');
    let r;
    if (kind === 'issue') r = await call('outgoing.issue', { id, issueDate: d! });
    else if (kind === 'sent') r = await call('outgoing.markSent', { id, transferDate: d! });
    else {
      const reason = window.prompt('Lý do hủy số (số vẫn được giữ trong sổ):') ?? '';
      if (!reason.trim()) return;
      r = await call('outgoing.cancelNumber', { id, reason });
    }
    if (!r.ok) return setMessage(r.error.message);
    setDoc(r.value);
    setMessage(kind === 'issue' ? `Đã cấp số: ${r.value.notation}` : kind === 'sent' ? 'Đã ghi nhận chuyển phát.' : 'Đã hủy số.');
    onChanged();
  }

  return (
    <aside className="panel wide" aria-label="Chi tiết văn bản đi">
      <div className="panel-head">
        <h2>{doc.notation ? `Văn bản ${doc.notation}` : `${doc.documentTypeName} (dự thảo)`}</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <p className="subject">{doc.subject}</p>
      <dl className="facts">
        <div><dt>Tình trạng</dt><dd>{outgoingStatusLabels[doc.status]}</dd></div>
        {doc.issueDate ? <div><dt>Ngày ban hành</dt><dd>{formatDateVi(doc.issueDate)}</dd></div> : null}
        <div><dt>Đơn vị soạn thảo</dt><dd>{doc.draftingUnit?.name ?? ''}</dd></div>
        <div><dt>Người ký</dt><dd>{[doc.signingAuthority, doc.signerPosition, doc.signerName].filter(Boolean).join(' ')}</dd></div>
        <div><dt>Nơi nhận</dt><dd>{doc.recipients.map((r) => r.name).join('; ')}</dd></div>
        <div><dt>Bản lưu</dt><dd>{doc.archiveLine}</dd></div>
        {doc.cancelReason ? <div><dt>Lý do hủy số</dt><dd>{doc.cancelReason}</dd></div> : null}
      </dl>
      {doc.status !== 'cancelled' ? (
        <div className="form sub inline">
          <label htmlFor="og-date">{doc.status === 'draft' ? 'Ngày ban hành' : 'Ngày chuyển'}</label>
          <input id="og-date" value={date} onChange={(e) => setDate(e.target.value)} />
          {doc.status === 'draft' ? (
            <button type="button" className="primary" onClick={() => void act('issue')}>Cấp số</button>
          ) : (
            <>
              <button type="button" onClick={() => void act('sent')}>Đã chuyển</button>
              <button type="button" onClick={() => void act('cancel')}>Hủy số</button>
            </>
          )}
        </div>
      ) : null}
      <Attachments ownerKind="outgoing" ownerId={doc.id} />
      {doc.status === 'draft' ? <DeleteButton kind="outgoing" id={doc.id} onDeleted={() => { onChanged(); onClose(); }} /> : null}
    </aside>
  );
}
