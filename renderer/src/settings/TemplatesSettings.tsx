/** Mẫu văn bản: an office's own Word layout for an export, with the placeholders it may use. */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import type { TemplateExport } from '../../../shared/api/templates';
import { call, fetchValue, uploadFile } from '../api/client';
import { FilePicker } from '../components/FilePicker';

type Item = Output<'templates.list'>['items'][number];

export function TemplatesSettings() {
  const [items, setItems] = useState<Item[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('templates.list', {}).then((r) => setItems(r.items)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);
  async function upload(kind: TemplateExport, file: File | undefined) {
    if (!file) return;
    const up = await uploadFile(file);
    const r = up.ok ? await call('templates.set', { export: kind, fileId: up.value.fileId }) : up;
    setMessage(r.ok ? `Đã dùng mẫu ${file.name} (các ô: ${r.value.tags.join(', ') || 'không có'}).` : (r.error.fields[0]?.message ?? r.error.message));
    load();
  }
  async function remove(kind: TemplateExport) {
    const r = await call('templates.remove', { export: kind });
    setMessage(r.ok ? 'Đã trở lại bố cục có sẵn.' : r.error.message);
    load();
  }
  return (
    <section aria-label="Mẫu văn bản">
      <h2>Mẫu văn bản riêng</h2>
      <p className="muted">Tải lên tệp Word (.docx) có các ô như {'{thang}'}, {'{van_ban_den_thang}'}; danh sách lặp viết {'{#nhiem_vu_trong_tam}…{/nhiem_vu_trong_tam}'}.</p>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Mẫu văn bản">
        <thead><tr><th>Văn bản</th><th>Bố cục</th><th>Các ô dùng được</th><th /></tr></thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.export}>
              <td>{i.label}</td>
              <td>{i.custom ? 'Mẫu riêng' : 'Có sẵn'}</td>
              <td className="small">{i.placeholders.map((p) => `{${p}}`).join(' ')}</td>
              <td className="nowrap">
                <FilePicker label={`Tải mẫu cho ${i.label}`} accept=".docx" onFiles={([f]) => void upload(i.export as TemplateExport, f)}>Tải mẫu .docx…</FilePicker>
                {i.custom ? <button type="button" onClick={() => void remove(i.export as TemplateExport)}>Bỏ mẫu riêng</button> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
