/**
 * Văn bản chờ vào sổ: every document that arrived by the office mailbox, a
 * watched folder or a file brought in, until the clerk registers it or sets
 * it aside. Reloaded when anything changes or new items come.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import { intakeStatuses, intakeStatusLabels, type IntakeItem, type IntakeStatus } from '../../../shared/api/intake';
import { formatDateVi } from '../../../shared/dates';
import { call, fetchValue, onEvent, uploadFile } from '../api/client';
import { FilePicker } from '../components/FilePicker';
import { DuplicateFlag, IntakeItemView } from './IntakeItemView';
import { filesText, originKindLabels, originLines } from './labels';
import './intake.css';

const PAGE = 50;
const ACCEPTED = '.pdf,.docx,.edxml,.xml,.jpg,.jpeg,.png,.tif,.tiff';
type List = Output<'intake.list'>;

const tabLabels: Record<IntakeStatus, string> = { ...intakeStatusLabels, set_aside: 'Để riêng' };

function Row({ item, selected, onOpen }: { item: IntakeItem; selected: boolean; onOpen: () => void }) {
  const o = originLines(item.origin);
  const f = item.fields;
  const reading = item.reading === 'pending' ? <span className="muted">đang đọc…</span> : null;
  const cell = (v: string | null | undefined) => reading ?? v ?? '';
  return (
    <tr className={selected ? 'selected' : undefined} tabIndex={0} onClick={onOpen} onKeyDown={(e) => e.key === 'Enter' && onOpen()} aria-selected={selected}>
      <td>
        <div className="small muted">{originKindLabels[item.origin.kind]}</div>
        <div>{o.title}</div>
        {o.detail ? <div className="small">{o.detail}</div> : null}
        {o.at ? <div className="small muted">{o.at}</div> : null}
      </td>
      <td className="small">{item.files.length ? filesText(item) : <span className="muted">(nội dung thư)</span>}</td>
      <td className="nowrap">{cell(f?.notation)}</td>
      <td className="nowrap">{cell(f ? formatDateVi(f.documentDate) : null)}</td>
      <td>{cell(f?.senderName)}</td>
      <td>
        {cell(f?.subject ?? (item.origin.kind === 'mail' ? item.origin.subject : null))}
        {item.duplicate ? <div><DuplicateFlag item={item} /></div> : null}
        {item.status === 'set_aside' && item.setAsideReason ? <div className="small muted">Lý do để riêng: {item.setAsideReason}</div> : null}
      </td>
    </tr>
  );
}

export function IntakePage() {
  const [status, setStatus] = useState<IntakeStatus>('waiting');
  const [pages, setPages] = useState(1);
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    fetchValue('intake.list', { status, page: 1, pageSize: Math.min(500, PAGE * pages) })
      .then((l) => { if (live) { setList(l); setError(null); } })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [status, pages, reload]);
  useEffect(() => onEvent((e) => (e.type === 'data.changed' || e.type === 'intake.new') && refresh()), [refresh]);
  // The reader works in the background; while an item is being read, look again now and then.
  const pending = list?.items.some((i) => i.reading === 'pending') ?? false;
  useEffect(() => {
    if (!pending) return;
    const t = window.setInterval(refresh, 3000);
    return () => window.clearInterval(t);
  }, [pending, refresh]);

  async function addFiles(files: File[]) {
    setNote(`Đang đưa ${files.length} tệp vào danh sách chờ…`);
    const handles: { fileId: string }[] = [];
    for (const f of files) {
      const up = await uploadFile(f);
      if (!up.ok) return setNote(`${f.name}: ${up.error.message}`);
      handles.push({ fileId: up.value.fileId });
    }
    const r = await call('intake.addFiles', { files: handles });
    setNote(r.ok ? `Đã đưa ${r.value.items.length} văn bản vào danh sách chờ vào sổ.` : (r.error.fields[0]?.message ?? r.error.message));
    if (r.ok) setStatus('waiting');
    refresh();
  }

  const items = list?.items ?? [];
  return (
    <section className="page">
      <div className="page-head">
        <h1>Văn bản chờ vào sổ</h1>
        <div className="tabs" role="tablist" aria-label="Tình trạng">
          {intakeStatuses.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'tab active' : 'tab'} onClick={() => { setStatus(s); setPages(1); setOpen(null); }}>
              {tabLabels[s]} ({list?.counts[s] ?? 0})
            </button>
          ))}
        </div>
        <div className="actions">
          <FilePicker label="Thêm tệp vào danh sách chờ" multiple accept={ACCEPTED} title="Tệp từ ổ USB hoặc thư mục khác" onFiles={(f) => void addFiles(f)}>Thêm tệp…</FilePicker>
        </div>
      </div>
      <p className="muted small">Văn bản đến qua hộp thư cơ quan và thư mục máy quét (Cài đặt → Hộp thư cơ quan, Thư mục theo dõi) tự vào đây. Mở một văn bản để xem tệp, rồi Vào sổ hoặc Để riêng.</p>
      {error ? <div className="form-message" role="alert">{error}</div> : null}
      {note ? <div className="notice" role="status">{note}</div> : null}
      {open !== null ? <IntakeItemView key={open} id={open} reading={items.find((i) => i.id === open)?.reading} onChanged={(m) => { setNote(m); refresh(); }} onClose={() => setOpen(null)} /> : null}
      <table className="grid intake-list" aria-label="Danh sách văn bản chờ vào sổ">
        <thead>
          <tr><th>Nguồn</th><th>Tệp</th><th>Số, ký hiệu</th><th>Ngày văn bản</th><th>Cơ quan gửi</th><th>Trích yếu</th></tr>
        </thead>
        <tbody>
          {items.map((i) => <Row key={i.id} item={i} selected={i.id === open} onOpen={() => setOpen(i.id)} />)}
          {list && items.length === 0 ? <tr><td colSpan={6} className="muted">{status === 'waiting' ? 'Không có văn bản nào chờ vào sổ.' : status === 'set_aside' ? 'Không có văn bản nào để riêng.' : 'Chưa có văn bản nào vào sổ từ danh sách này.'}</td></tr> : null}
        </tbody>
      </table>
      {list && list.total > items.length ? <button type="button" onClick={() => setPages((p) => p + 1)}>Xem thêm ({list.total - items.length} văn bản)</button> : null}
    </section>
  );
}
