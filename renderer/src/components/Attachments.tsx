/** Files attached to a document: add (any file), open in the system viewer or download. */
import { useCallback, useEffect, useState } from 'react';
import type { Attachment } from '../../../shared/api/attachments';
import { formatNumberVi } from '../../../shared/dates';
import { call, fetchValue, saveFile, uploadFile } from '../api/client';
import { FilePicker } from './FilePicker';

export function Attachments({ ownerKind, ownerId }: { ownerKind: 'incoming' | 'outgoing'; ownerId: number }) {
  const [items, setItems] = useState<Attachment[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('attachments.list', { ownerKind, ownerId }).then((r) => setItems(r.items)).catch((e: Error) => setMessage(e.message));
  }, [ownerKind, ownerId]);
  useEffect(load, [load]);

  async function add(files: File[]) {
    for (const f of files) {
      const up = await uploadFile(f);
      const r = up.ok ? await call('attachments.add', { ownerKind, ownerId, fileId: up.value.fileId }) : up;
      setMessage(r.ok ? `Đã đính kèm "${f.name}".` : r.error.message);
    }
    load();
  }

  async function open(a: Attachment) {
    const r = await call('attachments.open', { id: a.id });
    if (!r.ok) return setMessage(r.error.message);
    if (!r.value.opened) setMessage(await saveFile(r.value.file));
  }

  return (
    <section className="sub" aria-label="Tệp đính kèm">
      <h3>Tệp đính kèm</h3>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <ul className="files">
        {items.map((a) => (
          <li key={a.id}>
            <button type="button" className="link" onClick={() => void open(a)}>{a.fileName}</button>
            <span className="muted"> ({formatNumberVi(Math.ceil(a.size / 1024))} KB)</span>
          </li>
        ))}
        {items.length === 0 ? <li className="muted">Chưa có tệp.</li> : null}
      </ul>
      <FilePicker label="Thêm tệp đính kèm" multiple onFiles={(files) => void add(files)}>Thêm tệp đính kèm…</FilePicker>
    </section>
  );
}
