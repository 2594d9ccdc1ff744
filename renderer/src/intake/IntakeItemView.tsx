/**
 * One document of the queue: its file beside what the reader found, and what
 * the clerk may do with it: register it (the incoming form opens filled, the
 * files attached by the core in the same transaction), set it aside with a
 * reason, or put a set-aside one back.
 */
import { useCallback, useEffect, useState } from 'react';
import type { DocumentFields, DocumentKind, DocumentRead } from '../../../shared/api/documents';
import type { ApiResult } from '../../../shared/api/errors';
import type { FileHandle } from '../../../shared/api/files';
import type { Incoming, IncomingRegisterInput } from '../../../shared/api/incoming';
import { intakeStatusLabels, type IntakeItem } from '../../../shared/api/intake';
import { formatDateVi } from '../../../shared/dates';
import { call, downloadFile, fetchValue } from '../api/client';
import { useAsk } from '../components/Dialog';
import { DocumentPreview } from '../incoming/DocumentPreview';
import type { ReadFile } from '../incoming/from-file';
import { IncomingForm } from '../incoming/IncomingForm';
import { signaturesOf } from '../incoming/useFileQueue';
import { originKindLabels, originLines, originSentence, sizeText } from './labels';

const noFields: DocumentFields = { senderName: null, notation: null, documentDate: null, documentType: null, subject: null, signerName: null, signerPosition: null, urgency: null, secrecy: null, pages: null, deadline: null };

function kindOf(name: string): DocumentKind {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (ext === 'pdf') return 'pdf-text';
  if (['jpg', 'jpeg', 'png', 'tif', 'tiff'].includes(ext)) return 'image';
  return ext === 'edxml' || ext === 'xml' ? 'edxml' : 'docx';
}

/** The reader's fields as the form takes them; a mail of its own text gives its subject. */
function readOf(item: IntakeItem, kind: DocumentKind): DocumentRead {
  const fields = item.fields ?? { ...noFields, subject: item.origin.kind === 'mail' ? item.origin.subject || null : null };
  return { kind, fields, signatures: [], sources: {}, senderHeader: null, recipients: [], sender: { unitId: null, organId: null }, attachments: [], text: null, edxml: null };
}

async function previewOf(item: IntakeItem, handle: FileHandle | undefined): Promise<{ shown: ReadFile; problem: string | null }> {
  if (!handle) return { shown: { file: new File([item.text ?? ''], 'thu.txt'), fileId: '', read: readOf(item, 'docx'), signatures: [] }, problem: null };
  const kind = kindOf(handle.name);
  const file = await downloadFile(handle);
  const signatures = kind === 'pdf-text' ? await signaturesOf(handle.fileId) : [];
  const shown = { file: file.ok ? file.value : new File([], handle.name), fileId: handle.fileId, read: readOf(item, file.ok ? kind : 'docx'), signatures };
  return { shown, problem: file.ok ? null : file.error.message };
}

/** What the reader found, or that it is still reading. */
export function FieldsRead({ item }: { item: IntakeItem }) {
  if (item.reading === 'pending') return <p className="muted">Đang đọc…</p>;
  if (!item.fields) return <p className="muted">{item.reading === 'failed' ? 'Không đọc được các trường từ tệp: hãy nhập tay khi vào sổ.' : 'Không có tệp để đọc.'}</p>;
  const f = item.fields;
  const rows: [string, string | null][] = [['Số, ký hiệu', f.notation], ['Ngày văn bản', f.documentDate ? formatDateVi(f.documentDate) : null], ['Cơ quan gửi', f.senderName], ['Trích yếu', f.subject]];
  return (
    <dl className="intake-fields">
      {rows.map(([k, v]) => (
        <div key={k}><dt>{k}</dt><dd>{v ?? <span className="muted">(chưa đọc được)</span>}</dd></div>
      ))}
    </dl>
  );
}

export function DuplicateFlag({ item }: { item: IntakeItem }) {
  if (!item.duplicate) return null;
  const kind = item.duplicate.kind === 'same-file' ? 'Trùng tệp' : 'Trùng văn bản';
  return <span className="mark urgent" title={item.duplicate.label}>{kind}: {item.duplicate.label}</span>;
}

interface Props {
  id: number;
  /** The list's word on the reading: the item is read again once the reader is done. */
  reading: IntakeItem['reading'] | undefined;
  onChanged: (message: string) => void;
  onClose: () => void;
}

