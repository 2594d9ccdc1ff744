/**
 * Registering an incoming document with the keyboard: Tab between fields,
 * Enter saves and opens the next empty form with the arrival date kept.
 * From a file, the form comes filled by the reader: each filled box says
 * where it was read and how sure, and the file is attached on saving.
 */
import { useEffect, useRef, useState, type FocusEvent, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { FieldSource } from '../../../shared/api/documents';
import type { ApiError } from '../../../shared/api/errors';
import type { ApiResult } from '../../../shared/api/errors';
import type { Incoming, IncomingRegisterInput } from '../../../shared/api/incoming';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { receivedViaLabels, receivedVias, secrecies, secrecyLabels, urgencies, urgencyLabels } from '../../../shared/documents/fields';
import { parseNotation } from '../../../shared/documents/notation';
import { documentTypes } from '../../../shared/documents/types';
import { call } from '../api/client';
import { useEscape } from '../components/keys';
import { Field, FormMessage, toFormErrors, useFormErrors } from '../components/form';
import { dateProblem } from '../../../shared/validation';
import { SenderInput } from './SenderInput';
import { attachRead, emptyIncoming as empty, keepSenderOrgan, percent, sourceOf, SURE, valuesFromRead, type ReadFile } from './from-file';
import { useDuplicateCheck } from './useDuplicateCheck';

/** The form's boxes by the reader's field names, to outline the one in focus on the page. */
const fieldOfBox: Record<string, string> = {
  'in-sender': 'senderName', 'in-notation': 'notation', 'in-docdate': 'documentDate', 'in-type': 'documentType',
  'in-subject': 'subject', 'in-signer': 'signerName', 'in-position': 'signerPosition', 'in-urgency': 'urgency',
  'in-secrecy': 'secrecy', 'in-pages': 'pages', 'in-deadline': 'deadline',
};

const MORE_KEY = 'vanthu.incoming.more';

function SourceMark({ source }: { source: FieldSource | null }) {
  if (!source) return null;
  const unsure = source.confidence < SURE;
  const where = `Đọc từ tệp, trang ${source.page}: “${source.text}” — độ tin cậy ${percent(source.confidence)}`;
  return (
    <span className={unsure ? 'source-mark unsure' : 'source-mark'} title={where} aria-label={unsure ? `Cần kiểm tra: ${where}` : where}>
      {unsure ? `? ${percent(source.confidence)}` : 'từ tệp'}
    </span>
  );
}

interface Props {
  /** With what went wrong after the document was registered (its file not attached), if anything. */
  onSaved: (d: Incoming, problem: string | null) => void;
  onClose: () => void;
  /** The file the form is filled from. */
  from?: ReadFile | undefined;
  /** The field in focus's place in the document, for the preview to outline. */
  onSourceFocus?: (source: FieldSource | null) => void;
  /** Registers in another way (a queue item, whose files the core attaches); by default incoming.register, then the file attached. */
  submit?: ((input: IncomingRegisterInput) => Promise<ApiResult<Incoming>>) | undefined;
  /** Under the title: what the document is registered from. */
  note?: ReactNode;
}

export function IncomingForm({ onSaved, onClose, from, onSourceFocus, submit: submitOther, note }: Props) {
  const today = toIsoDate(new Date());
  const [arrival, setArrival] = useState(formatDateVi(today));
  const read = from?.read ?? null;
  const [v, setV] = useState(() => (read ? valuesFromRead(read) : empty));
  const [typeAuto, setTypeAuto] = useState(true);
  // Once opened, the extra fields stay open for the next documents too; a file's extra fields open them as well.
  const [more, setMore] = useState(() => localStorage.getItem(MORE_KEY) === '1' || (!!read && ['signerName', 'urgency', 'secrecy', 'pages', 'deadline'].some((k) => sourceOf(read, k))));
  const [duplicate, setDuplicate] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, show, clear } = useFormErrors();
  const senderRef = useRef<HTMLDivElement>(null);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  useEscape(onClose);

  useEffect(() => {
    senderRef.current?.querySelector('input')?.focus();
  }, []);

  function onNotation(text: string) {
    const p = parseNotation(text);
    setV((old) => ({ ...old, notation: text, documentType: typeAuto && p?.typeCode ? p.typeCode : old.documentType }));
  }

  async function save(confirmDuplicate: boolean) {
    const arrivalDate = parseDateVi(arrival, today);
    const documentDate = v.documentDate.trim() ? parseDateVi(v.documentDate, today) : null;
    const deadline = v.deadline.trim() ? parseDateVi(v.deadline, today) : null;
    // A date that does not exist is said here; the rest of the form is still checked by the core, so every error shows at once.
    const local: Record<string, string> = {};
    const badArrival = dateProblem('Ngày đến', arrival, today);
    if (badArrival) local.arrivalDate = badArrival;
    const badDocument = v.documentDate.trim() ? dateProblem('Ngày văn bản', v.documentDate, today) : null;
    if (badDocument) local.documentDate = badDocument;
    const badDeadline = v.deadline.trim() ? dateProblem('Hạn xử lý', v.deadline, today) : null;
    if (badDeadline) local.deadline = badDeadline;
    setBusy(true);
    const sender = read ? await keepSenderOrgan(read, v.senderName, v.senderUnitId) : { ok: true as const, value: v.senderUnitId };
    if (!sender.ok) {
      setBusy(false);
      return show(sender.error);
    }
    // A sender agency just made must not be made again when a duplicate warning is confirmed.
    if (sender.value !== v.senderUnitId) setV((o) => ({ ...o, senderUnitId: sender.value }));
    const input: IncomingRegisterInput = {
      arrivalDate: arrivalDate ?? arrival,
      senderName: v.senderName,
      senderUnitId: sender.value,
      notation: v.notation,
      documentDate: documentDate ?? (v.documentDate.trim() || null),
      documentType: v.documentType || null,
      subject: v.subject,
      signerName: v.signerName,
      urgency: (v.urgency || null) as Incoming['urgency'],
      secrecy: (v.secrecy || null) as Incoming['secrecy'],
      pages: v.pages.trim() ? Number(v.pages) : null,
      receivedVia: (v.receivedVia || null) as Incoming['receivedVia'],
      recipientText: v.recipientText,
      note: v.note,
      deadline: deadline ?? (v.deadline.trim() || null),
      recognisedText: read?.text ?? null,
      confirmDuplicate,
    };
    const r = submitOther ? await submitOther(input) : await call('incoming.register', input);
    const attachError = r.ok && from && !submitOther ? await attachRead(from, r.value.id) : null;
    setBusy(false);
    if (!r.ok) {
      if (r.error.code === 'DUPLICATE') {
        clear();
        return setDuplicate(r.error);
      }
      setDuplicate(null);
      const server = toFormErrors(r.error);
      return setErrors({ message: server.message, byField: { ...server.byField, ...local } });
    }
    clear();
    setDuplicate(null);
    const problem = attachError ? `Đã vào sổ số đến ${r.value.arrivalNumberText} nhưng chưa đính kèm được tệp: ${attachError}` : null;
    if (problem) setErrors({ message: problem, byField: {} });
    setSaved(`Đã vào sổ: số đến ${r.value.arrivalNumberText} — ${r.value.notation ?? ''} ${r.value.subject}`);
    setV(empty);
    setTypeAuto(true);
    onSaved(r.value, problem);
    senderRef.current?.querySelector('input')?.focus();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(false);
  }

  function subjectKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void save(false);
    }
  }

  const err = errors.byField;
  const arrivalIso = parseDateVi(arrival, today);
  const documentIso = v.documentDate.trim() ? parseDateVi(v.documentDate, today) : null;
  const datedAfterArrival = !!arrivalIso && !!documentIso && documentIso > arrivalIso;
  const earlyDuplicate = useDuplicateCheck(v.senderName, v.notation, documentIso);
  const mark = (key: string) => <SourceMark source={sourceOf(read, key)} />;
  const focus = (e: FocusEvent<HTMLFormElement>) => onSourceFocus?.(sourceOf(read, fieldOfBox[e.target.id] ?? ''));
  return (
    <form className="form panel wide" onSubmit={submit} onFocus={focus} noValidate aria-label="Vào sổ văn bản đến">
      <div className="panel-head">
        <h2>Vào sổ văn bản đến</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      {note}
      {saved ? <div className="notice" role="status">{saved}</div> : null}
      <FormMessage errors={errors} />
      {duplicate ? (
        <div className="form-message" role="alert">
          <p>{duplicate.message}</p>
          <button type="button" onClick={() => void save(true)}>Vẫn vào sổ</button>
        </div>
      ) : null}
      <div className="grid2">
        <Field id="in-arrival" label="Ngày đến" required error={err.arrivalDate}>
          <input id="in-arrival" value={arrival} onChange={(e) => setArrival(e.target.value)} placeholder="ngày/tháng/năm" />
        </Field>
        <div ref={senderRef}>
          <Field id="in-sender" label="Tác giả (cơ quan gửi)" required error={err.senderName}>
            <SenderInput id="in-sender" value={v.senderName} invalid={!!err.senderName} onChange={(senderName, senderUnitId) => setV((o) => ({ ...o, senderName, senderUnitId }))} />
            {mark('senderName')}
          </Field>
        </div>
        <Field id="in-notation" label="Số, ký hiệu" error={err.notation} hint="Ví dụ 448/BC-STNMT: loại văn bản tự điền">
          <input id="in-notation" value={v.notation} onChange={(e) => onNotation(e.target.value)} />
          {mark('notation')}
        </Field>
        <Field id="in-docdate" label="Ngày văn bản" error={err.documentDate}>
          <input id="in-docdate" value={v.documentDate} onChange={set('documentDate')} placeholder="ngày/tháng/năm" />
          {datedAfterArrival ? (
            <div className="field-warning" role="status">
              Ngày văn bản {formatDateVi(documentIso)} sau ngày đến {formatDateVi(arrivalIso)}: hãy kiểm tra lại.
            </div>
          ) : null}
          {mark('documentDate')}
        </Field>
        <Field id="in-type" label="Loại văn bản" error={err.documentType}>
          <select id="in-type" value={v.documentType} onChange={(e) => { setTypeAuto(false); set('documentType')(e); }}>
            <option value="">(chưa chọn)</option>
            {documentTypes.map((t) => (
              <option key={t.code} value={t.code}>{t.name}</option>
            ))}
          </select>
          {mark('documentType')}
        </Field>
      </div>
      <Field id="in-subject" label="Trích yếu" required error={err.subject} hint="Enter để lưu, Shift+Enter để xuống dòng">
        <textarea id="in-subject" rows={3} value={v.subject} onChange={set('subject')} onKeyDown={subjectKey} />
        {mark('subject')}
      </Field>
      <button type="button" className="link" aria-expanded={more} onClick={() => { localStorage.setItem(MORE_KEY, more ? '0' : '1'); setMore(!more); }}>
        {more ? '▾' : '▸'} Thêm thông tin (người ký, độ khẩn, độ mật…)
      </button>
      {more ? (
        <div className="grid2">
          <Field id="in-signer" label="Người ký" error={err.signerName}>
            <input id="in-signer" value={v.signerName} onChange={set('signerName')} />
            {mark('signerName')}
          </Field>
          {v.signerPosition ? (
            <Field id="in-position" label="Chức vụ người ký" hint="Chỉ để đối chiếu: sổ không có cột này">
              <input id="in-position" value={v.signerPosition} readOnly />
              {mark('signerPosition')}
            </Field>
          ) : null}
          <Field id="in-urgency" label="Độ khẩn" error={err.urgency}>
            <select id="in-urgency" value={v.urgency} onChange={set('urgency')}>
              <option value="">Thường</option>
              {urgencies.map((u) => <option key={u} value={u}>{urgencyLabels[u]}</option>)}
            </select>
            {mark('urgency')}
          </Field>
          <Field id="in-secrecy" label="Độ mật" error={err.secrecy} hint="Văn bản mật vào sổ văn bản đến mật">
            <select id="in-secrecy" value={v.secrecy} onChange={set('secrecy')}>
              <option value="">Thường</option>
              {secrecies.map((s) => <option key={s} value={s}>{secrecyLabels[s]}</option>)}
            </select>
            {mark('secrecy')}
          </Field>
          <Field id="in-pages" label="Số trang" error={err.pages}>
            <input id="in-pages" inputMode="numeric" value={v.pages} onChange={set('pages')} />
            {mark('pages')}
          </Field>
          <Field id="in-deadline" label="Hạn xử lý (hạn trả lời)" error={err.deadline}>
            <input id="in-deadline" value={v.deadline} onChange={set('deadline')} placeholder="ngày/tháng/năm" />
            {mark('deadline')}
          </Field>
          <Field id="in-via" label="Hình thức nhận" error={err.receivedVia}>
            <select id="in-via" value={v.receivedVia} onChange={set('receivedVia')}>
              <option value="">(chưa chọn)</option>
              {receivedVias.map((r) => <option key={r} value={r}>{receivedViaLabels[r]}</option>)}
            </select>
          </Field>
          <Field id="in-recipient" label="Đơn vị hoặc người nhận" error={err.recipientText}>
            <input id="in-recipient" value={v.recipientText} onChange={set('recipientText')} />
          </Field>
          <Field id="in-note" label="Ghi chú" error={err.note}>
            <input id="in-note" value={v.note} onChange={set('note')} />
          </Field>
        </div>
      ) : null}
      {earlyDuplicate && !duplicate ? (
        <div className="form-message warn" role="status" aria-label="Cảnh báo trùng">
          {earlyDuplicate}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>Lưu (Enter)</button>
        <button type="button" onClick={onClose}>Đóng</button>
      </div>
    </form>
  );
}
