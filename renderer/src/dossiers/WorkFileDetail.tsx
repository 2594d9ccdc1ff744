/** One work file: its documents (index), adding a document, closing, printing the index. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { dossierStateLabels, retentionLabel, type Dossier } from '../../../shared/api/dossiers';
import type { SearchHit } from '../../../shared/api/search';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';
import { DeleteButton } from '../components/DeleteButton';
import { exportToFile } from '../components/exportFile';
import { Field, FormMessage, useFormErrors } from '../components/form';

export function WorkFileDetail({ id, onChanged, onClose }: { id: number; onChanged: () => void; onClose: () => void }) {
  const [f, setF] = useState<Dossier | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('dossiers.get', { id }).then(setF).catch((e: Error) => setError(e.message));
  }, [id]);
  useEffect(load, [load]);
  if (error) return <div className="panel wide form-message">{error}</div>;
  if (!f) return <div className="panel wide">Đang tải…</div>;
  const changed = (d: Dossier) => {
    setF(d);
    onChanged();
  };
  const facts: [string, string][] = [
    ['Thời hạn bảo quản', retentionLabel(f.retention)],
    ['Đơn vị/người lập', [f.keeperUnit?.name, f.keeperPerson].filter(Boolean).join(' - ')],
    ['Trạng thái', dossierStateLabels[f.state] + (f.handover ? ` ngày ${formatDateVi(f.handover.date)} (${f.handover.receiver})` : '')],
    ['Thời gian tài liệu', f.startDate ? `${formatDateVi(f.startDate)} - ${formatDateVi(f.endDate)}` : ''],
    ['Số văn bản, số tờ', `${f.documentCount} văn bản, ${f.sheets} tờ`],
    ['Kết thúc công việc', formatDateVi(f.workEndedAt)],
    ['Hạn nộp lưu', formatDateVi(f.handoverDue)],
  ];
  async function printIndex() {
    setMessage(await exportToFile(() => call('exports.dossierIndex', { id: f!.id, format: 'docx' }), (n) => `${n} văn bản`));
  }
  return (
    <aside className="panel wide" aria-label="Chi tiết hồ sơ">
      <div className="panel-head">
        <h2>Hồ sơ {f.code}</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      <p className="subject">{f.title}</p>
      {f.handoverWarning ? <div className="form-message" role="alert">{f.handoverWarning === 'overdue' ? 'Hồ sơ đã quá hạn nộp lưu' : 'Hồ sơ sắp đến hạn nộp lưu'} ({formatDateVi(f.handoverDue)}).</div> : null}
      <dl className="facts">
        {facts.filter(([, v]) => v).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      <h3>Văn bản trong hồ sơ</h3>
      {f.documents.length ? (
        <table className="mini">
          <thead><tr><th>Số, ký hiệu</th><th>Ngày</th><th>Trích yếu</th><th>Tờ</th></tr></thead>
          <tbody>
            {f.documents.map((d) => <tr key={d.id}><td>{d.notation ?? ''}</td><td>{formatDateVi(d.date)}</td><td>{d.title}</td><td>{d.sheets}</td></tr>)}
          </tbody>
        </table>
      ) : <p className="muted">Chưa có văn bản nào.</p>}
      {f.documents.length ? <div className="actions"><button type="button" onClick={() => void printIndex()}>In mục lục văn bản</button></div> : null}
      {message ? <div className="notice" role="status">{message}</div> : null}
      {f.state === 'open' ? <AddRegistered file={f} onDone={changed} /> : null}
      {f.state === 'open' ? <AddDocument file={f} onDone={changed} /> : null}
      {f.state === 'open' && f.documentCount ? <CloseFile file={f} onDone={changed} /> : null}
      {f.state !== 'handed_over' ? <DeleteButton kind="dossiers" id={f.id} onDeleted={() => { onChanged(); onClose(); }} /> : null}
    </aside>
  );
}

/** A document already in the incoming or outgoing register, found as in Ctrl+K. */
function AddRegistered({ file, onDone }: { file: Dossier; onDone: (d: Dossier) => void }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  async function find(e: FormEvent) {
    e.preventDefault();
    const r = await call('search.global', { q, limit: 8 });
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setHits(r.value.hits);
    setMessage(r.value.hits.length ? null : 'Không tìm thấy văn bản nào.');
  }
  async function add(h: SearchHit) {
    const doc = h.kind === 'incoming' ? { kind: 'incoming' as const, incomingId: h.id } : { kind: 'outgoing' as const, outgoingId: h.id };
    const r = await call('dossiers.addDocuments', { id: file.id, documents: [doc] });
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setHits([]);
    setMessage(null);
    onDone(r.value);
  }
  return (
    <form className="form sub" onSubmit={find} noValidate aria-label="Đưa văn bản đến, đi vào hồ sơ">
      <h3>Đưa văn bản đến, đi vào hồ sơ</h3>
      <div className="inline">
        <input aria-label="Tìm văn bản đã vào sổ" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Số, ký hiệu hoặc trích yếu" />
        <button type="submit">Tìm</button>
      </div>
      {message ? <p className="muted">{message}</p> : null}
      <ul className="hits">
        {hits.map((h) => (
          <li key={`${h.kind}${h.id}`}>
            <button type="button" className="link" onClick={() => void add(h)}>{h.kind === 'incoming' ? 'Đến' : 'Đi'} {h.notation ?? ''} — {h.subject}</button>
          </li>
        ))}
      </ul>
    </form>
  );
}

