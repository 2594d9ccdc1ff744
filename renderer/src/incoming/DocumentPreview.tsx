/**
 * The arrived document beside the form: a PDF drawn by pdf.js (its worker is
 * one of the app's own built files, so the strict CSP needs no exception), an
 * image as it is; the box of the field in focus is outlined on its page.
 */
import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { FieldSource } from '../../../shared/api/documents';
import type { PdfSignature } from '../../../shared/api/trust';
import type { ReadFile } from './from-file';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Long documents: the first pages hold every field the register needs. */
const MAX_PAGES = 10;

function Highlight({ source, page, scale }: { source: FieldSource | null; page: number; scale: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [x, y, w, h] = source?.box ?? [0, 0, 0, 0];
  const shown = source !== null && source.page === page && scale > 0;
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [shown, x, y]);
  if (!shown) return null;
  const pad = 3;
  return (
    <div
      ref={ref}
      className="doc-highlight"
      data-testid="doc-highlight"
      style={{ left: x * scale - pad, top: y * scale - pad, width: w * scale + 2 * pad, height: h * scale + 2 * pad }}
    />
  );
}

function PdfPage({ doc, n, width, source }: { doc: PDFDocumentProxy; n: number; width: number; source: FieldSource | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [scale, setScale] = useState(0);
  useEffect(() => {
    let cancel = () => {};
    void doc.getPage(n).then((page) => {
      const el = canvas.current;
      if (!el) return;
      const s = width / page.getViewport({ scale: 1 }).width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: s * ratio });
      el.width = Math.floor(viewport.width);
      el.height = Math.floor(viewport.height);
      el.style.width = `${Math.floor(viewport.width / ratio)}px`;
      el.style.height = `${Math.floor(viewport.height / ratio)}px`;
      const task = page.render({ canvas: el, viewport });
      cancel = () => task.cancel();
      task.promise.then(() => setScale(s), () => undefined);
    });
    return () => cancel();
  }, [doc, n, width]);
  return (
    <div className="doc-page" aria-label={`Trang ${n}`}>
      <canvas ref={canvas} />
      <Highlight source={source} page={n} scale={scale} />
    </div>
  );
}

function PdfView({ file, source, width }: { file: File; source: FieldSource | null; width: number }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let loaded: PDFDocumentProxy | null = null;
    void file.arrayBuffer().then((bytes) => {
      const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false });
      task.promise.then(
        (d) => {
          loaded = d;
          if (live) setDoc(d);
          else void d.destroy();
        },
        () => live && setFailed(true),
      );
    });
    return () => {
      live = false;
      void loaded?.destroy();
    };
  }, [file]);
  if (failed) return <p className="muted">Không hiển thị được tệp PDF này; các trường vẫn được đọc từ tệp.</p>;
  if (!doc) return <p className="muted">Đang mở tệp…</p>;
  const pages = Array.from({ length: Math.min(doc.numPages, MAX_PAGES) }, (_, i) => i + 1);
  return (
    <>
      {pages.map((n) => <PdfPage key={n} doc={doc} n={n} width={width} source={source} />)}
      {doc.numPages > MAX_PAGES ? <p className="muted">Chỉ hiện {MAX_PAGES} trang đầu trong {doc.numPages} trang.</p> : null}
    </>
  );
}

function ImageView({ file, source, width }: { file: File; source: FieldSource | null; width: number }) {
  const [url, setUrl] = useState<string | null>(null);
  const [scale, setScale] = useState(0);
  useEffect(() => {
    const u = URL.createObjectURL(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);
  if (!url) return null;
  return (
    <div className="doc-page">
      <img src={url} alt={file.name} style={{ width }} onLoad={(e) => setScale(width / e.currentTarget.naturalWidth)} />
      <Highlight source={source} page={1} scale={scale} />
    </div>
  );
}

function verdict(s: PdfSignature): string {
  const intact = s.intact === null ? 'không kiểm tra được' : s.intact ? 'còn nguyên vẹn' : 'đã bị sửa sau khi ký';
  const trusted = s.trusted === null ? 'không kiểm tra được chứng thư' : s.trusted ? 'chứng thư tin cậy' : 'chứng thư chưa được tin cậy';
  return `${intact}, ${trusted}${s.reason ? ` (${s.reason})` : ''}`;
}

export function Signatures({ list }: { list: PdfSignature[] }) {
  return (
    <section className="doc-signatures" aria-label="Chữ ký số">
      <h3>Chữ ký số</h3>
      {list.length === 0 ? <p className="muted">Tệp không có chữ ký số.</p> : null}
      <ul>
        {list.map((s, i) => (
          <li key={i} className={s.intact === false || s.trusted === false ? 'late' : ''}>
            <strong>{s.signer ?? 'Không rõ người ký'}</strong>
            {s.organisation ? ` — ${s.organisation}` : ''}
            {s.signedAt ? ` — ký lúc ${new Date(s.signedAt).toLocaleString('vi-VN')}` : ''}: {verdict(s)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DocumentPreview({ item, source }: { item: ReadFile; source: FieldSource | null }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth - 16))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const { kind, attachments } = item.read;
  return (
    <aside className="panel doc-preview" aria-label="Văn bản đến từ tệp">
      <div className="doc-pages" ref={box}>
        {width === 0 ? null : kind === 'pdf-text' || kind === 'pdf-scan' ? (
          <PdfView file={item.file} source={source} width={width} />
        ) : kind === 'image' ? (
          <ImageView file={item.file} source={source} width={width} />
        ) : (
          <div className="muted">
            <p>{kind === 'docx' ? 'Tệp Word' : 'Gói edXML'} “{item.file.name}”: không có bản xem trước; các trường đã đọc từ tệp.</p>
            {attachments.length ? <p>Tệp đính kèm trong gói: {attachments.map((a) => a.name).join(', ')}</p> : null}
          </div>
        )}
      </div>
      {kind === 'pdf-text' || kind === 'pdf-scan' ? <Signatures list={item.signatures} /> : null}
    </aside>
  );
}
