/** One incoming document: its fields, the handling assignment, completion, attachments. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Incoming } from '../../../shared/api/incoming';
import type { Input } from '../../../shared/api/index';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { incomingStatusLabels, receivedViaLabels, secrecyLabels, urgencyLabels } from '../../../shared/documents/fields';
import { call, fetchValue } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { Attachments } from '../components/Attachments';
import { CorrectionForm, type CorrectionField } from '../components/CorrectionForm';
import { useEscape } from '../components/keys';
import { DeleteButton } from '../components/DeleteButton';
import { Field, FormMessage, useFormErrors } from '../components/form';
import { HandlingSlipButton } from './HandlingSlipButton';

interface Props {
  id: number;
  units: Unit[];
  onChanged: () => void;
  onClose: () => void;
}

const correctable: CorrectionField[] = [
  { key: 'arrivalNumber', label: 'Số đến', kind: 'number', required: true, recorded: true },
  { key: 'arrivalDate', label: 'Ngày đến', kind: 'date', required: true, recorded: true },
  { key: 'senderName', label: 'Tác giả', required: true },
  { key: 'notation', label: 'Số, ký hiệu' },
  { key: 'documentDate', label: 'Ngày văn bản', kind: 'date' },
  { key: 'signerName', label: 'Người ký' },
  { key: 'subject', label: 'Trích yếu', kind: 'long', required: true },
  { key: 'recipientText', label: 'Đơn vị hoặc người nhận' },
  { key: 'note', label: 'Ghi chú' },
];

export function IncomingDetail({ id, units, onChanged, onClose }: Props) {
  const { may } = useAuth();
  const [doc, setDoc] = useState<Incoming | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEscape(() => (editing ? setEditing(false) : onClose()));
  useEffect(() => {
    fetchValue('incoming.get', { id }).then(setDoc).catch((e: Error) => setLoadError(e.message));
  }, [id]);
  if (loadError) return <div className="panel wide form-message">{loadError}</div>;
  if (!doc) return <div className="panel wide">Đang tải…</div>;

  const facts: [string, string][] = [
    ['Sổ', doc.registerName],
    ['Số đến', `${doc.arrivalNumberText} — ngày ${formatDateVi(doc.arrivalDate)}`],
    ['Tác giả', doc.senderName],
    ['Số, ký hiệu', doc.notation ?? ''],
    ['Ngày văn bản', formatDateVi(doc.documentDate)],
    ['Loại', doc.documentTypeName ?? ''],
    ['Người ký', doc.signerName ?? ''],
    ['Độ khẩn / độ mật', [doc.urgency ? urgencyLabels[doc.urgency] : '', doc.secrecy ? secrecyLabels[doc.secrecy] : ''].filter(Boolean).join(', ')],
    ['Hình thức nhận', doc.receivedVia ? receivedViaLabels[doc.receivedVia] : ''],
    ['Nơi đến', doc.origin ?? ''],
    ['Tình trạng', incomingStatusLabels[doc.status]],
    ['Đơn vị chủ trì', doc.leadUnit?.name ?? ''],
    ['Phối hợp', doc.coordinatingUnits.map((u) => u.name).join(', ')],
    ['Hạn xử lý', formatDateVi(doc.deadline)],
    ['Hoàn thành', formatDateVi(doc.completedAt)],
    ['Văn bản trả lời', doc.replyNotation ?? ''],
  ];
  const refresh = (d: Incoming) => {
    setDoc(d);
    onChanged();
  };
  const canEdit = may('incoming.update');
  return (
    <aside className="panel wide" aria-label="Chi tiết văn bản đến">
      <div className="panel-head">
        <h2>Văn bản đến số {doc.arrivalNumberText}</h2>
        {canEdit && !editing ? <button type="button" onClick={() => { setNotice(null); setEditing(true); }}>Sửa</button> : null}
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      {notice ? <div className="notice" role="status">{notice}</div> : null}
      {editing ? (
        <CorrectionForm
          label="Sửa văn bản đến"
          fields={correctable}
          initial={doc}
          save={(changes, reason) => call('incoming.update', { ...(changes as Partial<Input<'incoming.update'>>), id: doc.id, reason })}
          onSaved={(d) => { setEditing(false); setNotice('Đã lưu thay đổi; nhật ký ghi lại giá trị trước và sau.'); refresh(d); }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <p className="subject">{doc.subject}</p>
          <dl className="facts">
            {facts.filter(([, v]) => v).map(([k, v]) => (
              <div key={k}><dt>{k}</dt><dd className={k === 'Tình trạng' && doc.overdue ? 'overdue' : undefined}>{v}</dd></div>
            ))}
          </dl>
          <HandlingSlipButton id={doc.id} />
        </>
      )}
      <AssignForm doc={doc} units={units} onDone={refresh} />
      {doc.leadUnit ? <FollowUpTask doc={doc} /> : null}
      {!doc.completedAt ? <CompleteForm doc={doc} onDone={refresh} /> : null}
      <Attachments ownerKind="incoming" ownerId={doc.id} />
      <DeleteButton kind="incoming" id={doc.id} onDeleted={() => { onChanged(); onClose(); }} />
    </aside>
  );
}

function AssignForm({ doc, units, onDone }: { doc: Incoming; units: Unit[]; onDone: (d: Incoming) => void }) {
  const today = toIsoDate(new Date());
  const [lead, setLead] = useState(doc.leadUnit ? String(doc.leadUnit.id) : '');
  const [coord, setCoord] = useState<string[]>(doc.coordinatingUnits.map((u) => String(u.id)));
  const [deadline, setDeadline] = useState(formatDateVi(doc.deadline));
  const [instruction, setInstruction] = useState(doc.instruction ?? '');
  const { errors, show, clear, setErrors } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const d = deadline.trim() ? parseDateVi(deadline, today) : null;
    if (deadline.trim() && !d) return setErrors({ message: 'Chưa lưu được.', byField: { deadline: 'Hạn xử lý: nhập dạng ngày/tháng/năm.' } });
    if (!lead) return setErrors({ message: 'Chưa lưu được.', byField: { leadUnitId: 'Đơn vị chủ trì không được để trống.' } });
    const r = await call('incoming.assign', { id: doc.id, leadUnitId: Number(lead), coordinatingUnitIds: coord.map(Number), deadline: d, instruction });
    if (!r.ok) return show(r.error);
    clear();
    onDone(r.value);
  }
  return (
    <form className="form sub" onSubmit={submit} noValidate aria-label="Giao xử lý">
      <h3>Giao xử lý</h3>
      <FormMessage errors={errors} />
      <Field id="as-instruction" label="Ý kiến chỉ đạo" error={errors.byField.instruction}>
        <textarea id="as-instruction" rows={2} value={instruction} onChange={(e) => setInstruction(e.target.value)} />
      </Field>
      <Field id="as-lead" label="Đơn vị chủ trì" required error={errors.byField.leadUnitId}>
        <select id="as-lead" value={lead} onChange={(e) => setLead(e.target.value)}>
          <option value="">(chọn đơn vị)</option>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Field>
      <Field id="as-coord" label="Đơn vị phối hợp" error={errors.byField.coordinatingUnitIds} hint="Giữ Ctrl để chọn nhiều đơn vị">
        <select id="as-coord" multiple size={4} value={coord} onChange={(e) => setCoord([...e.target.selectedOptions].map((o) => o.value))}>
          {units.filter((u) => String(u.id) !== lead).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Field>
      <Field id="as-deadline" label="Hạn xử lý" error={errors.byField.deadline}>
        <input id="as-deadline" value={deadline} onChange={(e) => setDeadline(e.target.value)} placeholder="ngày/tháng/năm" />
      </Field>
      <div className="actions"><button type="submit" className="primary">Giao xử lý</button></div>
    </form>
  );
}

/** The leader's assignment becomes a task, so its deadline shows in the task lists and summaries. */
function FollowUpTask({ doc }: { doc: Incoming }) {
  const [created, setCreated] = useState<number | null>(null);
  const { errors, show } = useFormErrors();
  async function create() {
    const r = await call('tasks.createFromIncoming', { incomingId: doc.id });
    if (!r.ok) return show(r.error);
    setCreated(r.value.id);
  }
  return (
    <div className="form sub inline" aria-label="Nhiệm vụ theo dõi">
      {errors.message ? <div className="form-message" role="alert">{errors.byField.incomingId ?? errors.message}</div> : null}
      {created !== null ? (
        <p role="status">Đã tạo nhiệm vụ theo dõi mã {created}; xem ở trang Nhiệm vụ.</p>
      ) : (
        <button type="button" onClick={() => void create()}>Tạo nhiệm vụ theo dõi</button>
      )}
    </div>
  );
}

function CompleteForm({ doc, onDone }: { doc: Incoming; onDone: (d: Incoming) => void }) {
  const today = toIsoDate(new Date());
  const [date, setDate] = useState(formatDateVi(today));
  const { errors, show, setErrors } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const d = parseDateVi(date, today);
    if (!d) return setErrors({ message: 'Chưa lưu được.', byField: { completedAt: 'Ngày hoàn thành: nhập dạng ngày/tháng/năm.' } });
    const r = await call('incoming.complete', { id: doc.id, completedAt: d });
    if (!r.ok) return show(r.error);
    onDone(r.value);
  }
  return (
    <form className="form sub inline" onSubmit={submit} noValidate aria-label="Hoàn thành xử lý">
      <Field id="cp-date" label="Ngày hoàn thành" error={errors.byField.completedAt}>
        <input id="cp-date" value={date} onChange={(e) => setDate(e.target.value)} />
      </Field>
      <button type="submit">Ghi nhận hoàn thành</button>
    </form>
  );
}