function AddDocument({ file, onDone }: { file: Dossier; onDone: (d: Dossier) => void }) {
  const [v, setV] = useState({ notation: '', title: '', author: '', sheets: '1' });
  const [date, setDate] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('dossiers.addDocuments', { id: file.id, documents: [{ kind: 'other', notation: v.notation, date: date ?? '', title: v.title, author: v.author, sheets: Number(v.sheets) || 0 }] });
    if (!r.ok) return show(r.error);
    clear();
    setV({ notation: '', title: '', author: '', sheets: '1' });
    onDone(r.value);
  }
  const err = (k: string) => errors.byField[`documents.0.${k}`];
  return (
    <form className="form sub" onSubmit={submit} noValidate aria-label="Thêm văn bản vào hồ sơ">
      <h3>Thêm văn bản</h3>
      <FormMessage errors={errors} />
      <Field id="doc-notation" label="Số, ký hiệu" error={err('notation')}><input id="doc-notation" value={v.notation} onChange={(e) => setV({ ...v, notation: e.target.value })} /></Field>
      <Field id="doc-date" label="Ngày văn bản" required error={err('date')}><DateInput id="doc-date" label="Ngày văn bản" value={date} onChange={setDate} /></Field>
      <Field id="doc-title" label="Trích yếu" required error={err('title')}><textarea id="doc-title" rows={2} value={v.title} onChange={(e) => setV({ ...v, title: e.target.value })} /></Field>
      <Field id="doc-sheets" label="Số tờ" required error={err('sheets')}><input id="doc-sheets" inputMode="numeric" value={v.sheets} onChange={(e) => setV({ ...v, sheets: e.target.value })} /></Field>
      <div className="actions"><button type="submit">Thêm vào hồ sơ</button></div>
    </form>
  );
}

function CloseFile({ file, onDone }: { file: Dossier; onDone: (d: Dossier) => void }) {
  const [date, setDate] = useState<string | null>(toIsoDate(new Date()));
  const { errors, show } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('dossiers.close', { id: file.id, workEndedAt: date ?? '' });
    if (!r.ok) return show(r.error);
    onDone(r.value);
  }
  return (
    <form className="form sub inline" onSubmit={submit} noValidate aria-label="Kết thúc hồ sơ">
      <FormMessage errors={errors} />
      <Field id="close-date" label="Ngày kết thúc công việc" error={errors.byField.workEndedAt ?? errors.byField.id}><DateInput id="close-date" label="Ngày kết thúc công việc" value={date} onChange={setDate} /></Field>
      <button type="submit">Kết thúc hồ sơ</button>
    </form>
  );
}