export function IntakeItemView({ id, reading, onChanged, onClose }: Props) {
  const [data, setData] = useState<{ item: IntakeItem; files: FileHandle[] } | null>(null);
  const [shownFile, setShownFile] = useState(0);
  const [preview, setPreview] = useState<{ shown: ReadFile; problem: string | null } | null>(null);
  const [registering, setRegistering] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { prompt } = useAsk();
  const load = useCallback(() => {
    fetchValue('intake.get', { id }).then(setData).catch((e: Error) => setMessage(e.message));
  }, [id]);
  useEffect(load, [load, reading]);
  useEffect(() => {
    if (!data) return;
    let live = true;
    void previewOf(data.item, data.files[shownFile]).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [data, shownFile]);

  if (!data) return <div className="panel">{message ?? 'Đang mở…'}</div>;
  const { item, files } = data;
  const origin = originLines(item.origin);

  async function setAside() {
    const reason = await prompt({ title: 'Để riêng văn bản này?', text: 'Văn bản không vào sổ và chuyển sang mục Để riêng; có thể đưa lại vào hàng chờ sau.', ok: 'Để riêng', input: { label: 'Lý do để riêng' } });
    if (reason === null) return;
    const r = await call('intake.setAside', { id, reason });
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    onChanged(`Đã để riêng: ${origin.title}.`);
    load();
  }
  async function restore() {
    const r = await call('intake.restore', { id });
    if (!r.ok) return setMessage(r.error.message);
    onChanged(`Đã đưa lại vào hàng chờ: ${origin.title}.`);
    load();
  }
  /** intake.register answers the new document's id; the form shows its number, so the document is read back. */
  async function register(document: IncomingRegisterInput): Promise<ApiResult<Incoming>> {
    const r = await call('intake.register', { id, document });
    return r.ok ? call('incoming.get', { id: r.value.incomingId }) : r;
  }

  const attached = (
    <div className="notice small" aria-label="Tệp sẽ đính kèm">
      <div>{originSentence(item.origin)}</div>
      {files.length ? <div>Tệp đính kèm khi lưu: {item.files.map((f) => `${f.name} (${sizeText(f.size)})`).join(', ')}</div> : <div>Thư không có tệp đính kèm: trích yếu và các trường nhập theo nội dung thư bên trái.</div>}
    </div>
  );
  return (
    <div className="split intake-item">
      <div className="intake-preview">
        {files.length > 1 ? (
          <div className="tabs small" role="tablist" aria-label="Tệp của văn bản">
            {files.map((f, i) => <button key={f.fileId} type="button" role="tab" aria-selected={i === shownFile} className={i === shownFile ? 'tab active' : 'tab'} onClick={() => setShownFile(i)}>{f.name}</button>)}
          </div>
        ) : null}
        {preview?.problem ? <p className="muted">{preview.problem}</p> : null}
        {!files.length ? (
          <aside className="panel doc-preview" aria-label="Nội dung thư"><pre className="mail-text">{item.text ?? ''}</pre></aside>
        ) : preview && !preview.problem ? (
          <DocumentPreview key={preview.shown.fileId} item={preview.shown} source={null} />
        ) : null}
      </div>
      {registering && preview ? (
        <IncomingForm
          from={preview.shown}
          submit={register}
          note={attached}
          onSaved={(d) => {
            setRegistering(false);
            onChanged(`Đã vào sổ: số đến ${d.arrivalNumberText} — ${d.notation ?? ''} ${d.subject}`);
            load();
          }}
          onClose={() => setRegistering(false)}
        />
      ) : (
        <section className="panel wide" aria-label="Văn bản chờ vào sổ">
          <div className="panel-head">
            <h2>{originKindLabels[item.origin.kind]}</h2>
            <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
          </div>
          <p><strong>{origin.title}</strong><br />{origin.detail}{origin.at ? <><br /><span className="muted">{origin.at}</span></> : null}</p>
          <p className="muted small">{intakeStatusLabels[item.status]}{item.setAsideReason ? ` — lý do: ${item.setAsideReason}` : ''}</p>
          <DuplicateFlag item={item} />
          <FieldsRead item={item} />
          {message ? <div className="form-message" role="alert">{message}</div> : null}
          <div className="actions">
            {item.status === 'waiting' ? (
              <>
                <button type="button" className="primary" disabled={!preview} onClick={() => setRegistering(true)}>Vào sổ</button>
                <button type="button" onClick={() => void setAside()}>Để riêng…</button>
              </>
            ) : null}
            {item.status === 'set_aside' ? <button type="button" className="primary" onClick={() => void restore()}>Đưa lại vào hàng chờ</button> : null}
            {item.status === 'registered' && item.incomingId !== null ? <a className="button" href={`#/incoming?open=${item.incomingId}`}>Mở văn bản đã vào sổ</a> : null}
          </div>
        </section>
      )}
    </div>
  );
}
