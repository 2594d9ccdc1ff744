/**
 * Registering an incoming document with the keyboard: Tab between fields,
 * Enter saves and opens the next empty form with the arrival date kept.
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Incoming } from '../../../shared/api/incoming';
import { formatDateVi, parseDateVi, toIsoDate } from '../../../shared/dates';
import { receivedViaLabels, receivedVias, secrecies, secrecyLabels, urgencies, urgencyLabels } from '../../../shared/documents/fields';
import { parseNotation } from '../../../shared/documents/notation';
import { documentTypes } from '../../../shared/documents/types';
import { call } from '../api/client';
import { useEscape } from '../components/keys';
import { Field, FormMessage, toFormErrors, useFormErrors } from '../components/form';
import { dateProblem } from '../../../shared/validation';
import { SenderInput } from './SenderInput';

const empty = {
  senderName: '',
  senderUnitId: null as number | null,
  notation: '',
  documentDate: '',
  documentType: '',
  subject: '',
  signerName: '',
  urgency: '',
  secrecy: '',
  pages: '',
  receivedVia: '',
  recipientText: '',
  note: '',
};

const MORE_KEY = 'vanthu.incoming.more';

interface Props {
  onSaved: (d: Incoming) => void;
  onClose: () => void;
}

export function IncomingForm({ onSaved, onClose }: Props) {
  const today = toIsoDate(new Date());
  const [arrival, setArrival] = useState(formatDateVi(today));
  const [v, setV] = useState(empty);
  const [typeAuto, setTypeAuto] = useState(true);
  // Once opened, the extra fields stay open for the next documents too.
  const [more, setMore] = useState(() => localStorage.getItem(MORE_KEY) === '1');
  const [duplicate, setDuplicate] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, clear } = useFormErrors();
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
    // A date that does not exist is said here; the rest of the form is still checked by the core, so every error shows at once.
    const local: Record<string, string> = {};
    const badArrival = dateProblem('Ngày đến', arrival, today);
    if (badArrival) local.arrivalDate = badArrival;
    const badDocument = v.documentDate.trim() ? dateProblem('Ngày văn bản', v.documentDate, today) : null;
    if (badDocument) local.documentDate = badDocument;
    setBusy(true);
    const r = await call('incoming.register', {
      arrivalDate: arrivalDate ?? arrival,
      senderName: v.senderName,
      senderUnitId: v.senderUnitId,
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
      confirmDuplicate,
    });
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
    setSaved(`Đã vào sổ: số đến ${r.value.arrivalNumberText} — ${r.value.notation ?? ''} ${r.value.subject}`);
    setV(empty);
    setTypeAuto(true);
    onSaved(r.value);
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
  return (
    <form className="form panel wide" onSubmit={submit} noValidate aria-label="Vào sổ văn bản đến">
      <div className="panel-head">
        <h2>Vào sổ văn bản đến</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
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
          </Field>
        </div>
        <Field id="in-notation" label="Số, ký hiệu" error={err.notation} hint="Ví dụ 448/BC-STNMT: loại văn bản tự điền">
          <input id="in-notation" value={v.notation} onChange={(e) => onNotation(e.target.value)} />
        </Field>
        <Field id="in-docdate" label="Ngày văn bản" error={err.documentDate}>
          <input id="in-docdate" value={v.documentDate} onChange={set('documentDate')} placeholder="ngày/tháng/năm" />
          {datedAfterArrival ? (
            <div className="field-warning" role="status">
              Ngày văn bản {formatDateVi(documentIso)} sau ngày đến {formatDateVi(arrivalIso)}: hãy kiểm tra lại.
            </div>
          ) : null}
        </Field>
        <Field id="in-type" label="Loại văn bản" error={err.documentType}>
          <select id="in-type" value={v.documentType} onChange={(e) => { setTypeAuto(false); set('documentType')(e); }}>
            <option value="">(chưa chọn)</option>
            {documentTypes.map((t) => (
              <option key={t.code} value={t.code}>{t.name}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="in-subject" label="Trích yếu" required error={err.subject} hint="Enter để lưu, Shift+Enter để xuống dòng">
        <textarea id="in-subject" rows={3} value={v.subject} onChange={set('subject')} onKeyDown={subjectKey} />
      </Field>
      <button type="button" className="link" aria-expanded={more} onClick={() => { localStorage.setItem(MORE_KEY, more ? '0' : '1'); setMore(!more); }}>
        {more ? '▾' : '▸'} Thêm thông tin (người ký, độ khẩn, độ mật…)
      </button>
      {more ? (
        <div className="grid2">
          <Field id="in-signer" label="Người ký" error={err.signerName}>
            <input id="in-signer" value={v.signerName} onChange={set('signerName')} />
          </Field>
          <Field id="in-urgency" label="Độ khẩn" error={err.urgency}>
            <select id="in-urgency" value={v.urgency} onChange={set('urgency')}>
              <option value="">Thường</option>
              {urgencies.map((u) => <option key={u} value={u}>{urgencyLabels[u]}</option>)}
            </select>
          </Field>
          <Field id="in-secrecy" label="Độ mật" error={err.secrecy} hint="Văn bản mật vào sổ văn bản đến mật">
            <select id="in-secrecy" value={v.secrecy} onChange={set('secrecy')}>
              <option value="">Thường</option>
              {secrecies.map((s) => <option key={s} value={s}>{secrecyLabels[s]}</option>)}
            </select>
          </Field>
          <Field id="in-pages" label="Số trang" error={err.pages}>
            <input id="in-pages" inputMode="numeric" value={v.pages} onChange={set('pages')} />
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
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>Lưu (Enter)</button>
        <button type="button" onClick={onClose}>Đóng</button>
      </div>
    </form>
  );
}
