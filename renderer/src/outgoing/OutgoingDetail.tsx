/** One outgoing document: issue a number, cancel it, record the sending. */
import { useEffect, useState } from 'react';
import type { Outgoing } from '../../../shared/api/outgoing';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { outgoingStatusLabels } from '../../../shared/documents/fields';
import { call, fetchValue } from '../api/client';
import type { Input } from '../../../shared/api/index';
import { useAuth } from '../auth/AuthGate';
import { Attachments } from '../components/Attachments';
import { CorrectionForm, type CorrectionField } from '../components/CorrectionForm';
import { useAsk } from '../components/Dialog';
import { useEscape } from '../components/keys';
import { DeleteButton } from '../components/DeleteButton';

const correctable = (issued: boolean): CorrectionField[] => [
  ...(issued ? [{ key: 'issueDate', label: 'Ngày ban hành', kind: 'date' as const, required: true, recorded: true }] : []),
  { key: 'subject', label: 'Trích yếu', kind: 'long', required: true },
  { key: 'signerName', label: 'Người ký' },
  { key: 'signerPosition', label: 'Chức vụ người ký' },
  { key: 'copies', label: 'Số lượng bản', kind: 'number' },
  { key: 'note', label: 'Ghi chú' },
];

export function OutgoingDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const today = toIsoDate(new Date());
  const { may } = useAuth();
  const { confirm, prompt } = useAsk();
  const [doc, setDoc] = useState<Outgoing | null>(null);
  const [date, setDate] = useState(formatDateVi(today));
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  useEscape(() => (editing ? setEditing(false) : onClose()));
  useEffect(() => {
    fetchValue('outgoing.get', { id }).then(setDoc).catch((e: Error) => setMessage(e.message));
  }, [id]);
  if (!doc) return <div className="panel wide">{message ?? 'Đang tải…'}</div>;

  async function act(kind: 'issue' | 'cancel' | 'sent') {
    const d = parseDateVi(date, today);
    if (kind !== 'cancel' && !d) return setMessage('Ngày: nhập dạng ngày/tháng/năm.');
    let r;
    if (kind === 'issue') {
      const sure = await confirm({
        title: `Cấp số cho ${doc!.documentTypeName.toLowerCase()} này?`,
        text: `Số tiếp theo của sổ được cấp với ngày ban hành ${formatDateVi(d)}. Số đã cấp không thu hồi được (chỉ hủy số, số vẫn giữ trong sổ).`,
        ok: 'Cấp số',
      });
      if (!sure) return;
      r = await call('outgoing.issue', { id, issueDate: d! });
    } else if (kind === 'sent') r = await call('outgoing.markSent', { id, transferDate: d! });
    else {
      const reason = await prompt({
        title: `Hủy số ${doc!.notation ?? ''}?`,
        text: 'Số đã hủy vẫn được giữ trong sổ và không cấp lại cho văn bản khác.',
        ok: 'Hủy số',
        danger: true,
        input: { label: 'Lý do hủy số' },
      });
      if (reason === null) return;
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
        {may('outgoing.update') && doc.status !== 'cancelled' && !editing ? <button type="button" onClick={() => { setMessage(null); setEditing(true); }}>Sửa</button> : null}
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      {editing ? (
        <CorrectionForm
          label="Sửa văn bản đi"
          fields={correctable(doc.status !== 'draft')}
          initial={doc}
          save={(changes, reason) => call('outgoing.update', { ...(changes as Partial<Input<'outgoing.update'>>), id: doc.id, reason })}
          onSaved={(d) => { setEditing(false); setDoc(d); setMessage('Đã lưu thay đổi; nhật ký ghi lại giá trị trước và sau.'); onChanged(); }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
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
